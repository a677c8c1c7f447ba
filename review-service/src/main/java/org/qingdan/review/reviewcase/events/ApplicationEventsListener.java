package org.qingdan.review.reviewcase.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.review.reviewcase.ReviewService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Accepted applications open review cases; withdrawals close them. Each change is idempotent. */
@Component
public class ApplicationEventsListener {

    private final ReviewService reviews;

    public ApplicationEventsListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @KafkaListener(topics = Topics.APPLICATION_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof ApplicationAccepted accepted) {
            reviews.accepted(accepted);
        } else if (event instanceof ApplicationResubmitted resubmitted) {
            reviews.resubmitted(resubmitted);
        } else if (event instanceof ApplicationWithdrawn withdrawn) {
            reviews.withdrawn(withdrawn);
        }
    }
}
