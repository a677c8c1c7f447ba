package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qingdan.application.publication.PublicationService;
import org.qingdan.application.publication.domain.Publication;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ObjectionLodged;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * listing-service's public events on the real broker, each possibly twice and an old one after a newer: the application's
 * publication follows the product onto the list and off it, and what it already knows is never undone.
 */
class ListingEventsTest extends IntegrationTest {

    static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    PublicationService publications;

    @Test
    void the_publication_follows_notice_listing_re_review_and_delisting_idempotently() throws Exception {
        String id = "app-" + UUID.randomUUID();
        PublicNoticeStarted notice = new PublicNoticeStarted(UUID.randomUUID(), T, id, 1, ContractSamples.product(), T,
                T.plus(Duration.ofDays(7)), 7, 12);
        // known types this consumer has no use for are read and ignored: a lodged and a dismissed objection
        send(notice, new ObjectionLodged(UUID.randomUUID(), T, id, 2, "objection-1", "智能风控平台", T),
                new ObjectionDecided(UUID.randomUUID(), T, id, 3, "objection-1", ObjectionDecided.Outcome.DISMISSED, "不成立",
                        ContractSamples.product(), 12), notice); // the notice redelivered
        Publication onNotice = await(id, p -> p.stage() == Publication.Stage.ON_NOTICE);
        assertThat(onNotice.noticeEndsAt()).isEqualTo(T.plus(Duration.ofDays(7)));

        Instant listedAt = T.plus(Duration.ofDays(7));
        ProductListed listed = new ProductListed(UUID.randomUUID(), listedAt, id, 4, ContractSamples.product(), listedAt, 13);
        send(listed, notice, listed); // the notice once more, after the listing
        assertThat(await(id, p -> p.stage() == Publication.Stage.LISTED).listedEdition()).isEqualTo(13L);

        // two re-reviews: the first kept it on the list, the second delists it
        Instant firstConcluded = listedAt.plus(Duration.ofDays(40));
        ReReviewConcluded firstKept = new ReReviewConcluded(UUID.randomUUID(), T, id, 6, "rr-1", "智能风控平台",
                ReReviewConcluded.Outcome.KEPT, List.of("已整改"), firstConcluded);
        send(new ReReviewOpened(UUID.randomUUID(), T, id, 5, "rr-1", "智能风控平台", listedAt.plus(Duration.ofDays(30))), firstKept);
        assertThat(await(id, p -> firstConcluded.equals(p.reReviewConcludedAt())).stage()).isEqualTo(Publication.Stage.LISTED);
        assertThat(publications.of(id).orElseThrow().reReviewKept()).isTrue();
        send(new ReReviewOpened(UUID.randomUUID(), T, id, 7, "rr-2", "智能风控平台", listedAt.plus(Duration.ofDays(60))));
        await(id, p -> p.stage() == Publication.Stage.UNDER_RE_REVIEW);

        Instant delistedAt = listedAt.plus(Duration.ofDays(70));
        ProductDelisted delisted = new ProductDelisted(UUID.randomUUID(), delistedAt, id, 8, ContractSamples.product(),
                ProductDelisted.DelistingReason.MAJOR_DEFECT, null, "核心模块缺陷", delistedAt, 14);
        send(new ReReviewConcluded(UUID.randomUUID(), delistedAt, id, 8, "rr-2", "智能风控平台", ReReviewConcluded.Outcome.DELISTED,
                List.of("缺陷未整改"), delistedAt), delisted, delisted);
        await(id, p -> p.stage() == Publication.Stage.DELISTED);

        // the first re-review's conclusion heard again after the second's, then a later fact to know it was read
        Instant later = delistedAt.plusSeconds(1);
        send(firstKept, new ProductDelisted(UUID.randomUUID(), later, id, 9, ContractSamples.product(),
                ProductDelisted.DelistingReason.MAJOR_DEFECT, null, "核心模块缺陷", later, 15));
        Publication gone = await(id, p -> later.equals(p.delistedAt()));
        assertThat(gone.reReviewKept()).as("an old conclusion does not undo a newer one").isFalse();
        assertThat(gone.reReviewConcludedAt()).isEqualTo(delistedAt);
        assertThat(gone.delistingReason()).isEqualTo(ProductDelisted.DelistingReason.MAJOR_DEFECT.label());
        assertThat(gone.delistedEdition()).isEqualTo(15L);
        assertThat(gone.listedEdition()).as("the facts before stay").isEqualTo(13L);
        assertThat(gone.noticeStartsAt()).isEqualTo(T);
        assertThat(gone.objectionUpheldAt()).as("a dismissed objection is no fact of the publication").isNull();
    }

    @Test
    void an_upheld_objection_ends_the_notice_without_a_listing() throws Exception {
        String id = "app-" + UUID.randomUUID();
        send(new PublicNoticeStarted(UUID.randomUUID(), T, id, 1, ContractSamples.product(), T, T.plus(Duration.ofDays(7)), 7, 20));
        ObjectionDecided upheld = new ObjectionDecided(UUID.randomUUID(), T.plusSeconds(60), id, 3, "objection-2",
                ObjectionDecided.Outcome.UPHELD, "产品所属企业存在未化解的重大投诉", ContractSamples.product(), 21);
        send(upheld, upheld);
        assertThat(await(id, p -> p.stage() == Publication.Stage.NOT_LISTED).objectionReason()).isEqualTo("产品所属企业存在未化解的重大投诉");
    }

    private void send(DomainEvent... events) throws Exception {
        for (DomainEvent e : events) {
            kafka.send(CloudEventRecords.of(e, "/listing-service")).get();
        }
    }

    /** The publication once it satisfies {@code condition}: the events of one id arrive in order, so all before it were read. */
    private Publication await(String id, java.util.function.Predicate<Publication> condition) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> publications.of(id).orElse(null), p -> p != null && condition.test(p));
    }
}
