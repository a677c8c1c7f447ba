package org.qingdan.review.reviewcase.persistence;

import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review case as stored: the domain state whole, the version that makes the committee's decision
 * happen exactly once (a concurrent second decision fails its version check), and the outbox beside.
 */
@Document(ReviewCaseDocument.COLLECTION)
@CompoundIndex(name = "reviewer", def = "{'state.assignments.reviewerId': 1, 'state.status': 1}")
public record ReviewCaseDocument(@Id String id, @Version Long version, ReviewCase state) {

    public static final String COLLECTION = "reviewCases";
}
