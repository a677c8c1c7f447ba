package org.qingdan.support.kafka;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.ClassUtils;

/**
 * Tells why a listener failed on a record, and so what to do with it:
 * <ul>
 * <li>{@link Kind#TRANSIENT}: the world is failing, not the record (database or broker unreachable or
 * timing out, a write lost in a primary election, an optimistic-lock conflict, a downstream 5xx or an open
 * circuit breaker). It will succeed once the outage is over, so it is retried for as long as it lasts.</li>
 * <li>{@link Kind#PERMANENT}: the record itself is wrong (unreadable, an unknown type, a payload that
 * breaks its contract, a domain refusal that says the event is wrong). No retry can help: it is
 * dead-lettered at once.</li>
 * <li>{@link Kind#UNKNOWN}: anything else, most likely a bug. Retried a few times, then dead-lettered.</li>
 * </ul>
 * The chain of causes is read from the outside in and the first exception that is classified decides, as
 * Spring's own classifiers do: a repository's {@code DataAccessResourceFailureException} decides before the
 * driver's {@code MongoSocketReadException} under it, and an exception this does not know (a Spring Kafka
 * wrapper, an {@code UncheckedIOException}, an {@code UncategorizedMongoDbException}) lets its cause decide.
 * Within one exception its most specific known class decides ({@code DataAccessResourceFailureException} is
 * transient although Spring files it under {@code NonTransientDataAccessException}).
 * <p>
 * Types are matched by name, so that a service without MongoDB, spring-web or Resilience4j on its class
 * path loads this class all the same.
 */
public final class FailureClassifier {

    /** What a failure says about the record. */
    public enum Kind {
        TRANSIENT, PERMANENT, UNKNOWN;

        /** The tag value in metrics and the word in logs. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The kind of a failure and the exception in its chain that decided it; for an unknown failure, the
     * failure without the listener container's wrapper, as that says nothing.
     */
    public record Classification(Kind kind, Throwable decidedBy) {
    }

    /** Can succeed later: retried, with capped exponential back-off, until it does. */
    static final Set<String> TRANSIENT = Set.of(
            // Spring's data access: concurrency conflicts (optimistic and pessimistic locking), query timeouts,
            // transient resource failures; a connection that failed or was recovered
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            // the MongoDB driver, used directly through MongoCollection (no translation) or under a Spring exception
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoStalePrimaryException",
            "com.mongodb.MongoWriteConcernException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoServerUnavailableException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoOperationTimeoutException",
            "com.mongodb.MongoCursorNotFoundException",
            // Kafka (a send from a listener that times out, a leader moving)
            "org.apache.kafka.common.errors.RetriableException",
            "java.util.concurrent.TimeoutException",
            // the network: connection refused or reset, timeouts; an HTTP call's I/O error
            "java.io.IOException",
            "org.springframework.web.client.ResourceAccessException",
            // a downstream service answering 5xx or 429, or held off by its circuit breaker, bulkhead or rate limiter
            "org.springframework.web.client.HttpServerErrorException",
            "org.springframework.web.client.HttpClientErrorException$TooManyRequests",
            "io.github.resilience4j.circuitbreaker.CallNotPermittedException",
            "io.github.resilience4j.bulkhead.BulkheadFullException",
            "io.github.resilience4j.ratelimiter.RequestNotPermitted",
            TransientFailure.class.getName());

    /** Can never succeed: dead-lettered at once. */
    static final Set<String> PERMANENT = Set.of(
            // unreadable: no ce_type, a type the catalogue does not know, JSON that is not the contract
            // (ErrorHandlingDeserializer hands these over as DeserializationException)
            "org.springframework.kafka.support.serializer.DeserializationException",
            "org.apache.kafka.common.errors.SerializationException",
            "org.springframework.messaging.converter.MessageConversionException",
            "org.springframework.core.convert.ConversionException",
            "org.springframework.messaging.handler.invocation.MethodArgumentResolutionException",
            "tools.jackson.databind.DatabindException",
            "com.fasterxml.jackson.core.JsonProcessingException",
            // a payload that breaks its constraints
            "jakarta.validation.ValidationException",
            // a refusal: the event asks for something the rules do not allow
            "java.lang.IllegalArgumentException",
            RejectedEvent.class.getName(),
            // the record cannot reach the method at all
            "java.lang.ClassCastException",
            "java.lang.NoSuchMethodException");

    private static final boolean MONGO_PRESENT = ClassUtils.isPresent("com.mongodb.MongoException",
            FailureClassifier.class.getClassLoader());

    public static Classification classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Kind kind = kindOf(t);
            if (kind != null) {
                return new Classification(kind, t);
            }
        }
        Throwable unwrapped = failure;
        while (unwrapped instanceof ListenerExecutionFailedException && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        return new Classification(Kind.UNKNOWN, unwrapped);
    }

    /** The kind of one exception by its most specific known class, or null if it knows none. */
    private static Kind kindOf(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (c.getName().equals("tools.jackson.core.exc.JacksonIOException")) {
                return null; // Jackson's wrapper of an I/O error: its cause decides
            }
            if (TRANSIENT.contains(c.getName())) {
                return Kind.TRANSIENT;
            }
            if (PERMANENT.contains(c.getName())) {
                return Kind.PERMANENT;
            }
            if (MONGO_PRESENT && c.getName().equals("com.mongodb.MongoException") && MongoErrors.isTransient(t)) {
                return Kind.TRANSIENT;
            }
        }
        return null;
    }

    /** Loaded only where the MongoDB driver is on the class path. */
    private static final class MongoErrors {

        /** Labels the server and driver put on an operation worth trying again. */
        private static final Set<String> LABELS = Set.of("RetryableWriteError", "TransientTransactionError");

        /**
         * Server error codes of a node or network that is failing for now (those the driver retries itself
         * and a few more: a time limit exceeded, a write conflict, a write concern not yet satisfied).
         */
        private static final Set<Integer> CODES = Set.of(6, 7, 50, 64, 89, 91, 112, 134, 189, 262, 9001, 10107,
                11600, 11602, 13435, 13436);

        static boolean isTransient(Throwable t) {
            com.mongodb.MongoException e = (com.mongodb.MongoException) t;
            return LABELS.stream().anyMatch(e::hasErrorLabel) || CODES.contains(e.getCode());
        }
    }

    private FailureClassifier() {
    }
}
