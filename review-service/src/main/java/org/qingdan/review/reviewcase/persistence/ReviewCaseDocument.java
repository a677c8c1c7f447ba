package org.qingdan.review.reviewcase.persistence;

import java.time.Instant;
import java.util.List;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review case as stored: the domain state whole, the version that makes the committee's decision
 * happen exactly once (a concurrent second decision fails its version check), and the outbox beside.
 *
 * <p>{@code openReviews} and {@code nextDueAt} are derived from the state at every write, so that the lists can
 * filter overdue reviews and sort by due date in the database: a case's own arrays cannot say "this expert's
 * assignment is active and its review not submitted" in one index. Documents written before these fields existed
 * get them at their next write.
 *
 * <p>The indexes serve the lists, each filtered by equality and sorted newest first then by id (a stable
 * order for paging): every case; the cases of one status (and the open loads, which match ASSIGNED and
 * OPEN); one expert's cases; one call's cases (and the calls of the filter, a distinct on its first key); the open
 * reviews by expert and due date (overdue); the earliest due date. An index named {@code reviewer} on
 * {@code {state.assignments.reviewerId, state.status}} from earlier versions is no longer declared and can be
 * dropped where it exists.
 */
@Document(ReviewCaseDocument.COLLECTION)
@CompoundIndex(name = "newest", def = "{'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "status-newest", def = "{'state.status': 1, 'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "reviewer-newest", def = "{'state.assignments.reviewerId': 1, 'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "call-newest", def = "{'state.call.callId': 1, 'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "open-reviews-due", def = "{'openReviews.reviewerId': 1, 'openReviews.dueAt': 1}")
@CompoundIndex(name = "next-due", def = "{'nextDueAt': 1, '_id': 1}")
public record ReviewCaseDocument(@Id String id, @Version Long version, ReviewCase state, List<OpenReview> openReviews,
                                 Instant nextDueAt) {

    public static final String COLLECTION = "reviewCases";
    /** Where a case without an open review sorts by due date: after every real due date. */
    static final Instant NO_DUE_DATE = Instant.parse("9999-12-31T00:00:00Z");

    /** An active assignment whose review is not yet submitted, on a case under review. */
    public record OpenReview(String reviewerId, Instant dueAt) {
    }

    static ReviewCaseDocument of(ReviewCase c) {
        List<OpenReview> open = c.status() == CaseStatus.OPEN || c.status() == CaseStatus.ASSIGNED
                ? c.activeAssignments().stream()
                        .filter(a -> c.reviewOf(a.reviewerId()).filter(Review::submitted).isEmpty())
                        .map(a -> new OpenReview(a.reviewerId(), a.dueAt())).toList()
                : List.of();
        Instant next = open.stream().map(OpenReview::dueAt).min(Instant::compareTo).orElse(NO_DUE_DATE);
        return new ReviewCaseDocument(c.id(), null, c, open, next);
    }

}
