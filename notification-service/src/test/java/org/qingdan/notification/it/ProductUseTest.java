package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.qingdan.notification.productuse.persistence.ProductUseStore;
import org.qingdan.testsupport.HttpApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.qingdan.support.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * 我行在用 on the real broker, wire server and issuer: who may mark, read and count; one mark and one delisting
 * give one mail, one inbox item and one webhook delivery to the member's own loopback receiver, however often the
 * event is delivered; the mark stays as history and hears no more.
 */
class ProductUseTest extends NotificationIntegrationTest {

    static final String BANK = ContractSamples.BANK_USCC; // the sample form's applicant: its designated contact is known
    static final String OTHER = "911301027356003226";

    static String bank() {
        return HttpApi.token("bank-it", BANK, "河北银行股份有限公司", Roles.APPLICANT);
    }

    static String other() {
        return HttpApi.token("other-it", OTHER, "乙银行", Roles.VENDOR);
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    private void listed(String listingId, String name) throws Exception {
        send(Events.listed(listingId, name));
        // the catalogue learns it in its own consumer group
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/product-use/counts/" + listingId, office()).status() == 200);
    }

    @Test
    void members_mark_privately_and_the_office_sees_only_how_many() throws Exception {
        listed("use-acc-1", "在用权限测试产品");
        HttpApi.Response marked = api.put("/api/product-use/mine/use-acc-1", bank(), "");
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        assertThat(marked.json().get("productName").asString()).isEqualTo("在用权限测试产品");
        assertThat(api.put("/api/product-use/mine/use-acc-1", bank(), "").status()).as("idempotent").isEqualTo(200);
        assertThat(api.put("/api/product-use/mine/use-acc-1", other(), "").status()).isEqualTo(201);

        // each reads its own organisation's marks only
        assertThat(mine(bank())).contains("use-acc-1");
        assertThat(api.delete("/api/product-use/mine/use-acc-1", other()).status()).isEqualTo(204);
        assertThat(mine(other())).doesNotContain("use-acc-1");
        assertThat(api.delete("/api/product-use/mine/use-acc-1", other()).status()).isEqualTo(404);
        assertThat(mine(bank())).contains("use-acc-1");
        // the list to choose from (the portal's page): each product with whether the reader's own organisation runs it
        assertThat(inUse(bank(), "use-acc-1")).isTrue();
        assertThat(inUse(other(), "use-acc-1")).isFalse();
        assertThat(api.get("/api/product-use/listed?size=100", bank()).body()).doesNotContain("users").doesNotContain(OTHER);
        assertThat(api.get("/api/product-use/listed", office()).status()).isEqualTo(403);

        // the office counts, never who; members do not count, the office does not mark
        JsonNode count = api.get("/api/product-use/counts/use-acc-1", office()).json();
        assertThat(count.get("users").asLong()).isEqualTo(1);
        assertThat(count.toString()).doesNotContain(BANK).doesNotContain("bank-it");
        JsonNode counts = api.get("/api/product-use/counts?size=100", office()).json();
        assertThat(counts.valueStream().filter(c -> c.get("listingId").asString().equals("use-acc-1")))
                .singleElement().satisfies(c -> assertThat(c.get("users").asLong()).isEqualTo(1));
        assertThat(counts.toString()).doesNotContain(BANK);
        assertThat(api.get("/api/product-use/counts", bank()).status()).isEqualTo(403);
        assertThat(api.get("/api/product-use/counts/use-acc-1", other()).status()).isEqualTo(403);
        assertThat(api.put("/api/product-use/mine/use-acc-1", office(), "").status()).isEqualTo(403);
        assertThat(api.get("/api/product-use/mine", office()).status()).isEqualTo(403);
        assertThat(api.get("/api/product-use/mine", null).status()).isEqualTo(401);
        assertThat(api.get("/api/product-use/mine", HttpApi.token("reviewer-x", null, null, Roles.REVIEWER)).status()).isEqualTo(403);

        // only listed products; bad paging names the parameter
        assertThat(api.put("/api/product-use/mine/never-listed", bank(), "").status()).isEqualTo(404);
        HttpApi.Response badPage = api.get("/api/product-use/mine?size=500", bank());
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(api.delete("/api/product-use/mine/use-acc-1", bank()).status()).isEqualTo(204);
    }

    @Autowired
    ProductUseStore marks;

    private boolean inUse(String token, String listingId) {
        return api.get("/api/product-use/listed?size=100", token).json().valueStream()
                .filter(c -> c.get("listingId").asString().equals(listingId)).findFirst().orElseThrow().get("inUse").asBoolean();
    }

    /** The office's paged count of one product; absent from the page (no user) as 0. */
    private long pagedCount(String listingId) {
        return api.get("/api/product-use/counts?size=100", office()).json().valueStream()
                .filter(c -> c.get("listingId").asString().equals(listingId)).mapToLong(c -> c.get("users").asLong()).sum();
    }

    @Test
    void a_mark_written_without_its_count_is_counted_once_the_mark_is_retried_or_another_changes() throws Exception {
        listed("use-drift-1", "计数修复测试产品");
        // the service died between writing the bank's mark and counting it: the mark is there, the paged count is not
        marks.insert(new ProductUse(BANK, "河北银行股份有限公司", "use-drift-1", "计数修复测试产品", java.time.Instant.now(), "bank-it",
                "bank-it", null, null));
        assertThat(pagedCount("use-drift-1")).isZero();
        assertThat(api.get("/api/product-use/counts/use-drift-1", office()).json().get("users").asLong()).isEqualTo(1);

        // the member retries: the mark is found, and the count made exact
        assertThat(api.put("/api/product-use/mine/use-drift-1", bank(), "").status()).isEqualTo(200);
        assertThat(pagedCount("use-drift-1")).isEqualTo(1);

        // another lost count, then a change of another organisation's mark counts both
        marks.insert(new ProductUse("91130200MA0C8X9Y1K", "丙银行", "use-drift-1", "计数修复测试产品", java.time.Instant.now(), "c-it",
                "c-it", null, null));
        assertThat(api.put("/api/product-use/mine/use-drift-1", other(), "").status()).isEqualTo(201);
        assertThat(pagedCount("use-drift-1")).isEqualTo(3);
        assertThat(api.delete("/api/product-use/mine/use-drift-1", other()).status()).isEqualTo(204);
        assertThat(pagedCount("use-drift-1")).isEqualTo(2);

        // an unmark that died before counting: its retry finds no mark (404) and still makes the count exact
        marks.delete(BANK, "use-drift-1");
        assertThat(pagedCount("use-drift-1")).isEqualTo(2);
        assertThat(api.delete("/api/product-use/mine/use-drift-1", bank()).status()).isEqualTo(404);
        assertThat(pagedCount("use-drift-1")).isEqualTo(1);
    }

    @Test
    void one_mark_and_one_delisting_give_one_mail_one_inbox_item_and_one_webhook_delivery_however_often_delivered() throws Exception {
        send(Events.submitted("use-app-1", "在用通知测试产品")); // the bank's designated contact becomes known
        listed("use-fan-1", "在用通知测试产品");
        try (WebhookAndInboxTest.Receiver receiver = new WebhookAndInboxTest.Receiver()) {
            HttpApi.Response hook = api.post("/api/webhooks", bank(), Map.of("url", receiver.url(),
                    "eventTypes", List.of("listing.re-review-opened.v1", "listing.product-delisted.v1"), "description", "本行运维系统"));
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);
            assertThat(hook.json().get("subscriber").get("ownerOrgUscc").asString()).isEqualTo(BANK);
            receiver.secret = hook.json().get("secret").asString();
            assertThat(api.put("/api/product-use/mine/use-fan-1", bank(), "").status()).isEqualTo(201);

            send(Events.listed("use-fan-other", "别家产品")); // not marked: nothing to the member's webhook
            // news that does not end the mark, delivered twice: the second finds every notification and delivery there
            var opened = Events.reReviewOpened("use-fan-1", "在用通知测试产品", 5);
            send(opened);
            send(opened);
            ProductDelisted delisted = Events.delisted("use-fan-1", "在用通知测试产品");
            send(delisted);
            send(delisted); // redelivered
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted.size() >= 2
                    && !mails("zhangsan@bank.example.cn", "在用产品动态：在用通知测试产品 移出清单").isEmpty());
            Thread.sleep(1500); // a second delivery, were there one, would come within the schedule's rounds (0.2 s)

            assertThat(mails("zhangsan@bank.example.cn", "在用产品动态：在用通知测试产品 启动复核")).hasSize(1);
            assertThat(mails("zhangsan@bank.example.cn", "在用产品动态：在用通知测试产品 移出清单")).hasSize(1);
            assertThat(receiver.received).as("two requests, no replay").hasValue(2);
            assertThat(receiver.accepted).extracting(a -> a.substring(0, a.indexOf(' ')))
                    .containsExactly("listing.re-review-opened.v1", "listing.product-delisted.v1");
            assertThat(receiver.accepted.get(1)).contains(delisted.eventId().toString());
            assertThat(receiver.refused).hasValue(0);
            for (var event : List.of(opened, delisted)) {
                assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", event.eventId().toString())
                        .append("recipient", "org:" + BANK))).isEqualTo(1);
            }
            List<String> inbox = api.get("/api/notifications?size=100", bank()).json().valueStream()
                    .map(n -> n.get("subject").asString()).filter(s -> s.startsWith("在用产品动态：在用通知测试产品")).toList();
            assertThat(inbox).hasSize(2);
            // another member, which did not mark it, hears nothing of it in its own inbox
            assertThat(api.get("/api/notifications?size=100", other()).json().valueStream().map(n -> n.get("subject").asString()))
                    .noneMatch(s -> s.startsWith("在用产品动态：在用通知测试产品"));

            // the mark stays, as history, and hears no more
            JsonNode mark = api.get("/api/product-use/mine", bank()).json().valueStream()
                    .filter(m -> m.get("listingId").asString().equals("use-fan-1")).findFirst().orElseThrow();
            assertThat(mark.get("endedAt").isNull()).isFalse();
            var later = Events.reReviewOpened("use-fan-1", "在用通知测试产品", 10);
            send(later);
            await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/api/product-use/counts/use-fan-1", office()).json()
                    .get("listed").asBoolean());
            Thread.sleep(1000);
            assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", later.eventId().toString())
                    .append("recipient", "org:" + BANK))).isZero();
            assertThat(receiver.received).hasValue(2);
            var markDelisted = api.put("/api/product-use/mine/use-fan-1", other(), "");
            assertThat(markDelisted.status()).isEqualTo(409);
            // wrong-state has one title wherever it is raised
            assertThat(markDelisted.json().get("title").asString()).isEqualTo("当前状态不允许此操作");
            // the office's counts: a delisted product is no longer among those in use
            assertThat(api.get("/api/product-use/counts/use-fan-1", office()).json().get("users").asLong()).isZero();
            assertThat(api.get("/api/product-use/counts?size=100", office()).json().valueStream().map(c -> c.get("listingId").asString()))
                    .doesNotContain("use-fan-1");
        }
    }

    @Test
    void a_member_registers_webhooks_for_its_own_news_only_and_nobody_else_sees_them() throws Exception {
        try (WebhookAndInboxTest.Receiver receiver = new WebhookAndInboxTest.Receiver()) {
            HttpApi.Response feed = api.post("/api/webhooks", bank(), Map.of("url", receiver.url(), "eventTypes", List.of("listing.product-listed.v1")));
            assertThat(feed.status()).isEqualTo(422);
            assertThat(feed.json().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes[0]");
            assertThat(feed.json().get("errors").get(0).get("rule").asString()).isEqualTo("member-event-types");
            assertThat(api.post("/api/webhooks", bank(), Map.of("url", receiver.url(), "eventTypes", List.of("listing.report-filed.v1")))
                    .json().get("errors").get(0).get("rule").asString()).isEqualTo("member-event-types");
            // the same address checks as the office's: refused by resolving and checking, nothing is sent
            HttpApi.Response internal = api.post("/api/webhooks", bank(), Map.of("url", "https://10.0.0.8/hook", "eventTypes", List.of("*")));
            assertThat(internal.status()).isEqualTo(422);
            assertThat(internal.json().get("errors").get(0).get("rule").asString()).isEqualTo("public-address");

            String id = api.post("/api/webhooks", bank(), Map.of("url", receiver.url(), "eventTypes", List.of("*")))
                    .json().get("subscriber").get("id").asString();
            assertThat(ids("/api/webhooks", bank())).contains(id);
            assertThat(ids("/api/webhooks", other())).doesNotContain(id);
            assertThat(ids("/api/webhooks", office())).as("the office's list is the office's subscribers").doesNotContain(id);
            assertThat(api.get("/api/webhooks/" + id + "/deliveries", other()).status()).isEqualTo(404);
            assertThat(api.get("/api/webhooks/" + id + "/audit", other()).status()).isEqualTo(404);
            assertThat(api.post("/api/webhooks/" + id + "/resume", other(), "").status()).isEqualTo(404);
            assertThat(api.delete("/api/webhooks/" + id, other()).status()).isEqualTo(404);
            assertThat(api.get("/api/webhooks/" + id + "/deliveries", bank()).status()).isEqualTo(200);
            assertThat(api.get("/api/webhooks/" + id + "/audit", bank()).json().get("items").get(0).get("action").asString())
                    .isEqualTo("REGISTERED");

            // the list's public feed is the office's subscribers': a member's "*" is its own news only
            send(Events.listed("use-hook-1", "会员订阅不应收到的产品"));
            Thread.sleep(1500);
            assertThat(receiver.accepted).isEmpty();
            assertThat(api.delete("/api/webhooks/" + id, bank()).status()).isEqualTo(204);
        }
    }

    private List<String> mine(String token) {
        return api.get("/api/product-use/mine?size=100", token).json().valueStream().map(m -> m.get("listingId").asString()).toList();
    }

    private List<String> ids(String path, String token) {
        return api.get(path, token).json().valueStream().map(s -> s.get("id").asString()).toList();
    }
}
