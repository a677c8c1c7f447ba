package org.qingdan.review.reviewcase.persistence;

import java.time.Instant;
import java.util.List;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.CallSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review case as stored: opened from ApplicationAccepted with the accepted form whole, so review never
 * calls application-service back. The case id is the application id: one case per application.
 */
@Document(ReviewCaseDocument.COLLECTION)
public record ReviewCaseDocument(
        @Id String id,
        @Version Long version,
        String applicationId,
        CallSummary call,
        int formVersion,
        ApplicationFormSnapshot form,
        List<String> riskFlags,
        String status,
        Instant openedAt,
        String closedReason,
        List<String> processedEventIds) {

    public static final String COLLECTION = "reviewCases";
}
