package org.qingdan.application.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.domain.AuditEntry;
import org.qingdan.application.publication.domain.Publication;

/**
 * The application's way so far and what is still ahead, from what application-service knows of its own application:
 * its history (submitted, accepted or returned with the office's comments, not accepted, withdrawn, decided), and the
 * review under way (reviewers assigned, learned from review-service's events), and after approval what listing-service
 * published of the product ({@link Publication}, learned from its events): on notice until its end, not listed after an
 * upheld objection, listed in an edition, under re-review, delisted. Until listing-service starts the notice, notice and
 * listing stay "ahead", with where to look.
 */
public record Timeline(List<Entry> entries) {

    /**
     * {@code state}: done, current or ahead; {@code label}: the message key {@code timeline.<label>}; {@code until}: the end
     * of a public notice; {@code edition}: the list's edition the entry made.
     */
    public record Entry(String state, String label, Instant at, String detail, Instant until, Long edition) {

        Entry(String state, String label, Instant at, String detail) {
            this(state, label, at, detail, null, null);
        }
    }

    private static final Set<String> SHOWN = Set.of("SUBMITTED", "RESUBMITTED", "RETURNED", "ACCEPTED", "NOT_ACCEPTED", "LAPSED",
            "WITHDRAWAL_REQUESTED", "WITHDRAWN", "APPROVED", "REJECTED");

    /** {@code publication}: what listing-service published of the product, or null. */
    public static Timeline of(Application app, Publication publication) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("done", "CREATED", app.createdAt(), null));
        for (AuditEntry e : app.audit()) {
            if (SHOWN.contains(e.action())) {
                entries.add(new Entry("done", e.action(), e.at(), e.detail()));
            }
        }
        ApplicationStatus s = app.status();
        if (s == ApplicationStatus.APPROVED && publication != null && publication.stage() != null) {
            published(entries, publication);
            return new Timeline(entries);
        }
        boolean over = s == ApplicationStatus.WITHDRAWN || s == ApplicationStatus.NOT_ACCEPTED || s == ApplicationStatus.REJECTED;
        if (over) {
            return new Timeline(entries);
        }
        switch (s) {
            case DRAFT -> entries.add(new Entry("current", "FILLING", null, null));
            case RETURNED -> entries.add(new Entry("current", "CORRECTING", app.correctionDueAt(), null));
            case SUBMITTED -> entries.add(new Entry("current", "FORMAL_CHECK", null, null));
            case ACCEPTED -> entries.add(new Entry("current", app.assignedReviewers().isEmpty() ? "AWAITING_REVIEW" : "UNDER_REVIEW", null, null));
            case WITHDRAWAL_REQUESTED -> entries.add(new Entry("current", "WITHDRAWAL_PENDING", null, null));
            default -> { }
        }
        if (s == ApplicationStatus.DRAFT || s == ApplicationStatus.RETURNED) {
            entries.add(new Entry("ahead", "FORMAL_CHECK", null, null));
        }
        if (s != ApplicationStatus.APPROVED && s != ApplicationStatus.WITHDRAWAL_REQUESTED) {
            if (s != ApplicationStatus.ACCEPTED || app.assignedReviewers().isEmpty()) {
                entries.add(new Entry("ahead", "UNDER_REVIEW", null, null));
            }
            entries.add(new Entry("ahead", "DECISION", null, null));
        }
        if (s != ApplicationStatus.WITHDRAWAL_REQUESTED) {
            entries.add(new Entry("ahead", "PUBLIC_NOTICE", null, null));
            entries.add(new Entry("ahead", "LISTED", null, null));
        }
        return new Timeline(entries);
    }

    /** After approval: listing-service's facts, in their order. */
    private static void published(List<Entry> entries, Publication p) {
        Publication.Stage stage = p.stage();
        if (p.noticeStartsAt() != null) {
            boolean onNotice = stage == Publication.Stage.ON_NOTICE;
            entries.add(new Entry(onNotice ? "current" : "done", onNotice ? "ON_NOTICE" : "NOTICED", p.noticeStartsAt(), null,
                    p.noticeEndsAt(), null));
        }
        switch (stage) {
            case ON_NOTICE -> entries.add(new Entry("ahead", "LISTED", null, null));
            case NOT_LISTED -> entries.add(new Entry("done", "NOT_LISTED", p.objectionUpheldAt(), p.objectionReason()));
            default -> {
                entries.add(new Entry(stage == Publication.Stage.LISTED ? "current" : "done", "LISTED_IN", p.listedAt(), null, null,
                        p.listedEdition()));
                if (p.reReviewOpenedAt() != null) {
                    entries.add(new Entry(p.underReReview() ? "current" : "done", "RE_REVIEW", p.reReviewOpenedAt(), null));
                }
                if (p.reReviewConcludedAt() != null && !p.underReReview()) {
                    entries.add(new Entry("done", Boolean.TRUE.equals(p.reReviewKept()) ? "RE_REVIEW_KEPT" : "RE_REVIEW_DELIST",
                            p.reReviewConcludedAt(), null));
                }
                if (stage == Publication.Stage.DELISTED) {
                    entries.add(new Entry("done", "DELISTED", p.delistedAt(), p.delistingReason(), null, p.delistedEdition()));
                }
            }
        }
    }
}
