package org.qingdan.review.reviewcase.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewReadyForDecision;
import org.qingdan.contracts.review.ReviewSubmitted;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewedForm;
import org.qingdan.review.reviewcase.domain.Scores;

/** The case's events as the published contract; an approval carries the product's public page whole. */
public final class ReviewEventsAdapter {

    public static DomainEvent toContract(ReviewCase.Event event, ReviewCase c, long version, Instant now) {
        UUID id = UUID.randomUUID();
        String productName = c.productName();
        if (event instanceof ReviewCase.Event.ReviewerAssigned a) {
            var x = a.assignment();
            return new ReviewerAssigned(id, now, c.id(), version, c.applicationId(), productName, x.reviewerId(), x.reviewerName(),
                    x.reviewerEmail(), x.reviewerOrgUscc(), x.dueAt(), x.assignedBy());
        }
        if (event instanceof ReviewCase.Event.ReviewSubmitted r) {
            return new ReviewSubmitted(id, now, c.id(), version, c.applicationId(), productName, r.reviewerId(), r.submittedAt());
        }
        if (event instanceof ReviewCase.Event.ReviewerRecused r) {
            return new ReviewerRecused(id, now, c.id(), version, c.applicationId(), productName, r.assignment().reviewerId(),
                    r.assignment().reviewerName());
        }
        if (event instanceof ReviewCase.Event.ReviewerUnassigned u) {
            return new ReviewerUnassigned(id, now, c.id(), version, c.applicationId(), productName, u.assignment().reviewerId(),
                    u.assignment().reviewerName(), u.assignment().reviewerEmail(), u.by());
        }
        if (event instanceof ReviewCase.Event.ReadyForDecision r) {
            return new ReviewReadyForDecision(id, now, c.id(), version, c.applicationId(), productName, r.scores().reviewCount(),
                    r.scores().anyDisagreement());
        }
        if (event instanceof ReviewCase.Event.Closed closed) {
            return new ReviewCaseClosed(id, now, c.id(), version, c.applicationId(), productName, closed.reason());
        }
        if (event instanceof ReviewCase.Event.ReReviewCompleted rr) {
            var d = rr.decision();
            return new ReReviewCompleted(id, now, c.id(), version, c.reReview().listingId(), c.reReview().reReviewId(), productName,
                    d.approved() ? ReReviewCompleted.Outcome.KEEP_LISTED : ReReviewCompleted.Outcome.DELIST,
                    // the case's own reason and ground, said in the contract's words (the same names)
                    d.delistingReason() == null ? null : ProductDelisted.DelistingReason.valueOf(d.delistingReason().name()),
                    d.exclusionGround() == null ? null : ExclusionGround.valueOf(d.exclusionGround().name()), d.reasons(), d.decidedBy(), d.decidedAt());
        }
        ReviewCase.Event.Completed done = (ReviewCase.Event.Completed) event;
        return new ReviewCompleted(id, now, c.id(), version, c.applicationId(), CallAdapter.toContract(c.call()),
                done.decision().approved() ? ReviewCompleted.Decision.APPROVED : ReviewCompleted.Decision.REJECTED,
                done.decision().reasons(), done.scores().reviewCount(), scores(done.scores()), publicProduct(c),
                c.form().applicant().uscc(), FormAdapter.toContract(c.form().contact()), done.decision().decidedBy());
    }

    static List<ReviewCompleted.DimensionScore> scores(Scores scores) {
        return scores.dimensions().stream().map(d -> new ReviewCompleted.DimensionScore(d.dimension(), d.distribution(),
                d.median(), d.selfAssessed(), d.reviewersDisagree())).toList();
    }

    /** What the public page of the product shows, taken from the accepted form. */
    public static PublicProduct publicProduct(ReviewCase c) {
        ReviewedForm f = c.form();
        var p = f.product();
        return new PublicProduct(c.applicationId(), c.call().year(), p.name(), p.introduction(), p.productType(), p.scenarios(),
                p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(),
                new PublicProduct.Organisation(f.enterprise().name(), f.enterprise().uscc(), null),
                new PublicProduct.Organisation(f.applicant().name(), f.applicant().uscc(), "牵头申报单位"),
                f.participants().stream().map(x -> new PublicProduct.Organisation(x.name(), x.uscc(), x.role())).toList(),
                p.honours().stream().map(h -> new PublicProduct.PublicHonour(h.kind(), h.name(), h.date(), h.issuer())).toList());
    }

    private ReviewEventsAdapter() {
    }
}
