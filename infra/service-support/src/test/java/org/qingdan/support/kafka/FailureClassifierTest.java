package org.qingdan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.bulk.WriteConcernError;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qingdan.support.kafka.FailureClassifier.Kind;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/** The classification table, one row per failure a listener meets, wrapped as the listener container hands it over. */
class FailureClassifierTest {

    private static final ServerAddress SERVER = new ServerAddress("localhost", 27017);

    static Stream<Arguments> failures() {
        return Stream.of(
                // transient: the database
                transientFailure(new DataAccessResourceFailureException("Timed out while waiting for a server",
                        new MongoTimeoutException("Timed out while waiting for a server"))),
                transientFailure(new DataAccessResourceFailureException("reset", new MongoSocketReadException("Prematurely reached end of stream", SERVER))),
                transientFailure(new MongoTimeoutException("Timed out while waiting for a server")),
                transientFailure(new MongoSocketOpenException("Exception opening socket", SERVER, new ConnectException("Connection refused"))),
                transientFailure(new MongoNotPrimaryException(command(10107, "NotWritablePrimary"), SERVER)),
                transientFailure(new MongoNodeIsRecoveringException(command(11600, "InterruptedAtShutdown"), SERVER)),
                transientFailure(new MongoWriteConcernException(new WriteConcernError(64, "WriteConcernFailed", "waiting for replication timed out", new BsonDocument()),
                        WriteConcernResult.unacknowledged(), SERVER, Set.of())),
                transientFailure(new DataIntegrityViolationException("write concern", new MongoWriteConcernException(
                        new WriteConcernError(91, "ShutdownInProgress", "shutting down", new BsonDocument()), WriteConcernResult.unacknowledged(), SERVER, Set.of()))),
                transientFailure(new UncategorizedMongoDbException("stepped down", new MongoCommandException(command(189, "PrimarySteppedDown"), SERVER))),
                transientFailure(labelled(new MongoCommandException(command(2, "BadValue"), SERVER), "RetryableWriteError")),
                transientFailure(new OptimisticLockingFailureException("version 3 expected, 4 found")),
                transientFailure(new PessimisticLockingFailureException("locked")),
                transientFailure(new CannotAcquireLockException("locked")),
                transientFailure(new QueryTimeoutException("slow")),
                // transient: the broker, the network, a downstream service
                transientFailure(new KafkaException("send failed", new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"))),
                transientFailure(new NotLeaderOrFollowerException("moved")),
                transientFailure(new java.util.concurrent.TimeoutException()),
                transientFailure(new UncheckedIOException(new ConnectException("Connection refused"))),
                transientFailure(new UncheckedIOException(new SocketTimeoutException("Read timed out"))),
                transientFailure(new UncheckedIOException(new HttpTimeoutException("request timed out"))),
                transientFailure(new UncheckedIOException(new IOException("HTTP/1.1 header parser received no bytes"))),
                transientFailure(new ResourceAccessException("I/O error on GET", new ConnectException("Connection refused"))),
                transientFailure(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", null, null, null)),
                transientFailure(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "Bad Gateway", null, null, null)),
                transientFailure(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", null, null, null)),
                transientFailure(CallNotPermittedException.createCallNotPermittedException(open(CircuitBreaker.ofDefaults("attachments")))),
                transientFailure(new TransientFailure("attachments answered 503")),
                // permanent: the record is wrong
                permanent(new DeserializationException("Cannot read", "{not json".getBytes(), false, new RuntimeException())),
                permanent(new org.apache.kafka.common.errors.SerializationException("Unknown event type: application.teleported.v1")),
                permanent(new MessageConversionException("cannot convert")),
                permanent(new ConstraintViolationException("aggregateId: must not be null", Set.of())),
                permanent(new IllegalArgumentException("a decision for an application that was never accepted")),
                permanent(new RejectedEvent("ReviewCompleted for a withdrawn application")),
                permanent(new ClassCastException("not a DomainEvent")),
                // the outermost classified exception decides: a refusal about a timeout is still a refusal
                permanent(new IllegalArgumentException("bad", new MongoTimeoutException("Timed out"))),
                // unknown: retried a few times, then dead-lettered
                unknown(new IllegalStateException("this record can never be processed")),
                unknown(new NullPointerException()),
                unknown(new DuplicateKeyException("E11000 duplicate key")),
                unknown(new UncategorizedMongoDbException("bad", new MongoCommandException(command(2, "BadValue"), SERVER))),
                unknown(new RecordTooLargeException("too large")),
                unknown(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, null, null)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failures")
    void a_failure_is_classified_by_the_first_known_exception_of_its_chain(Kind expected, Exception failure) {
        // the container hands listener exceptions over wrapped
        Exception asThrown = new ListenerExecutionFailedException("Listener method threw", failure);
        assertThat(FailureClassifier.classify(asThrown).kind()).isEqualTo(expected);
        assertThat(FailureClassifier.classify(failure).kind()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failures")
    void the_deciding_exception_is_named(Kind expected, Exception failure) {
        Throwable decidedBy = FailureClassifier.classify(new ListenerExecutionFailedException("x", failure)).decidedBy();
        assertThat(decidedBy).isNotInstanceOf(ListenerExecutionFailedException.class);
        if (expected == Kind.UNKNOWN) {
            assertThat(decidedBy).isSameAs(failure);
        }
    }

    private static Arguments transientFailure(Exception e) {
        return Arguments.of(Kind.TRANSIENT, e);
    }

    private static Arguments permanent(Exception e) {
        return Arguments.of(Kind.PERMANENT, e);
    }

    private static Arguments unknown(Exception e) {
        return Arguments.of(Kind.UNKNOWN, e);
    }

    private static BsonDocument command(int code, String name) {
        return new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("codeName", new BsonString(name)).append("errmsg", new BsonString(name));
    }

    private static <T extends com.mongodb.MongoException> T labelled(T e, String label) {
        e.addLabel(label);
        return e;
    }

    private static CircuitBreaker open(CircuitBreaker breaker) {
        breaker.transitionToOpenState();
        return breaker;
    }
}
