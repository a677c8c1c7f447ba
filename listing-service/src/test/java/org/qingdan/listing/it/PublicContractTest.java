package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.listing.Products;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** What the association's website relies on: events alone rebuild the list; feeds, SSE, caching, editions. */
class PublicContractTest extends ListingIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_consumer_reading_only_listing_events_rebuilds_exactly_the_list_the_api_serves() throws Exception {
        send(approved(Products.product("rebuild-1", "数字函证平台")));
        send(approved(Products.product("rebuild-2", "统一门户")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("rebuild-2").equals("PUBLIC_NOTICE") && status("rebuild-1").equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        api.post("/api/listings/rebuild-2/delist", office(), Map.of("reason", "MAJOR_DEFECT", "explanation", "存在重大安全缺陷"));
        long edition = api.get("/api/public/listings.json", null).json().get("number").asLong();

        // the website: from the beginning of listing.events, keep the latest public state per listing
        Map<String, String> rebuilt = new HashMap<>();
        Map<String, Long> editionOf = new HashMap<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "website-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LISTING_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && editionOf.values().stream().mapToLong(Long::longValue).max().orElse(0) < edition) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    String type = new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
                    JsonNode e = HttpApi.JSON.readTree(r.value());
                    String state = switch (type) {
                        case "listing.public-notice-started.v1" -> "PUBLIC_NOTICE";
                        case "listing.product-listed.v1" -> "LISTED";
                        case "listing.product-delisted.v1" -> "DELISTED";
                        case "listing.objection-decided.v1" -> e.get("outcome").asString().equals("UPHELD") ? "NOT_LISTED" : null;
                        default -> null;
                    };
                    if (state != null && e.get("edition").asLong() >= editionOf.getOrDefault(r.key(), 0L)) {
                        rebuilt.put(r.key(), state);
                        editionOf.put(r.key(), e.get("edition").asLong());
                    }
                });
            }
        }
        // every listing the API knows, with the same state
        for (String status : List.of("PUBLIC_NOTICE", "LISTED", "NOT_LISTED", "DELISTED")) {
            JsonNode page = api.get("/api/public/listings?size=100&status=" + status, null).json();
            for (JsonNode item : page.get("items")) {
                assertThat(rebuilt.get(item.get("id").asString())).as(item.get("id").asString()).isEqualTo(status);
            }
            assertThat(rebuilt.values().stream().filter(status::equals).count()).as(status).isEqualTo(page.get("total").asLong());
        }
        assertThat(rebuilt).containsEntry("rebuild-1", "LISTED").containsEntry("rebuild-2", "DELISTED");
    }

    @Test
    void an_unchanged_list_answers_304_and_a_change_gives_a_new_etag() throws Exception {
        HttpApi.Response first = api.get("/api/public/listings", null);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60").contains("public")
                .contains("stale-while-revalidate=300").contains("stale-if-error=86400");
        String etag = first.etag();
        assertThat(api.get("/api/public/listings", null, "If-None-Match", etag).status()).isEqualTo(304);
        send(approved(Products.product("etag-1", "运维管理平台")));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/public/listings", null, "If-None-Match", etag).status() == 200);
    }

    @Test
    void the_feed_and_the_notices_show_the_history_newest_first() throws Exception {
        send(approved(Products.product("feed-1", "安防监控<系统>&")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("feed-1").equals("PUBLIC_NOTICE"));
        HttpApi.Response feed = api.get("/api/public/feed.atom", null);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "安防监控&lt;系统&gt;&amp;", "/api/public/listings/feed-1");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8))); // well-formed
        JsonNode notices = api.get("/api/public/notices", null).json().get("items");
        List<String> times = new ArrayList<>();
        notices.forEach(n -> times.add(n.get("at").asString()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void characters_xml_forbids_in_a_name_do_not_break_the_feed() throws Exception {
        send(approved(Products.product("feed-bad-chars", "坏\uFFFE字符\uFFFF产品\u0001", "企业\u0008名\u001F称",
                org.qingdan.contracts.form.ProductType.TECHNOLOGY_INNOVATION,
                List.of(org.qingdan.contracts.form.ApplicationScenario.RISK_MANAGEMENT), 2026)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("feed-bad-chars").equals("PUBLIC_NOTICE"));
        HttpApi.Response feed = api.get("/api/public/feed.atom", null);
        org.w3c.dom.Document parsed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getTextContent()).contains("坏字符产品", "企业名称");
        assertThat(feed.body()).doesNotContain("\uFFFE", "\uFFFF", "\u0001", "\u0008", "\u001F");
    }

    @Test
    void feed_links_use_the_host_and_scheme_the_gateway_forwards() throws Exception {
        send(approved(Products.product("feed-host", "转发主机测试产品")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("feed-host").equals("PUBLIC_NOTICE"));
        HttpApi.Response forwarded = api.get("/api/public/feed.atom", null,
                "X-Forwarded-Host", "qingdan.example.org", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");
        assertThat(forwarded.body()).contains("<link rel=\"self\" href=\"https://qingdan.example.org/api/public/feed.atom\"/>",
                "href=\"https://qingdan.example.org/api/public/listings/feed-host\"").doesNotContain("localhost");
        // without them (a direct call), the service's own address
        assertThat(api.get("/api/public/feed.atom", null).body()).contains("href=\"http://localhost:" + port + "/api/public/feed.atom\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.qingdan.listing.register.web.PublicStream stream;

    @Test
    void the_stream_sends_listing_events_to_subscribers() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        var subscription = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        var response = subscription.get();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        // the subscriber's consumer group joins the topic asynchronously: publish until the event arrives (waiting for its
        // data, not for any event's name line: another test's event may come first, its data line a moment after)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            send(approved(Products.product("sse-" + System.nanoTime(), "身份识别终端")));
            return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("身份识别终端"));
        });
        assertThat(lines).contains("event:listing.public-notice-started.v1");

        // shutting down ends every open stream at once, so that it does not hold the graceful shutdown
        stream.stop();
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
            assertThat(reader.isAlive()).as("the stream ended").isFalse();
            assertThat(stream.isRunning()).isFalse();
        } finally {
            stream.start();
        }
    }

    @Test
    void editions_verify_exports_diff_and_a_tampered_edition_is_detected() throws Exception {
        send(approved(Products.product("ed-1", "报表管理系统")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("ed-1").equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        JsonNode editions = api.get("/api/public/editions?size=5", null).json();
        long latest = editions.get("items").get(0).get("number").asLong();
        assertThat(editions.get("total").asLong()).isEqualTo(latest);
        assertThat(editions.get("items").get(0).get("entries").asLong()).isPositive();
        assertThat(api.get("/api/public/editions/verification", null).json().get("valid").asBoolean()).isTrue();

        HttpApi.Response one = api.get("/api/public/editions/" + latest, null);
        assertThat(one.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(api.get("/api/public/editions/" + latest, null, "If-None-Match", one.etag()).status()).isEqualTo(304);
        HttpApi.Response csv = api.get("/api/public/editions/" + latest + ".csv", null);
        assertThat(csv.body()).startsWith("\uFEFF版次,").contains("报表管理系统");
        assertThat(api.get("/api/public/listings.csv", null).body()).contains("报表管理系统");
        JsonNode diff = api.get("/api/public/editions/" + (latest - 1) + "/diff/" + latest, null).json();
        assertThat(diff.get("statusChanged").toString()).contains("ed-1", "LISTED", "PUBLIC_NOTICE");

        // someone alters an archived edition
        mongo.getCollection("editions").updateOne(new Document("_id", latest),
                new Document("$set", new Document("edition.change.summary", "篡改后的说明")));
        JsonNode verification = api.get("/api/public/editions/verification", null).json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("brokenAt").asLong()).isEqualTo(latest);
        // put it back for the other tests
        mongo.getCollection("editions").updateOne(new Document("_id", latest),
                new Document("$set", new Document("edition.change.summary", editionSummary(one))));
    }

    private static String editionSummary(HttpApi.Response edition) {
        return edition.json().get("change").get("summary").asString();
    }
}
