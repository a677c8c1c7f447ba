package org.qingdan.listing.report.persistence;

import java.time.Instant;
import org.qingdan.listing.report.domain.Report;
import org.qingdan.listing.report.domain.ReportStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One report as stored, with its own outbox ({@code pendingEvents}, managed by AggregateStore) and the fields its
 * queries filter and sort on, each read answered from an index a page at a time: the office's queue by status, a
 * listing's reports, those an organisation filed, and those about an organisation's products (as enterprise or lead).
 */
@Document(ReportDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "queue", def = "{'status': 1, 'filedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "of_listing", def = "{'listingId': 1, 'filedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "open_of_organisation", def = "{'listingId': 1, 'reporterOrg': 1, 'status': 1}"),
        @CompoundIndex(name = "filed_by", def = "{'reporterOrg': 1, 'filedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "about_enterprise", def = "{'enterpriseUscc': 1, 'filedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "about_lead", def = "{'leadUscc': 1, 'filedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "id_revision", def = "{'_id': 1, 'revision': 1}", unique = true)
})
public record ReportDocument(
        @Id String id,
        @Version Long revision,
        Report report,
        String listingId,
        ReportStatus status,
        Instant filedAt,
        String reporterOrg,
        String enterpriseUscc,
        String leadUscc,
        String requestHash) {

    public static final String COLLECTION = "reports";

    /** {@code requestHash}: of the request that filed it, for Idempotency-Key replays; absent from reports filed before. */
    static ReportDocument of(Report r, String requestHash) {
        return new ReportDocument(r.id(), null, r, r.listingId(), r.status(), r.filedAt(), r.reporter().orgUscc(), r.enterprise().uscc(),
                r.leadApplicant() == null ? null : r.leadApplicant().uscc(), requestHash);
    }
}
