package org.qingdan.review.reviewcase.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.review.reviewcase.ReviewService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A re-review the office opened on a report about a listed product (Art. 12) opens a review case; idempotent. */
@Component
public class ListingEventsListener {

    private final ReviewService reviews;

    public ListingEventsListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @KafkaListener(topics = Topics.LISTING_OFFICE_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof ReReviewRequested requested) {
            reviews.reReviewRequested(requested);
        }
    }
}
