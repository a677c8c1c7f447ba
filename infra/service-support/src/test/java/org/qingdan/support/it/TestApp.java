package org.qingdan.support.it;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConsumerSeekAware;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.consume.IdempotentUpdates;
import org.qingdan.support.consume.SideEffectClaims;
import org.qingdan.support.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A small service built only from service-support, to test the support against real infrastructure. */
@SpringBootApplication
public class TestApp {

    /** A topic of the error-class tests' own, so that no other listener meets their failures and poison. */
    public static final String ERRORS_TOPIC = "support-test.errors";

    /** A topic of the dead-letter tests' own: its dead-letter topic holds only what they put there. */
    public static final String REPLAYS_TOPIC = "support-test.replays";

    @Bean
    NewTopic replaysTopic() {
        return new NewTopic(REPLAYS_TOPIC, 2, (short) 1);
    }

    @Bean
    NewTopic replaysDeadLetters() {
        return new NewTopic(Topics.deadLetterOf(REPLAYS_TOPIC), 2, (short) 1);
    }

    /**
     * Consumes {@link #REPLAYS_TOPIC} as a service consumes its events: the state change applied once per event
     * into {@code replayed} (by aggregate id, {@code applied} counts the events), and a side effect ("a mail")
     * claimed first. While {@link #refusing} is set it refuses every withdrawal (a {@code RejectedEvent}: a
     * permanent failure, dead-lettered at once); the fix is to clear it. Counts its deliveries and its mails
     * by event id.
     */
    @Component
    @ConditionalOnProperty("test.errors.listener")
    public static class ReplayListener {

        public volatile boolean refusing;
        public final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        public final Map<String, AtomicInteger> mails = new ConcurrentHashMap<>();
        private final IdempotentUpdates updates;
        private final SideEffectClaims claims;

        public ReplayListener(IdempotentUpdates updates, SideEffectClaims claims) {
            this.updates = updates;
            this.claims = claims;
        }

