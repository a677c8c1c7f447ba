package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ObjectionOutcome;
import org.qingdan.notification.webhook.domain.WebhookSignature;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.JsonShape;
import org.qingdan.support.security.Roles;
import tools.jackson.databind.JsonNode;

class WebhookAndInboxTest extends NotificationIntegrationTest {

    /** The association website's receiver, as its developers would write it from our documentation. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final Set<String> seenEvents = ConcurrentHashMap.newKeySet();
        final AtomicInteger failuresToServe = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        /** Every request, replays included. */
        final AtomicInteger received = new AtomicInteger();
        volatile String secret;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.incrementAndGet();
                int status;
                if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                } else if (!WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP), body,
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE), System.currentTimeMillis() / 1000, 300)) {
                    refused.incrementAndGet();
                    status = 401;
                } else if (!seenEvents.add(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID))) {
                    status = 200; // a replay: acknowledged, not applied again
                } else {
                    accepted.add(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_TYPE) + " " + body);
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    @Test
    void deliveries_are_signed_verifiable_and_a_forged_or_replayed_one_is_refused() throws Exception {
        try (Receiver website = new Receiver()) {
            HttpApi.Response registered = api.post("/api/webhooks", office(), Map.of("url", website.url(),
                    "eventTypes", List.of("listing.product-listed.v1"), "description", "协会官网"));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            website.secret = registered.json().get("secret").asString();
            assertThat(website.secret).startsWith("whsec_");

            send(Events.listed("hook-1", "网点智能终端"));
            send(Events.submitted("hook-app", "不应推送的产品")); // not subscribed
            await().atMost(Duration.ofSeconds(20)).until(() -> website.accepted.size() == 1);
            assertThat(website.accepted.get(0)).startsWith("listing.product-listed.v1 ").contains("网点智能终端");
            assertThat(website.refused).hasValue(0);

            // the receiver's check refuses a forged signature and an old timestamp
            String body = "{\"x\":1}";
            long now = System.currentTimeMillis() / 1000;
            assertThat(WebhookSignature.verify(website.secret, Long.toString(now), body, WebhookSignature.sign("other", now, body), now, 300)).isFalse();
            assertThat(WebhookSignature.verify(website.secret, Long.toString(now - 3600), body,
                    WebhookSignature.sign(website.secret, now - 3600, body), now, 300)).isFalse();
            assertThat(WebhookSignature.verify(website.secret, Long.toString(now), body, WebhookSignature.sign(website.secret, now, body), now, 300)).isTrue();

            String subscriberId = registered.json().get("subscriber").get("id").asString();
            JsonNode deliveries = api.get("/api/webhooks/" + subscriberId + "/deliveries", office()).json();
            assertThat(deliveries.get(0).get("status").asString()).isEqualTo("DELIVERED");
            // what the owner reads of a delivery: the fields and order it read when the list answered MongoDB's documents
            assertThat(JsonShape.of(deliveries.get(0))).isEqualTo("{_id:s,subscriberId:s,eventId:s,eventType:s,status:s,attempts:0,"
                    + "nextAttemptAt:tZ,createdAt:tZ,leaseUntil:tZ,claim:s,lastStatusCode:0,deliveredAt:tZ,lastError:null}");
            // a member sees its own organisation's subscribers, never the office's
            String member = HttpApi.token("applicant-a", "91100000100003962T", "甲", Roles.APPLICANT);
            assertThat(api.get("/api/webhooks", member).json().valueStream().map(s -> s.get("id").asString())).doesNotContain(subscriberId);
            assertThat(api.get("/api/webhooks/" + subscriberId + "/deliveries", member).status()).isEqualTo(404);
            assertThat(api.get("/api/webhooks", HttpApi.token("reviewer-a", null, null, Roles.REVIEWER)).status()).isEqualTo(403);
            api.delete("/api/webhooks/" + subscriberId, office());
        }
    }

    @Test
    void a_subscriber_that_keeps_failing_is_paused_reported_and_catches_up_when_resumed() throws Exception {
        try (Receiver bridge = new Receiver()) {
            HttpApi.Response registered = api.post("/api/webhooks", office(), Map.of("url", bridge.url(),
                    "eventTypes", List.of("*"), "description", "微信公众号发布桥"));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            bridge.secret = registered.json().get("secret").asString();
            String subscriberId = registered.json().get("subscriber").get("id").asString();
            bridge.failuresToServe.set(1000);

            send(Events.listed("pause-1", "运维管理平台"));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/webhooks", office()).json().valueStream()
                    .anyMatch(s -> s.get("id").asString().equals(subscriberId) && s.get("paused").asBoolean()));
            JsonNode paused = api.get("/api/webhooks", office()).json().valueStream()
                    .filter(s -> s.get("id").asString().equals(subscriberId)).findFirst().orElseThrow();
            assertThat(paused.get("lastError").asString()).isEqualTo("http-5xx"); // a category, not the receiver's words
            JsonNode officeInbox = api.get("/api/notifications", office()).json();
            assertThat(officeInbox.valueStream().map(n -> n.get("subject").asString())).anyMatch(s -> s.contains("Webhook 订阅已暂停"));

            bridge.failuresToServe.set(0);
            assertThat(api.post("/api/webhooks/" + subscriberId + "/resume", office(), "").status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> bridge.accepted.stream().anyMatch(a -> a.contains("运维管理平台")));
            HttpApi.Response removed = api.delete("/api/webhooks/" + subscriberId, office());
            assertThat(removed.status()).isEqualTo(204);

            // the subscriber's audit trail, kept after its removal: who, when, what, which request; the system's pause
            JsonNode trail = api.get("/api/webhooks/" + subscriberId + "/audit", office()).json();
            assertThat(trail.get("items")).extracting(r -> r.get("action").asString())
                    .containsExactly("REGISTERED", "PAUSED", "RESUMED", "REMOVED");
            assertThat(trail.get("items").get(0).get("actorId").asString()).isEqualTo("sub-office");
            assertThat(trail.get("items").get(0).get("traceId").asString())
                    .isEqualTo(registered.headers().firstValue("X-Trace-Id").orElseThrow());
            assertThat(trail.toString()).doesNotContain(bridge.secret);
            assertThat(trail.get("items").get(1).get("actorId").asString()).isEqualTo("system");
            assertThat(trail.get("items").get(3).get("traceId").asString())
                    .isEqualTo(removed.headers().firstValue("X-Trace-Id").orElseThrow());
            assertThat(api.get("/api/webhooks/" + subscriberId + "/audit", HttpApi.token("applicant-a", "91100000100003962T", "甲",
                    Roles.APPLICANT)).status()).as("not the member's: as if it did not exist").isEqualTo(404);
            assertThat(api.get("/api/webhooks/never-was/audit", office()).status()).isEqualTo(404);
            assertThat(api.get("/api/webhooks/" + subscriberId + "/audit?size=500", office()).status()).isEqualTo(400);
        }
    }

    @Test
    void only_https_to_public_addresses_may_be_registered_outside_the_development_hosts() {
        // literal addresses only: refused by resolving and checking, before any connection
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("http://hooks.example.org/qingdan", "https-url"); // plain http: refused before any lookup
        refused.put("ftp://127.0.0.1/", "https-url");
        refused.put("https://169.254.169.254/latest/meta-data/", "public-address");
        refused.put("https://10.0.0.8/hook", "public-address");
        refused.put("https://192.168.1.20:8443/hook", "public-address");
        refused.put("https://100.64.0.1/hook", "public-address");
        refused.put("https://[::1]:8084/hook", "public-address");
        refused.put("https://[fd00::5]/hook", "public-address");
        refused.put("https://127.0.0.2:8081/api/applications", "public-address"); // loopback, not a development host
        refused.put("https://0.0.0.0/", "public-address");
        refused.forEach((url, rule) -> {
            HttpApi.Response response = api.post("/api/webhooks", office(), Map.of("url", url, "eventTypes", List.of("*")));
            assertThat(response.status()).as(url).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
            assertThat(response.json().get("errors").get(0).get("rule").asString()).as(url).isEqualTo(rule);
        });
        assertThat(api.get("/api/webhooks", office()).json().valueStream().map(s -> s.get("url").asString()))
                .noneMatch(refused::containsKey);
    }

    @Test
    void a_target_whose_address_is_no_longer_allowed_is_refused_at_send_time() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // as if its name had resolved to a public address at registration and to loopback now: the stored
            // URL is checked again before each send (127.0.0.2 is loopback, and not a development host)
            String id = java.util.UUID.randomUUID().toString();
            mongo.insert(new org.qingdan.notification.webhook.persistence.SubscriberDocument(id,
                    "https://127.0.0.2:" + receiver.server.getAddress().getPort() + "/hooks", List.of("listing.product-listed.v1"),
                    "改了解析的订阅", "whsec_x", false, 0, null, null, java.time.Instant.now(), "office", null));
            send(Events.listed("rebound-1", "重新解析测试产品"));
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/webhooks", office()).json().valueStream()
                    .anyMatch(s -> s.get("id").asString().equals(id) && s.get("lastError").toString().equals("\"address-not-allowed\"")));
            JsonNode deliveries = api.get("/api/webhooks/" + id + "/deliveries", office()).json();
            assertThat(deliveries.get(0).get("lastError").asString()).isEqualTo("address-not-allowed");
            assertThat(deliveries.get(0).has("lastStatusCode")).isFalse();
            assertThat(JsonShape.of(deliveries.get(0))).isEqualTo("{_id:s,subscriberId:s,eventId:s,eventType:s,status:s,attempts:0,"
                    + "nextAttemptAt:tZ,createdAt:tZ,leaseUntil:tZ,claim:s,lastError:s}");
            assertThat(receiver.accepted).isEmpty();
            api.delete("/api/webhooks/" + id, office());
        }
    }

    @Test
    void each_user_reads_only_their_own_inbox_and_marks_it_read() throws Exception {
        var event = Events.submitted("inbox-app-1", "站内通知测试产品");
        send(event);
        String a = HttpApi.token("applicant-a", "91100000100003962T", "甲银行", Roles.APPLICANT);
        String b = HttpApi.token("applicant-b", "911301027356003226", "乙银行", Roles.APPLICANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(a).stream().anyMatch(s -> s.contains("站内通知测试产品")));
        assertThat(subjects(b)).noneMatch(s -> s.contains("站内通知测试产品"));
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(office()).stream().anyMatch(s -> s.contains("新申报") && s.contains("站内通知测试产品")));
        assertThat(subjects(office())).noneMatch(s -> s.startsWith("申报已提交") && s.contains("站内通知测试产品"));

        String id = api.get("/api/notifications?unread=true", a).json().valueStream()
                .filter(n -> n.get("subject").asString().contains("站内通知测试产品")).findFirst().orElseThrow().get("id").asString();
        assertThat(api.post("/api/notifications/" + id + "/read", b, "").status()).isEqualTo(404);
        assertThat(api.post("/api/notifications/" + id + "/read", a, "").status()).isEqualTo(200);
        assertThat(JsonShape.of(api.get("/api/notifications", a).json())).isEqualTo("[{id:s,eventType:s,subject:s,text:s,createdAt:tZ,read:true}]");
        assertThat(api.get("/api/notifications?unread=true", a).json().valueStream().map(n -> n.get("id").asString())).doesNotContain(id);
        assertThat(api.get("/api/notifications", null).status()).isEqualTo(401);
    }

    @Test
    void a_change_of_the_list_shows_once_in_the_applicants_inbox_though_it_goes_to_all_members() throws Exception {
        send(Events.submitted("inbox-app-2", "公开变更测试产品")); // the contact becomes known
        String a = HttpApi.token("applicant-a", "91100000100003962T", "甲银行", Roles.APPLICANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(a).stream().anyMatch(s -> s.contains("公开变更测试产品")));
        send(Events.listed("inbox-app-2", "公开变更测试产品"));
        String b = HttpApi.token("applicant-b", "911301027356003226", "乙银行", Roles.APPLICANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(b).stream().anyMatch(s -> s.startsWith("纳入清单") && s.contains("公开变更测试产品")));
        assertThat(subjects(a)).filteredOn(s -> s.startsWith("纳入清单") && s.contains("公开变更测试产品")).hasSize(1);
    }

    @Test
    void the_objecting_organisation_alone_learns_the_outcome_of_its_objection() throws Exception {
        send(new ObjectionOutcome(java.util.UUID.randomUUID(), java.time.Instant.now(), "listing-obj-1", 3, "o-1", "applicant-b",
                "911301027356003226", "乙银行", ObjectionDecided.Outcome.DISMISSED, "经核实异议不成立", "异议结果测试产品"));
        String b = HttpApi.token("applicant-b2", "911301027356003226", "乙银行", Roles.APPLICANT);
        String a = HttpApi.token("applicant-a", "91100000100003962T", "甲银行", Roles.APPLICANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(b).stream()
                .anyMatch(s -> s.startsWith("您单位提出的公示异议已处理") && s.contains("异议结果测试产品")));
        assertThat(subjects(a)).noneMatch(s -> s.contains("异议结果测试产品"));
    }

    @Test
    void the_reporting_organisation_alone_learns_that_its_report_was_dismissed_and_why() throws Exception {
        send(Events.submitted("report-app-1", "反映人联系人产品")); // the reporter's organisation applied once: its contact is known
        var closed = new org.qingdan.contracts.listing.ReportClosed(java.util.UUID.randomUUID(), java.time.Instant.now(), "report-x1", 3,
                "listing-r1", "情况反映办结测试产品", "91100000100003962T", "甲银行", org.qingdan.contracts.listing.ReportClosed.Outcome.DISMISSED,
                List.of("所反映故障已整改"), java.time.Instant.now());
        String a = HttpApi.token("applicant-a", "91100000100003962T", "甲银行", Roles.APPLICANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(a).stream().anyMatch(s -> s.contains("反映人联系人产品")));
        send(closed);
        send(closed); // redelivered: once
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails("zhangsan@bank.example.cn", "情况反映已办结：情况反映办结测试产品").isEmpty());
        Thread.sleep(1000);
        var mail = mails("zhangsan@bank.example.cn", "情况反映已办结：情况反映办结测试产品");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).contains("不予采纳");
        assertThat(subjects(a)).filteredOn(s -> s.startsWith("情况反映已办结：情况反映办结测试产品")).hasSize(1);
        String b = HttpApi.token("applicant-b", "911301027356003226", "乙银行", Roles.APPLICANT);
        assertThat(subjects(b)).noneMatch(s -> s.contains("情况反映办结测试产品"));
        assertThat(subjects(office())).noneMatch(s -> s.contains("情况反映办结测试产品"));
    }

    @Test
    void metrics_count_sent_mail_and_webhook_latency() {
        HttpApi.Response metrics = new HttpApi(managementPort).get("/actuator/prometheus", null);
        assertThat(metrics.body()).contains("qingdan_notifications_sent_total").contains("application=\"notification-service\"");
    }

    private java.util.List<String> subjects(String token) {
        return api.get("/api/notifications?size=100", token).json().valueStream().map(n -> n.get("subject").asString()).toList();
    }
}
