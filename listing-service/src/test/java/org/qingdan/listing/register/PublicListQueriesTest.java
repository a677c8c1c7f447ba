package org.qingdan.listing.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.register.domain.CanonicalJson;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.ListDigest;

/** The fields that head an edition's streamed entries (listings.json, editions/{n}/entries). */
class PublicListQueriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Edition.Change CHANGE = new Edition.Change("LISTED", "L-1", "产品", "纳入清单");

    @Test
    void before_the_first_edition_only_the_number() {
        assertThat(CanonicalJson.write(PublicListQueries.entriesHead(null, 0))).isEqualTo("{\"number\":0}");
    }

    @Test
    void an_edition_gives_its_digest_and_count_and_a_snapshot_those_of_its_entries() {
        Edition edition = new Edition(5, T0, CHANGE, null, null, null, null, "d5", 3L, "h4", "h5");
        assertThat(CanonicalJson.write(PublicListQueries.entriesHead(edition, 5))).isEqualTo("{\"change\":{\"listingId\":\"L-1\","
                + "\"summary\":\"纳入清单\",\"type\":\"LISTED\"},\"createdAt\":\"2026-03-01T08:00:00Z\",\"digest\":\"d5\","
                + "\"entryCount\":3,\"hash\":\"h5\",\"number\":5}");

        Edition snapshot = new Edition(2, T0, CHANGE, List.of(), null, null, null, null, null, "h1", "h2");
        assertThat(PublicListQueries.entriesHead(snapshot, 2)).containsEntry("digest", ListDigest.EMPTY).containsEntry("entryCount", 0L);
    }
}
