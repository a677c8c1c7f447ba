package org.qingdan.support.it;

import jakarta.validation.Valid;
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
