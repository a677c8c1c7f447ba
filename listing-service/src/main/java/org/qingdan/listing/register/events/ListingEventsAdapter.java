package org.qingdan.listing.register.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ObjectionLodged;
import org.qingdan.contracts.listing.ObjectionOutcome;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.FileRef;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.contracts.listing.ReconfirmationOverdue;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.listing.SelfAssessmentUpdated;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.ReReview;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.Objection;
import org.qingdan.listing.register.domain.RegisterEvent;
import org.qingdan.listing.register.domain.SelfAssessmentUpdate;

/**
 * The public contract of the list: each event carries the product's whole public page and the edition
 * it produced, so that a website reading {@code listing.events} alone rebuilds the list. Who objected
 * never goes there: the objector hears the outcome through {@code listing.office.events}.
 */
public final class ListingEventsAdapter {

    /**
     * The contract events of one domain event: one, or for a decided objection also its outcome for the objector, or for a
     * re-confirmation that updated the self-assessment also the office's {@link SelfAssessmentUpdated}.
     */
    public static List<DomainEvent> toContract(RegisterEvent event, Instant now) {
        if (event instanceof RegisterEvent.ReReviewOpened opened) {
            return reReviewOpened(opened, now);
        }
        DomainEvent published = publicEvent(event, now);
        if (event instanceof RegisterEvent.Reconfirmed r && r.selfAssessmentUpdate() != null) {
            // the declared ratings go to the office alone, never on the public topic
            Listing l = r.listing();
            SelfAssessmentUpdate u = r.selfAssessmentUpdate();
            return List.of(published, new SelfAssessmentUpdated(UUID.randomUUID(), now, l.id(), l.version(), l.product().productName(),
                    l.lead().name(), l.lead().uscc(), l.lastConfirmedAt(),
                    new SelfAssessmentUpdated.Ratings(u.legalCompliance(), u.financialInnovation(), u.riskControl(), u.afterSalesService()),
                    u.explanation()));
        }
        if (event instanceof RegisterEvent.ObjectionDecided decided) {
            Objection o = decided.objection();
            ObjectionDecided d = (ObjectionDecided) published;
            return List.of(published, new ObjectionOutcome(UUID.randomUUID(), now, d.aggregateId(), d.aggregateVersion(), o.id(),
                    o.lodgedBy(), o.orgUscc(), o.orgName(), d.outcome(), d.reason(), d.product().productName()));
        }
        return List.of(published);
    }

    private static DomainEvent publicEvent(RegisterEvent event, Instant now) {
        Listing l = event.listing();
        UUID id = UUID.randomUUID();
        if (event instanceof RegisterEvent.NoticeStarted started) {
            return new PublicNoticeStarted(id, now, l.id(), l.version(), ProductAdapter.toContract(l.product()), l.noticeStartsAt(), l.noticeEndsAt(),
                    l.noticeDays(), started.edition().number());
        }
        if (event instanceof RegisterEvent.Listed listed) {
            return new ProductListed(id, now, l.id(), l.version(), ProductAdapter.toContract(l.product()), l.listedAt(), listed.edition().number());
        }
        if (event instanceof RegisterEvent.Delisted delisted) {
            // the list's own reason and ground, said in the contract's words (the same names)
            ExclusionGround ground = l.delisting().exclusionGround();
            return new ProductDelisted(id, now, l.id(), l.version(), ProductAdapter.toContract(l.product()),
                    ProductDelisted.DelistingReason.valueOf(l.delisting().reason().name()),
                    ground == null ? null : org.qingdan.contracts.form.ExclusionGround.valueOf(ground.name()), l.delisting().explanation(),
                    l.delisting().at(), delisted.edition().number());
        }
        if (event instanceof RegisterEvent.Reconfirmed) {
            return new Reconfirmed(id, now, l.id(), l.version(), l.product().productName(), l.lastConfirmedAt(), l.reconfirmDueAt());
        }
        if (event instanceof RegisterEvent.ReconfirmationOverdue overdue) {
            return new ReconfirmationOverdue(id, now, l.id(), l.version(), l.product().productName(),
                    l.lead().name(), overdue.dueAt());
        }
        if (event instanceof RegisterEvent.RecordCorrected corrected) {
            return new RecordCorrected(id, now, l.id(), l.version(), ProductAdapter.toContract(l.product()), corrected.change(), corrected.summary(),
                    corrected.edition().createdAt(), corrected.edition().number());
        }
        if (event instanceof RegisterEvent.ReReviewConcluded concluded) {
            return new ReReviewConcluded(id, now, l.id(), l.version(), concluded.reReviewId(), l.product().productName(),
                    concluded.kept() ? ReReviewConcluded.Outcome.KEPT : ReReviewConcluded.Outcome.DELISTED, concluded.reasons(), now);
        }
        if (event instanceof RegisterEvent.ObjectionLodged lodged) {
            return new ObjectionLodged(id, now, l.id(), l.version(), lodged.objection().id(), l.product().productName(),
                    lodged.objection().lodgedAt());
        }
        RegisterEvent.ObjectionDecided decided = (RegisterEvent.ObjectionDecided) event;
        Objection o = decided.objection();
        return new ObjectionDecided(id, now, l.id(), l.version(), o.id(),
                o.status() == Objection.Status.UPHELD ? ObjectionDecided.Outcome.UPHELD : ObjectionDecided.Outcome.DISMISSED,
                o.decisionReason(), ProductAdapter.toContract(l.product()), Math.max(1, decided.edition()));
    }

    /** Public: 复核中; for review-service (never public): the product, the report without its reporter, the answers. */
    private static List<DomainEvent> reReviewOpened(RegisterEvent.ReReviewOpened opened, Instant now) {
        Listing l = opened.listing();
        ReReview r = opened.reReview();
        ReReview.Brief b = opened.brief();
        return List.of(
                new ReReviewOpened(UUID.randomUUID(), now, l.id(), l.version(), r.id(), l.product().productName(), r.openedAt()),
                new ReReviewRequested(UUID.randomUUID(), now, l.id(), l.version(), r.id(), ProductAdapter.toContract(l.product()),
                        new ReReviewRequested.Report(b.reportId(), b.kinds(), b.description(), b.occurredOn(), b.filedAt(), files(b.evidence())),
                        b.answers().stream().map(a -> new ReReviewRequested.Response(a.organisationName(), a.organisationUscc(), a.text(),
                                files(a.files()), a.respondedAt())).toList(),
                        b.reason(), r.openedAt(), r.openedBy()));
    }

    private static List<FileRef> files(List<ReReview.File> files) {
        return files.stream().map(f -> new FileRef(f.id(), f.fileName(), f.mediaType(), f.size(), f.sha256(), f.uploadedAt())).toList();
    }

    private ListingEventsAdapter() {
    }
}
