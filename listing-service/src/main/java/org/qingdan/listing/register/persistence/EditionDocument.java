package org.qingdan.listing.register.persistence;

import java.time.Instant;
import org.qingdan.listing.register.domain.Edition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published edition, never changed after it is written. Beside it, outside what the hash covers:
 * {@code changeKey} (listing id and version of the change it records: unique, so a change gets one
 * edition however often its sequencing is retried), the {@code notice} the public notices and feed show,
 * and {@code entryCount}, so that lists of editions never read a snapshot edition's entries.
 */
@Document(EditionDocument.COLLECTION)
public record EditionDocument(@Id long number, Edition edition, @Indexed(unique = true, sparse = true) String changeKey,
                              Notice notice, Long entryCount) {

    public static final String COLLECTION = "editions";

    /** A public notice of a change of the list (公示与变更). */
    public record Notice(Instant at, String type, String listingId, String productName, String enterpriseName, String summary) {
    }
}
