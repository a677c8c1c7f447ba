package org.qingdan.application.publication.events;

import org.qingdan.application.publication.PublicationService;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What listing-service publishes of an application's product, from the public {@code listing.events} (a listing's id is
 * its application's): notice started, an objection upheld, listed, re-review opened and concluded, delisted. The other
 * types of the catalogue (a dismissed objection, lodged objections, re-confirmations, corrected records) are read and
 * ignored; a type the catalogue does not know goes to {@code listing.events.DLT}, as in every consumer.
 */
@Component
public class ListingEventsListener {

    private final PublicationService publications;

    public ListingEventsListener(PublicationService publications) {
        this.publications = publications;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS)
    void on(DomainEvent event) {
        if (event instanceof PublicNoticeStarted started) {
            publications.noticeStarted(started.aggregateId(), started.noticeStartsAt(), started.noticeEndsAt());
        } else if (event instanceof ObjectionDecided decided && decided.outcome() == ObjectionDecided.Outcome.UPHELD) {
            publications.objectionUpheld(decided.aggregateId(), decided.occurredAt(), decided.reason());
        } else if (event instanceof ProductListed listed) {
            publications.listed(listed.aggregateId(), listed.listedAt(), listed.edition());
        } else if (event instanceof ReReviewOpened opened) {
            publications.reReviewOpened(opened.aggregateId(), opened.openedAt());
        } else if (event instanceof ReReviewConcluded concluded) {
            publications.reReviewConcluded(concluded.aggregateId(), concluded.concludedAt(),
                    concluded.outcome() == ReReviewConcluded.Outcome.KEPT);
        } else if (event instanceof ProductDelisted delisted) {
            publications.delisted(delisted.aggregateId(), delisted.delistedAt(),
                    delisted.reason() == null ? null : delisted.reason().label(), delisted.edition());
        }
    }
}
