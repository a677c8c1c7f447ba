package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.Products;
import org.qingdan.listing.register.domain.ChainCheck;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.HistoryEntry;
import org.qingdan.listing.register.domain.ListDigest;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.domain.Objection;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.listing.register.persistence.RegisterMigration;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A list written by the first version (one register document with snapshot editions) is migrated once,
 * by one of several instances, into one document per listing, and the chain goes on from it. Runs on a
 * database of its own on the same wire server, so the other tests' list is untouched.
 */
class RegisterMigrationTest extends ListingIntegrationTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    MongoClient client;

    @Test
    void a_register_of_the_first_layout_is_migrated_once_keeps_its_hashes_and_the_chain_goes_on() throws Exception {
        MongoTemplate db = new MongoTemplate(client, "migration-" + System.nanoTime());
        AggregateStore aggregates = new AggregateStore(db, "/listing-service", () -> { });
        EditionStore editions = new EditionStore(db);
        ListingStore listings = new ListingStore(db, aggregates);

        // what the first version wrote: two listings, four snapshot editions, the last not yet archived
        var p1 = Products.listed("old-1", "旧版产品一");
        var p2 = Products.listed("old-2", "旧版产品二");
        Edition.Entry n1 = new Edition.Entry("old-1", ListingStatus.PUBLIC_NOTICE, p1);
        Edition.Entry n2 = new Edition.Entry("old-2", ListingStatus.PUBLIC_NOTICE, p2);
        Edition.Entry l1 = new Edition.Entry("old-1", ListingStatus.LISTED, p1);
        List<Edition> chain = new ArrayList<>();
        chain.add(snapshot(1, null, "PUBLIC_NOTICE_STARTED", "old-1", List.of(n1)));
        chain.add(snapshot(2, chain.get(0).hash(), "PUBLIC_NOTICE_STARTED", "old-2", List.of(n1, n2)));
        chain.add(snapshot(3, chain.get(1).hash(), "LISTED", "old-1", List.of(l1, n2)));
        chain.add(snapshot(4, chain.get(2).hash(), "OBJECTION_UPHELD", "old-2", List.of(l1)));
        Objection upheld = new Objection("o-1", "applicant-b", "911301027356003226", "乙银行", "理由", null, T0,
                Objection.Status.UPHELD, "office", T0.plusSeconds(60), "属实");
        Listing old1 = new Listing("old-1", p1, ListingStatus.LISTED, T0, T0.plus(Duration.ofDays(7)), 7, T0.plus(Duration.ofDays(7)),
                null, List.of(), List.of(new HistoryEntry(T0, "PUBLIC_NOTICE_STARTED", "开始公示，公示期 7 天", 1L),
                new HistoryEntry(T0.plus(Duration.ofDays(7)), "LISTED", "公示期满无异议，纳入清单", 3L)), 2, null);
        Listing old2 = new Listing("old-2", p2, ListingStatus.NOT_LISTED, T0, T0.plus(Duration.ofDays(7)), 7, null, null,
                List.of(upheld), List.of(new HistoryEntry(T0, "PUBLIC_NOTICE_STARTED", "开始公示，公示期 7 天", 2L),
                new HistoryEntry(T0, "OBJECTION_LODGED", "收到公示异议", null),
                new HistoryEntry(T0.plusSeconds(60), "OBJECTION_UPHELD", "公示异议成立，不予纳入清单", 4L)), 3, null);
        Document register = new Document("_id", "list").append("version", 7L)
                .append("listings", List.of(bson(db, old1), bson(db, old2))).append("latest", legacy(db, chain.get(3)))
                .append("pendingEditions", List.of(legacy(db, chain.get(3))))
                .append("pendingEvents", List.of(new Document("eventId", "e-1").append("type", "listing.objection-decided.v1")));
        db.getCollection("register").insertOne(register);
        for (Edition e : chain.subList(0, 3)) {
            db.getCollection("editions").insertOne(new Document("_id", e.number()).append("edition", legacy(db, e)));
        }

        // two instances start at once: one migrates, the other waits for it
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Boolean>> starts = List.of(() -> migration(db, aggregates, editions).migrate(),
                () -> migration(db, aggregates, editions).migrate());
        int did = 0;
        for (var f : pool.invokeAll(starts)) {
            did += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(did).isEqualTo(1);
        assertThat(migration(db, aggregates, editions).migrate()).isFalse();

        assertThat(listings.find("old-1").orElseThrow().state().status()).isEqualTo(ListingStatus.LISTED);
        assertThat(listings.find("old-2").orElseThrow().state().objections()).hasSize(1);
        Document reg = db.getCollection("register").find(new Document("_id", "list")).first();
        assertThat(reg.getBoolean("migrated")).isTrue();
        assertThat(reg.getList("pendingEvents", Document.class)).hasSize(1); // the relay still drains it

        // the editions are kept as published, with their notices beside them
        EditionHead head = editions.head();
        assertThat(head.number()).isEqualTo(4);
        assertThat(head.hash()).isEqualTo(chain.get(3).hash());
        assertThat(head.entryCount()).isEqualTo(1);
        for (Edition e : chain) {
            assertThat(editions.find(e.number()).orElseThrow().hash()).isEqualTo(e.hash());
        }
        assertThat(editions.notices(4, 0, 10)).extracting(n -> n.edition() + ":" + n.notice().listingId() + ":" + n.notice().type())
                .containsExactly("4:old-2:OBJECTION_UPHELD", "3:old-1:LISTED", "2:old-2:PUBLIC_NOTICE_STARTED", "1:old-1:PUBLIC_NOTICE_STARTED");
        // the content of an old edition, produced from the listings, is what its snapshot says
        List<Edition.Entry> atThree = new ArrayList<>();
        listings.forEachEntryAt(3, atThree::add);
        assertThat(atThree).containsExactly(l1, n2);

        // the chain goes on from the last snapshot with a change edition, and verifies across the two layouts
        Listing fresh = Listing.startNotice("new-1", Products.listed("new-1", "新版产品"), 7, T0.plus(Duration.ofDays(30)));
        listings.insert(fresh, List.of());
        Edition fifth = editions.append(fresh, T0.plus(Duration.ofDays(30)));
        assertThat(fifth.number()).isEqualTo(5);
        assertThat(fifth.previousHash()).isEqualTo(chain.get(3).hash());
        assertThat(fifth.entryCount()).isEqualTo(2L);
        assertThat(fifth.digest()).isEqualTo(ListDigest.add(ListDigest.add(ListDigest.EMPTY, ListDigest.entryHash(l1)),
                ListDigest.entryHash(new Edition.Entry("new-1", ListingStatus.PUBLIC_NOTICE, fresh.product()))));
        ChainCheck check = new ChainCheck(null, 1);
        editions.forEach(1, 5, check::accept);
        assertThat(check.result(1, 5).valid()).as(check.result(1, 5).message()).isTrue();
        assertThat(check.checked()).isEqualTo(5);
        db.getDb().drop();
    }

    private RegisterMigration migration(MongoTemplate db, AggregateStore aggregates, EditionStore editions) {
        return new RegisterMigration(db, aggregates, editions, java.time.Clock.systemUTC());
    }

    private static Edition snapshot(long number, String previousHash, String type, String listingId, List<Edition.Entry> entries) {
        return new Edition(number, T0.plusSeconds(number), new Edition.Change(type, listingId, "产品", "说明"), entries, null, null, null,
                null, null, previousHash, null).signed();
    }

    /** An edition as the first version stored it: only the fields it had. */
    private static Document legacy(MongoTemplate db, Edition e) {
        Document d = bson(db, e);
        d.keySet().retainAll(List.of("number", "createdAt", "change", "entries", "previousHash", "hash"));
        return d;
    }

    private static Document bson(MongoTemplate db, Object value) {
        Document d = new Document();
        db.getConverter().write(value, d);
        d.remove("_class");
        return d;
    }
}