        @KafkaListener(topics = REPLAYS_TOPIC, groupId = "support-test-replays")
        void on(DomainEvent event) {
            ApplicationWithdrawn withdrawn = (ApplicationWithdrawn) event;
            String id = withdrawn.eventId().toString();
            deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (refusing) {
                throw new org.qingdan.support.kafka.RejectedEvent("撤回了一个尚未受理的申报");
            }
            updates.upsertOnce("replayed", withdrawn.aggregateId(), withdrawn.eventId(), new Update().inc("applied", 1));
            if (claims.claim(SideEffectClaims.key(withdrawn.eventId(), withdrawn.contact().email(), "mail"))) {
                mails.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    @Bean
    NewTopic errorsTopic() {
        return new NewTopic(ERRORS_TOPIC, 3, (short) 1);
    }

    @Bean
    NewTopic errorsDeadLetters() {
        return new NewTopic(Topics.deadLetterOf(ERRORS_TOPIC), 3, (short) 1);
    }

    /**
     * Consumes {@link #ERRORS_TOPIC} and fails on purpose, by the withdrawal's reason: {@code outage} fails
     * transiently (the first attempt after its write went through, the next ones before writing, as a
     * database that times out would) until {@link #outage} says it is over; {@code refused} and
     * {@code illegal} refuse the event; anything else is applied. Each event is applied once into
     * {@code errorClasses}, keyed by its id. Only in the shared test context, so that no other context's
     * consumer joins its group. Its consumer must poll at least every 3 s, shorter than the outage.
     */
    @Component
    @ConditionalOnProperty("test.errors.listener")
    public static class ErrorClassesListener implements ConsumerSeekAware {

        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** Event ids in the order their processing succeeded. */
        public final List<String> completed = new CopyOnWriteArrayList<>();
        public final AtomicInteger assignments = new AtomicInteger();
        public final AtomicInteger revocations = new AtomicInteger();
        private final IdempotentUpdates updates;
        private volatile int outageAttempts;
        private volatile Duration outageAtLeast = Duration.ZERO;
        private volatile Instant outageStarted;

        public ErrorClassesListener(IdempotentUpdates updates) {
            this.updates = updates;
        }

        /** The next {@code outage} event fails transiently on at least this many attempts, for at least this long. */
        public void outage(int failedAttempts, Duration atLeast) {
            this.outageAttempts = failedAttempts;
            this.outageAtLeast = atLeast;
            this.outageStarted = null;
        }

        @KafkaListener(topics = ERRORS_TOPIC, groupId = "support-test-errors", properties = "max.poll.interval.ms=3000")
        void on(DomainEvent event) {
            ApplicationWithdrawn withdrawn = (ApplicationWithdrawn) event;
            int attempt = attempts.computeIfAbsent(withdrawn.eventId().toString(), k -> new AtomicInteger()).incrementAndGet();
            switch (withdrawn.reason()) {
                case "outage" -> {
                    if (attempt == 1) {
                        outageStarted = Instant.now();
                        apply(withdrawn);
                        throw new org.springframework.dao.DataAccessResourceFailureException("Prematurely reached end of stream",
                                new com.mongodb.MongoSocketReadException("Prematurely reached end of stream",
                                        new com.mongodb.ServerAddress("localhost", 27017)));
                    }
                    if (attempt <= outageAttempts || Instant.now().isBefore(outageStarted.plus(outageAtLeast))) {
                        throw new com.mongodb.MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector");
                    }
                }
                case "refused" -> throw new org.qingdan.support.kafka.RejectedEvent("撤回了一个从未提交的申报");
                case "illegal" -> throw new IllegalArgumentException("申报编号格式不对");
                default -> {
                }
            }
            apply(withdrawn);
            completed.add(withdrawn.eventId().toString());
        }

        private void apply(ApplicationWithdrawn withdrawn) {
            updates.upsertOnce("errorClasses", withdrawn.eventId().toString(), withdrawn.eventId(),
                    new Update().inc("applied", 1).set("aggregateId", withdrawn.aggregateId()));
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assigned, ConsumerSeekCallback callback) {
            assignments.incrementAndGet();
        }

        @Override
        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            revocations.incrementAndGet();
        }
    }

    /** An aggregate document with the outbox inside it. */
    @Document("widgets")
    public record Widget(@Id String id, @Version Long version, String name, String note) {
    }

    /** Consumes application.events: a state change applied once per event, and a side effect claimed first. */
    @Component
    public static class WithdrawalProjector {

        private static final Logger log = LoggerFactory.getLogger(WithdrawalProjector.class);
        public final AtomicInteger mailsSent = new AtomicInteger();
        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final IdempotentUpdates updates;
        private final SideEffectClaims claims;

        public WithdrawalProjector(IdempotentUpdates updates, SideEffectClaims claims) {
            this.updates = updates;
            this.claims = claims;
        }

        @KafkaListener(topics = Topics.APPLICATION_EVENTS, groupId = "${test.projector.group:test-projector}")
        void on(DomainEvent event) {
            if (event instanceof ApplicationWithdrawn withdrawn) {
                attempts.computeIfAbsent(withdrawn.aggregateId(), k -> new AtomicInteger()).incrementAndGet();
                if ("always-fails".equals(withdrawn.reason())) {
                    throw new IllegalStateException("this record can never be processed");
                }
                log.info("withdrawal of {} by contact {}", withdrawn.aggregateId(), withdrawn.contact().phone());
                updates.upsertOnce("withdrawals", withdrawn.aggregateId(), withdrawn.eventId(),
                        new Update().inc("applied", 1).set("reason", withdrawn.reason())
                                .set("traceId", org.slf4j.MDC.get("traceId")));
                if (claims.claim(SideEffectClaims.key(withdrawn.eventId(), "office", "mail"))) {
                    mailsSent.incrementAndGet();
                }
            }
        }
    }

    public record Thing(@NotBlank String name, @Pattern(regexp = "\\d{6}", message = "邮编应为6位数字") String postcode,
                        java.util.List<org.qingdan.contracts.form.Rating> ratings) {
    }

    @RestController
    public static class Things {

        private static final Logger log = LoggerFactory.getLogger(Things.class);
        private final org.qingdan.support.outbox.AggregateStore store;

        public Things(org.qingdan.support.outbox.AggregateStore store) {
            this.store = store;
        }

        @PostMapping("/api/things/widgets/{id}")
        Map<String, String> widget(@org.springframework.web.bind.annotation.PathVariable String id) {
            store.insert(new Widget(id, null, "部件", null), java.util.List.of(Events.withdrawn(id, "经由接口")));
            return Map.of("id", id);
        }

        @GetMapping("/api/things/me")
        CurrentUser me(CurrentUser user) {
            log.info("who am I: {} reachable at 13800138000 and {}", user.username(), user.email());
            return user;
        }

        @GetMapping("/api/things/office")
        @PreAuthorize("hasRole('office')")
        Map<String, String> office() {
            return Map.of("ok", "office");
        }

        @PostMapping("/api/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/api/public/things")
        Map<String, String> open() {
            return Map.of("ok", "public");
        }

        @GetMapping("/api/things/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internals that must not leak");
        }
    }
}
