package org.qingdan.listing.register.persistence;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One listing as stored: its state, its own version for optimistic concurrency and its outbox (in
 * {@code pendingEvents}, managed by AggregateStore), plus the fields the public queries filter and sort
 * on, kept beside the state so that every query runs in MongoDB on an index:
 * {@code sortAt} (listed or notice start, newest first), {@code grams} (the Chinese search's bigrams),
 * and the editions in which the listing entered, was listed and left the list ({@code publicFrom},
 * {@code listedEdition}, {@code publicUntil}) to stream the full content of any edition.
 */
@Document(ListingDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "public_page", def = "{'status': 1, 'sortAt': -1, '_id': 1}"),
        @CompoundIndex(name = "notice_end", def = "{'status': 1, 'listing.noticeEndsAt': 1}"),
        @CompoundIndex(name = "edition_content", def = "{'publicFrom': 1, '_id': 1}"),
        // the announcements of a day (announcement.persistence.AnnouncementStore): who entered notice, who left the list
        @CompoundIndex(name = "notice_day", def = "{'listing.noticeStartsAt': 1, '_id': 1}"),
        @CompoundIndex(name = "delisting_day", def = "{'listing.delisting.at': 1, '_id': 1}", sparse = true),
        @CompoundIndex(name = "reconfirm_due", def = "{'status': 1, 'reconfirmDueAt': 1, '_id': 1}"),
        // MongoDB answers the optimistic write {_id, revision} from the _id index alone; the wire server of the
        // devstack and tests uses an index only for a query naming exactly its keys, and would scan every listing
        @CompoundIndex(name = "id_revision", def = "{'_id': 1, 'revision': 1}", unique = true)
})
public record ListingDocument(
        @Id String id,
        @Version Long revision,
        Listing listing,
        ListingStatus status,
        Instant sortAt,
        @Indexed List<String> grams,
        @Indexed(sparse = true) Boolean pending,
        Long publicFrom,
        Long listedEdition,
        Long publicUntil,
        Instant reconfirmDueAt,
        Boolean overdueFlagged) {

    public static final String COLLECTION = "listings";

    static ListingDocument of(Listing l) {
        return new ListingDocument(l.id(), null, l, l.status(), l.listedAt() != null ? l.listedAt() : l.noticeStartsAt(),
                grams(l.product().productName(), l.product().enterprise() == null ? null : l.product().enterprise().name()),
                l.pendingEdition() != null ? Boolean.TRUE : null,
                l.editionOf("PUBLIC_NOTICE_STARTED"), l.editionOf("LISTED"), until(l), l.reconfirmDueAt(),
                l.reconfirmDueAt() != null && l.reconfirmation() != null && l.reconfirmDueAt().equals(l.reconfirmation().overdueFlaggedFor())
                        ? Boolean.TRUE : null);
    }

    private static Long until(Listing l) {
        Long upheld = l.editionOf("OBJECTION_UPHELD");
        return upheld != null ? upheld : l.editionOf("DELISTED");
    }

    /** Every two-character run of each text, lower-cased: an index the substring search narrows by. */
    static List<String> grams(String... texts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String text : texts) {
            grams.addAll(bigrams(text));
        }
        return List.copyOf(grams);
    }

    static Set<String> bigrams(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (!Character.isWhitespace(cps[i]) && !Character.isWhitespace(cps[i + 1])) {
                out.add(new String(cps, i, 2));
            }
        }
        return out;
    }
}
