package org.qingdan.review.reviewcase.persistence;

import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review case as stored: the domain state whole, the version that makes the committee's decision
 * happen exactly once (a concurrent second decision fails its version check), and the outbox beside.
 *
 * <p>The indexes serve the lists, each filtered by equality and sorted newest first then by id (a stable
 * order for paging): every case; the cases of one status (and the open loads, which match ASSIGNED and
 * OPEN); one expert's cases. They are new names: an index named {@code reviewer} on
 * {@code {state.assignments.reviewerId, state.status}} from earlier versions is no longer declared and can be
 * dropped where it exists.
 */
@Document(ReviewCaseDocument.COLLECTION)
@CompoundIndex(name = "newest", def = "{'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "status-newest", def = "{'state.status': 1, 'state.openedAt': -1, '_id': 1}")
@CompoundIndex(name = "reviewer-newest", def = "{'state.assignments.reviewerId': 1, 'state.openedAt': -1, '_id': 1}")
public record ReviewCaseDocument(@Id String id, @Version Long version, ReviewCase state) {

    public static final String COLLECTION = "reviewCases";
}
