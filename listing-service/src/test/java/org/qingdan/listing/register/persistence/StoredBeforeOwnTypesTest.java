package org.qingdan.listing.register.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.announcement.persistence.AnnouncementStore;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Listings and an edition as the release before the list's own types (product, Art. 5 grounds) stored them, inserted
 * as raw documents ({@code stored-before-own-types.json}): the field names did not change, so each reads whole, equal
 * to what the same facts build now, and the edition's hash still verifies.
 */
class StoredBeforeOwnTypesTest {

    MongoTemplate mongo;
    ListingStore listings;
    EditionStore editions;
    TimeZone zone;

    @BeforeEach
    void insertTheOldDocuments() throws IOException {
        // the file was written by a JVM at UTC: its LocalDates are UTC midnights, read back in the JVM's zone
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        mongo = StoredBefore.freshDatabase();
        listings = new ListingStore(mongo, new AggregateStore(mongo, "/listing-service", () -> { }));
        editions = new EditionStore(mongo);
        String json;
        try (InputStream in = getClass().getResourceAsStream("stored-before-own-types.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document file = Document.parse(json);
        mongo.getCollection(ListingDocument.COLLECTION).insertMany(documents(file, "listings"));
        mongo.getCollection(EditionDocument.COLLECTION).insertMany(documents(file, "editions"));
    }

    @AfterEach
    void restoreTheZone() {
        TimeZone.setDefault(zone);
    }

    private static List<Document> documents(Document file, String key) {
        List<Document> out = new ArrayList<>();
        for (Object each : file.getList(key, Object.class)) {
            out.add((Document) each);
        }
        return out;
    }

    @Test
    void listings_read_whole() {
        assertThat(listings.find("old-corrected").orElseThrow().state()).isEqualTo(StoredBefore.corrected());
        Listing delisted = listings.find("old-delisted").orElseThrow().state();
        assertThat(delisted).isEqualTo(StoredBefore.delisted());
        assertThat(delisted.delisting().exclusionGround()).isEqualTo(ExclusionGround.LEGAL_OR_REGULATORY_RISK);
        assertThat(listings.findPublic("old-delisted").orElseThrow().product()).isEqualTo(StoredBefore.delisted().product());
    }

    @Test
    void the_edition_reads_whole_and_its_hash_still_verifies() {
        Listing corrected = StoredBefore.corrected();
        Edition edition = editions.find(1).orElseThrow();
        assertThat(edition.computeHash()).isEqualTo(edition.hash());
        assertThat(edition).isEqualTo(Edition.next(EditionHead.EMPTY, corrected.editionChange(), corrected.entryBefore(),
                corrected.entryAfter(), StoredBefore.T0.plus(Duration.ofDays(30))));
        List<Edition.Entry> entries = new ArrayList<>();
        listings.forEachEntryAt(1, entries::add);
        // the product as the full content of an edition reads it, from the listing document alone
        assertThat(entries).extracting(Edition.Entry::product).containsExactly(corrected.product());
    }

    @Test
    void the_announcements_read_the_products_and_delistings() {
        List<Announcement.Entry> entries = new AnnouncementStore(mongo).entries(AnnouncementKind.DELISTING,
                StoredBefore.T0.plus(Duration.ofDays(59)), StoredBefore.T0.plus(Duration.ofDays(61)));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.product()).isEqualTo(StoredBefore.delisted().product());
            assertThat(e.delisting()).isEqualTo(StoredBefore.delisted().delisting());
        });
    }
}
