package org.qingdan.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the pending events of aggregate documents and removes each only after the broker
 * acknowledged it (idempotent producer, {@code acks=all}, send result awaited): at-least-once delivery,
 * in the order the aggregate raised them.
 *
 * <p>Several instances may run against one database. Each claims a document with a lease before
 * publishing its events, so two instances rarely publish the same event (and when a lease expires under
 * a slow instance, consumers de-duplicate on the event id). A dead instance blocks nothing: its leases
 * expire and another instance takes the documents over.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE = "outboxLease";
    /** Changes with every claim: the claim and the release compare and set it. */
    static final String LEASE_TOKEN = "outboxLeaseToken";
    /** When a document that failed to publish is tried again, and how often it failed in a row. */
    static final String RETRY_AT = "outboxRetryAt";
    static final String FAILURES = "outboxFailures";
    /** Events the broker refused for good, kept beside the document's state. */
    public static final String PARKED = "parkedEvents";
    static final String OLDEST = PendingEvent.FIELD + ".0.occurredAt";
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final KafkaOperations<Object, Object> kafka;
    private final OutboxProperties properties;
    private final String owner;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private final java.util.concurrent.atomic.AtomicLong tokens = new java.util.concurrent.atomic.AtomicLong();
    private final MeterRegistry meters;
    private final java.util.Map<String, Counter> publishedByType = new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter failures;
    private final Counter parked;
    private final Timer lag;
    private final TracingScopes tracing;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaOperations<Object, Object> kafka, OutboxProperties properties,
                       String owner, Clock clock, MeterRegistry meters) {
        this(mongo, kafka, properties, owner, clock, meters, TracingScopes.NONE);
    }

    public OutboxRelay(MongoTemplate mongo, KafkaOperations<Object, Object> kafka, OutboxProperties properties,
                       String owner, Clock clock, MeterRegistry meters, TracingScopes tracing) {
        this.tracing = tracing;
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.owner = owner;
        this.clock = clock;
        this.meters = meters;
        this.failures = Counter.builder("qingdan.outbox.publish.failures").description("Events that could not be published yet").register(meters);
        this.parked = Counter.builder("qingdan.outbox.parked").description("Events the broker refused for good, parked for an admin").register(meters);
        this.lag = Timer.builder("qingdan.outbox.lag").description("From the state change to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Events the broker acknowledged, by logical type: the business's own counts (applications submitted,
     * accepted, products listed, delisted, …) as {@code qingdan_outbox_published_total{type=…}}.
     */
    private Counter published(String type) {
        return publishedByType.computeIfAbsent(type, t -> Counter.builder("qingdan.outbox.published")
                .description("Events the broker acknowledged, by type").tag("type", t).register(meters));
    }

    /** Asks the relay to look now rather than at the next poll. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** One round over every outbox collection. Returns how many events were published. */
    public int publishPending() {
        int count = 0;
        for (String collection : properties.getCollections()) {
            count += publishPending(collection);
        }
        return count;
    }

    private int publishPending(String collection) {
        var documents = mongo.getCollection(collection);
        Instant now = clock.instant();
        List<Object> candidates = new ArrayList<>();
        // oldest pending event first; a document that failed recently waits for its retry time, so one bad
        // aggregate never holds back the others
        documents.find(new Document(OLDEST, new Document("$exists", true))
                        .append("$or", List.of(new Document(RETRY_AT, new Document("$exists", false)),
                                new Document(RETRY_AT, new Document("$lte", Date.from(now))))))
                .projection(new Document("_id", 1).append(LEASE, 1))
                .sort(new Document(OLDEST, 1))
                .limit(properties.getBatchSize())
                .forEach(d -> {
                    Document lease = d.get(LEASE, Document.class);
                    if (lease == null || lease.getDate("until").toInstant().isBefore(now)) {
                        candidates.add(d.get("_id"));
                    }
                });
        int count = 0;
        for (Object id : candidates) {
            count += publishDocument(documents, id);
        }
        return count;
    }

    private int publishDocument(com.mongodb.client.MongoCollection<Document> documents, Object id) {
        Instant now = clock.instant();
        // read the lease by _id, then claim by compare-and-set on its token: both answered from an index, even
        // by the development wire server, which scans a collection for any filter but exactly an index's keys
        Document current = documents.find(new Document("_id", id)).projection(new Document(LEASE, 1).append(LEASE_TOKEN, 1)).first();
        if (current == null) {
            return 0;
        }
        Document lease = current.get(LEASE, Document.class);
        if (lease != null && lease.getDate("until") != null && !lease.getDate("until").toInstant().isBefore(now)) {
            return 0; // another instance holds it
        }
        String token = owner + "/" + tokens.incrementAndGet();
        Document claimed = documents.findOneAndUpdate(
                new Document("_id", id).append(LEASE_TOKEN, current.get(LEASE_TOKEN)),
                new Document("$set", new Document(LEASE, new Document("owner", owner)
                        .append("until", Date.from(now.plus(properties.getLease())))).append(LEASE_TOKEN, token)),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        if (claimed == null) {
            return 0; // another instance claimed it between the two
        }
        List<String> done = new ArrayList<>();
        Document release = new Document("$unset", new Document(LEASE, "").append(LEASE_TOKEN, "").append(RETRY_AT, "")
                .append(FAILURES, ""));
        PendingEvent sending = null;
        try {
            for (Document pending : claimed.getList(PendingEvent.FIELD, Document.class, List.of())) {
                sending = PendingEvent.fromDocument(pending);
                send(sending);
                done.add(sending.eventId());
                published(sending.type()).increment();
                lag.record(Duration.between(sending.occurredAt(), clock.instant()));
                // renewed after each event: a batch in flight outlives no lease
                documents.updateOne(new Document("_id", id).append(LEASE_TOKEN, token), new Document("$set",
                        new Document(LEASE + ".until", Date.from(clock.instant().plus(properties.getLease())))));
            }
        } catch (Exception e) {
            if (sending != null && refusedForGood(e)) {
                park(documents, id, sending, e);
            } else {
                failures.increment();
                int failed = claimed.getInteger(FAILURES, 0) + 1;
                Duration wait = backOff(failed);
                release = new Document("$unset", new Document(LEASE, "").append(LEASE_TOKEN, ""))
                        .append("$set", new Document(RETRY_AT, Date.from(clock.instant().plus(wait))).append(FAILURES, failed));
                log.warn("Outbox of {} could not publish yet ({}, attempt {}); {} published before, the rest retried in {}",
                        id, e.getMessage(), failed, done.size(), wait);
            }
        } finally {
            if (!done.isEmpty()) {
                documents.updateOne(new Document("_id", id), new Document("$pull",
                        new Document(PendingEvent.FIELD, new Document("eventId", new Document("$in", done)))));
            }
            documents.updateOne(new Document("_id", id).append(LEASE_TOKEN, token), release);
        }
        return done.size();
    }

    /** Doubles from the poll interval up to a minute: a broker outage is not hammered, a short blip costs little. */
    Duration backOff(int failures) {
        long base = Math.max(100, properties.getPollInterval().toMillis());
        return Duration.ofMillis(Math.min(MAX_BACK_OFF.toMillis(), base << Math.min(failures - 1, 16)));
    }

    /** What the broker will never accept, however often it is sent: retrying it would stall the outbox. */
    static boolean refusedForGood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || t instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                    || t instanceof org.apache.kafka.common.errors.InvalidTopicException
                    || t instanceof org.apache.kafka.common.InvalidRecordException
                    || t instanceof org.apache.kafka.common.errors.SerializationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves an event the broker refused for good out of the way, beside its document's state
     * ({@code parkedEvents}: the event as it was, the failure and the time), counted and logged, so the
     * document's other events and every other document go on. An admin sees them at {@code /admin/outbox/parked}.
     */
    private void park(com.mongodb.client.MongoCollection<Document> documents, Object id, PendingEvent event, Exception e) {
        Document parkedEvent = event.toDocument().append("failure", String.valueOf(rootCause(e)))
                .append("parkedAt", Date.from(clock.instant()));
        documents.updateOne(new Document("_id", id), new Document("$pull",
                new Document(PendingEvent.FIELD, new Document("eventId", event.eventId())))
                .append("$push", new Document(PARKED, parkedEvent)));
        parked.increment();
        log.error("Outbox of {}: event {} ({}) refused by the broker for good ({}); parked beside the document, the others go on",
                id, event.eventId(), event.type(), rootCause(e));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void send(PendingEvent event) throws Exception {
        // inside the trace of the request that raised the event: the producer's observation continues it
        try (AutoCloseable scope = tracing.continueTrace(event.traceparent())) {
            kafka.send(CloudEventRecords.of(event)).get(properties.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void loop() {
        while (running) {
            try {
                int n = publishPending();
                if (n == 0) {
                    wakeUp.tryAcquire(properties.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // even an Error: a dead relay thread would stop every event of the service, silently
                if (!running) {
                    return; // stopping: the database client was closed under the round
                }
                log.error("Outbox relay round failed; retrying", e);
                sleepQuietly(properties.getPollInterval());
            }
        }
    }

    /**
     * The relay asks every poll for documents with pending events: a sparse index on the first pending
     * event holds only those, so the question costs the same with 10 or 100,000 documents in a collection.
     * The claim's compare-and-set on {_id, token} has an index of exactly its keys (MongoDB would use the _id
     * index alone; the development wire server uses an index only for a query of exactly its keys).
     */
    private void indexPending() {
        for (String collection : properties.getCollections()) {
            try {
                mongo.getCollection(collection).createIndex(new Document(OLDEST, 1),
                        new com.mongodb.client.model.IndexOptions().sparse(true).name("outbox_pending_oldest"));
                mongo.getCollection(collection).createIndex(new Document("_id", 1).append(LEASE_TOKEN, 1),
                        new com.mongodb.client.model.IndexOptions().unique(true).name("outbox_lease"));
            } catch (RuntimeException e) {
                log.warn("Could not index the outbox of {} ({}); the relay's query scans it", collection, e.getMessage());
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!properties.isRelayEnabled() || running) {
            return;
        }
        running = true;
        indexPending();
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Kafka and Mongo infrastructure, stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
