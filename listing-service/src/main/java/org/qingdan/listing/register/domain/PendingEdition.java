package org.qingdan.listing.register.domain;

import java.time.Instant;

/**
 * A change of the public list that has happened to one listing and waits for its edition number. The
 * listing is written first (with this marker), then the edition chain is extended and the listing gets
 * the number and the event: two single-document writes, each repeatable, so a crash between them leaves
 * a marker that the schedule completes, never a change without its edition or an edition without its change.
 *
 * @param before      the listing's status before the change (null: it was not on notice or on the list)
 * @param objectionId the upheld objection, for OBJECTION_UPHELD
 * @param productBefore the public data before a correction of the record (RECORD_CORRECTED); null when it did not change
 * @param change      what changed, for RECORD_CORRECTED
 */
public record PendingEdition(String type, String summary, Instant at, ListingStatus before, String objectionId,
                             ListedProduct productBefore, org.qingdan.contracts.listing.EnterpriseChangeKind change) {

    public PendingEdition(String type, String summary, Instant at, ListingStatus before, String objectionId) {
        this(type, summary, at, before, objectionId, null, null);
    }
}
