package org.qingdan.listing.register.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.listing.register.NoticeTimer;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.ReReview;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * An approval by the committee starts public notice (the product's public page travels with the event); the
 * committee's conclusion of a re-review keeps the product listed or delists it.
 */
@Component
public class ReviewEventsListener {

    private final RegisterService register;
    private final NoticeTimer timer;

    public ReviewEventsListener(RegisterService register, NoticeTimer timer) {
        this.register = register;
        this.timer = timer;
    }

    @KafkaListener(topics = Topics.REVIEW_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof ReviewCompleted completed && completed.decision() == ReviewCompleted.Decision.APPROVED) {
            // idempotent: a listing for this application exists after the first delivery
            var listing = register.startNotice(completed.applicationId(), ProductAdapter.toDomain(completed.product()),
                    completed.call().publicNoticeDays());
            if (listing.noticeEndsAt() != null) {
                timer.expect(listing.noticeEndsAt());
            }
        } else if (event instanceof ReReviewCompleted done) {
            // idempotent: a conclusion of a re-review no longer open changes nothing
            register.concludeReReview(done.listingId(), new ReReview.Conclusion(done.reReviewId(),
                    done.outcome() == ReReviewCompleted.Outcome.KEEP_LISTED,
                    done.delistingReason() == null ? null : DelistingReason.valueOf(done.delistingReason().name()),
                    done.exclusionGround() == null ? null : ExclusionGround.valueOf(done.exclusionGround().name()),
                    done.reasons(), done.decidedBy()));
        }
    }
}
