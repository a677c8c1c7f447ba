package org.qingdan.application.intake.events;

import org.qingdan.application.intake.ApplicationService;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What application-service learns from review-service, by events and never by calls: which reviewers
 * may read an application's attachments (from their assignment until they step aside), and when the
 * committee's decision ends the right to withdraw.
 */
@Component
public class ReviewEventsListener {

    private final ApplicationService applications;

    public ReviewEventsListener(ApplicationService applications) {
        this.applications = applications;
    }

    @KafkaListener(topics = Topics.REVIEW_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof ReviewerAssigned assigned) {
            applications.reviewerAssigned(assigned.applicationId(), assigned.reviewerId());
        } else if (event instanceof ReviewerRecused recused) {
            applications.reviewerRecused(recused.applicationId(), recused.reviewerId());
        } else if (event instanceof ReviewerUnassigned removed) {
            // taken off by the office: its access ends as after a recusal
            applications.reviewerRecused(removed.applicationId(), removed.reviewerId());
        } else if (event instanceof ReviewCaseClosed closed) {
            applications.withdrawalConfirmed(closed.applicationId());
        } else if (event instanceof ReviewCompleted completed) {
            applications.decided(completed.applicationId(), completed.decision() == ReviewCompleted.Decision.APPROVED);
        }
    }
}
