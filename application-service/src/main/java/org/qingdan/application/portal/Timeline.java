package org.qingdan.application.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qingdan.application.application.domain.Application;
import org.qingdan.application.application.domain.ApplicationStatus;
import org.qingdan.application.application.domain.AuditEntry;

/**
 * The application's way so far and what is still ahead, from what application-service knows of its own application:
 * its history (submitted, accepted or returned with the office's comments, not accepted, withdrawn, decided), and the
 * review under way (reviewers assigned, learned from review-service's events). Public notice and listing belong to
 * listing-service, whose events this service does not consume: they stay "ahead" here, with where to look.
 */
public record Timeline(List<Entry> entries) {

    /** {@code state}: done, current or ahead; {@code label}: the message key {@code timeline.<label>}. */
    public record Entry(String state, String label, Instant at, String detail) {
    }

    private static final Set<String> SHOWN = Set.of("SUBMITTED", "RESUBMITTED", "RETURNED", "ACCEPTED", "NOT_ACCEPTED", "LAPSED",
            "WITHDRAWAL_REQUESTED", "WITHDRAWN", "APPROVED", "REJECTED");

    public static Timeline of(Application app) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("done", "CREATED", app.createdAt(), null));
        for (AuditEntry e : app.audit()) {
            if (SHOWN.contains(e.action())) {
                entries.add(new Entry("done", e.action(), e.at(), e.detail()));
            }
        }
        ApplicationStatus s = app.status();
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
}
