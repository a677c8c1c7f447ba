package org.qingdan.review.reviewcase.events;

import java.time.Clock;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.review.reviewcase.persistence.ReviewCaseDocument;
import org.qingdan.support.consume.IdempotentUpdates;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a review case when an application is accepted, and closes it when the application is
 * withdrawn. Each event is applied once: the update that changes the case also records the event id.
 */
@Component
public class ApplicationEventsListener {

    private final IdempotentUpdates updates;
    private final Clock clock;

    public ApplicationEventsListener(IdempotentUpdates updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.APPLICATION_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof ApplicationAccepted accepted) {
            updates.upsertOnce(ReviewCaseDocument.COLLECTION, accepted.aggregateId(), accepted.eventId(), new Update()
                    .setOnInsert("version", 0L)
                    .setOnInsert("status", "OPEN")
                    .setOnInsert("openedAt", clock.instant())
                    .set("applicationId", accepted.aggregateId())
                    .set("call", accepted.call())
                    .set("formVersion", accepted.formVersion())
                    .set("form", accepted.form())
                    .set("riskFlags", accepted.riskFlags()));
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            updates.applyOnce(ReviewCaseDocument.COLLECTION, withdrawn.aggregateId(), withdrawn.eventId(), new Update()
                    .set("status", "CLOSED")
                    .set("closedReason", "申报单位撤回：" + withdrawn.reason())
                    .inc("version", 1));
        }
    }
}
