package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.Products;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.ListDigest;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.support.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** The list's storage under concurrency and crashes: gap-free editions, digests that match the content, recovery. */
class ListAtScaleTest extends ListingIntegrationTest {

    @Autowired
    RegisterService register;
    @Autowired
    ListingStore listings;
    @Autowired
    EditionStore editions;
    @Autowired
    MongoTemplate mongo;

    @Test
    void concurrent_changes_on_many_listings_make_a_gap_free_chain_whose_digest_matches_the_streamed_list() throws Exception {
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Listing>> starts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "scale-" + i;
                String name = "并发产品" + i;
                starts.add(() -> register.startNotice(id, Products.listed(id, name), 7));
            }
            for (Future<Listing> f : pool.invokeAll(starts)) {
                assertThat(f.get().pendingEdition()).isNull();
            }
            clock.advance(Duration.ofDays(8));
            // four schedules at once, and the office delisting while they run
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(register::listDue);
            }
            for (Future<Integer> f : pool.invokeAll(runs)) {
                f.get(); // none failed (the service's own schedule may list some of them too)
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < n; i++) {
            assertThat(status("scale-" + i)).isEqualTo("LISTED");
        }

        EditionHead head = editions.head();
        Set<Long> numbers = new HashSet<>();
        List<String> listedKeys = new ArrayList<>();
        editions.forEach(1, head.number(), e -> {
            numbers.add(e.number());
            if (e.change().listingId().startsWith("scale-") && e.change().type().equals("LISTED")) {
                listedKeys.add(e.change().listingId());
            }
        });
        assertThat(numbers).hasSize((int) head.number()); // 1..latest, no gap
        assertThat(listedKeys).hasSize(n).doesNotHaveDuplicates();

        // the whole list at the latest edition, streamed, adds up to the edition's digest
        JsonNode content = api.get("/api/public/editions/" + head.number() + "/entries", null).json();
        BigInteger sum = BigInteger.ZERO;
        for (JsonNode entry : content.get("entries")) {
            Edition.Entry e = new Edition.Entry(entry.get("listingId").asString(), ListingStatus.valueOf(entry.get("status").asString()),
                    listings.find(entry.get("listingId").asString()).orElseThrow().state().product());
            sum = sum.add(new BigInteger(ListDigest.entryHash(e), 16));
        }
        String digest = String.format("%064x", sum.mod(BigInteger.ONE.shiftLeft(256)));
        assertThat(content.get("digest").asString()).isEqualTo(head.digest()).isEqualTo(digest);
        assertThat(content.get("entries")).hasSize((int) head.entryCount());
        assertThat(api.get("/api/public/editions/verification", null).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_change_a_crash_left_without_its_edition_gets_it_and_its_event_and_a_head_left_behind_rolls_forward() throws Exception {
        Listing pending = Listing.startNotice("crash-1", Products.listed("crash-1", "断点产品"), 7, clock.instant());
        assertThat(listings.insert(pending, List.of())).isTrue(); // the first write, then the process died
        assertThat(api.get("/api/public/listings/crash-1", null).json().get("history").get(0).get("edition").isNull()).isTrue();

        register.completePending();
        Listing done = listings.find("crash-1").orElseThrow().state();
        assertThat(done.pendingEdition()).isNull();
        Long number = done.editionOf("PUBLIC_NOTICE_STARTED");
        assertThat(number).isNotNull();
        assertThat(editions.find(number).orElseThrow().change().listingId()).isEqualTo("crash-1");
        // its event went out: the outbox of the listing drains
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("listings")
                .find(new Document("_id", "crash-1").append("pendingEvents.0", new Document("$exists", true))).first() == null);

        // a redelivered approval changes nothing
        register.startNotice("crash-1", Products.listed("crash-1", "断点产品"), 7);
        assertThat(listings.find("crash-1").orElseThrow().state().version()).isEqualTo(done.version());

        // an edition written, then the process died before moving the head: the next reader moves it
        EditionHead before = editions.head();
        Listing other = Listing.startNotice("crash-2", Products.listed("crash-2", "另一产品"), 7, clock.instant());
        listings.insert(other, List.of());
        Edition appended = editions.append(other, clock.instant());
        mongo.getCollection("editionHead").updateOne(new Document("_id", "head"),
                new Document("$set", new Document("number", before.number()).append("hash", before.hash())
                        .append("digest", before.digest()).append("entryCount", before.entryCount())));
        assertThat(editions.head().number()).isEqualTo(appended.number());
        register.completePending();
        assertThat(listings.find("crash-2").orElseThrow().state().editionOf("PUBLIC_NOTICE_STARTED")).isEqualTo(appended.number());
    }

    @Test
    void objections_only_from_applicants_and_vendors_of_a_member_one_open_per_organisation() throws Exception {
        register.startNotice("obj-1", Products.listed("obj-1", "异议规则产品"), 7);
        String reviewer = HttpApi.token("expert-1", "911301027356003226", "乙银行股份有限公司", Roles.REVIEWER);
        HttpApi.Response refused = api.post("/api/listings/obj-1/objections", reviewer, Map.of("grounds", "理由"));
        assertThat(refused.status()).isEqualTo(403);
        String noOrg = HttpApi.token("someone", null, null, Roles.APPLICANT);
        assertThat(api.post("/api/listings/obj-1/objections", noOrg, Map.of("grounds", "理由")).status()).isEqualTo(403);

        assertThat(api.post("/api/listings/obj-1/objections", memberB(), Map.of("grounds", "第一条异议")).status()).isEqualTo(201);
        HttpApi.Response second = api.post("/api/listings/obj-1/objections", memberB(), Map.of("grounds", "第二条异议"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("已有待处理的异议");
        HttpApi.Response tooLong = api.post("/api/listings/obj-1/objections",
                HttpApi.token("vendor-c", "91110108551385082Q", "丙科技", Roles.VENDOR), Map.of("grounds", "长".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("grounds");

        // the office reads listings a page at a time
        JsonNode page = api.get("/api/listings?size=2&status=PUBLIC_NOTICE", office()).json();
        assertThat(page.get("items")).hasSizeLessThanOrEqualTo(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/listings?size=1000", office()).status()).isEqualTo(400);
    }

    @Test
    void editions_and_diffs_are_bounded_and_verification_goes_on_from_where_it_stopped() {
        register.startNotice("bound-1", Products.listed("bound-1", "边界产品"), 7);
        long latest = editions.head().number();
        assertThat(api.get("/api/public/editions?size=101", null).status()).isEqualTo(400);
        assertThat(api.get("/api/public/editions/1/diff/" + (latest + 2000), null).status()).isIn(400, 404);
        HttpApi.Response wide = api.get("/api/public/editions/1/diff/1002", null);
        if (latest >= 1002) {
            assertThat(wide.status()).isEqualTo(400);
        }
        JsonNode first = api.get("/api/public/editions/verification", null).json();
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("to").asLong()).isEqualTo(latest);
        register.startNotice("bound-2", Products.listed("bound-2", "边界产品二"), 7);
        JsonNode next = api.get("/api/public/editions/verification", null).json();
        assertThat(next.get("valid").asBoolean()).isTrue();
        assertThat(next.get("from").asLong()).as("from the last verified edition").isGreaterThanOrEqualTo(latest);
        JsonNode full = api.get("/api/public/editions/verification?from=1", null).json();
        assertThat(full.get("valid").asBoolean()).isTrue();
        assertThat(full.get("from").asLong()).isEqualTo(1);
        assertThat(api.get("/api/public/editions/verification?from=0", null).status()).isEqualTo(400);
    }

    @Test
    void public_list_reads_and_the_304_answer_from_the_database_not_memory() {
        String etag = api.get("/api/public/listings?status=PUBLIC_NOTICE", null).etag();
        assertThat(api.get("/api/public/listings/does-not-exist", null).status()).isEqualTo(404);
        assertThat(api.get("/api/public/listings?status=PUBLIC_NOTICE", null, "If-None-Match", etag).status()).isEqualTo(304);
        register.startNotice("etag-2", Products.listed("etag-2", "缓存产品"), 7);
        assertThat(api.get("/api/public/listings?status=PUBLIC_NOTICE", null, "If-None-Match", etag).status()).isEqualTo(200);
        assertThat(api.get("/api/public/listings?status=PUBLIC_NOTICE&q=缓存产", null).json().get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly("etag-2");
        // a single character has no bigram: matched literally all the same
        assertThat(api.get("/api/public/listings?status=PUBLIC_NOTICE&q=缓", null).json().get("items"))
                .extracting(i -> i.get("id").asString()).contains("etag-2");
        // regex metacharacters are literal
        assertThat(api.get("/api/public/listings?status=PUBLIC_NOTICE&q=.*", null).json().get("total").asInt()).isZero();
    }
}
