package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.CorrectionDeadlines;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.testsupport.HttpApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Art. 11 at intake: the formal check refuses (不予受理) with a reason, finally, and publishes it; a return for
 * correction carries its deadline and lapses into 不予受理 once it passes, once however many instances look; calls
 * are announced as events and listed for the public.
 */
class FormalCheckAndCallsTest extends IntegrationTest {

    @Autowired
    ApplicationService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    java.time.Clock clock;

    @Test
    void the_office_refuses_with_a_reason_finally_and_the_refusal_is_published() {
        String id = completeDraft(openCall());
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(200);

        HttpApi.Response byApplicant = api.post("/api/applications/" + id + "/refuse", Api.applicantA(), Map.of("reason", "x"));
        assertThat(byApplicant.status()).isEqualTo(403);
        HttpApi.Response noReason = api.post("/api/applications/" + id + "/refuse", Api.office(), Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(noReason.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");

        HttpApi.Response refused = api.post("/api/applications/" + id + "/refuse", Api.office(),
                Map.of("reason", "牵头申报单位不是协会会员单位（第七条）"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("status").asString()).isEqualTo("NOT_ACCEPTED");
        assertThat(refused.json().get("statusLabel").asString()).isEqualTo("不予受理");
        assertThat(refused.json().get("notAcceptedReason").asString()).isEqualTo("牵头申报单位不是协会会员单位（第七条）");

        // final: no acceptance, no correction, no withdrawal, no second refusal
        for (var attempt : List.of(api.post("/api/applications/" + id + "/accept", Api.office(), ""),
                api.post("/api/applications/" + id + "/return", Api.office(), Map.of("comments", List.of(Map.of("field", "x", "comment", "y")))),
                api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", "撤回")),
                api.post("/api/applications/" + id + "/refuse", Api.office(), Map.of("reason", "再次")),
                api.post("/api/applications/" + id + "/submit", Api.applicantA(), ""))) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(409);
            assertThat(attempt.json().get("type").asString()).endsWith("/wrong-state");
        }

        List<ConsumerRecord<String, String>> events = events(id, 2);
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("application.submitted.v1", "application.not-accepted.v1");
        JsonNode notAccepted = HttpApi.JSON.readTree(events.get(1).value());
        assertThat(notAccepted.get("reason").asString()).isEqualTo("牵头申报单位不是协会会员单位（第七条）");
        assertThat(notAccepted.get("lapsed").asBoolean()).isFalse();
        assertThat(notAccepted.get("contact").get("email").asString()).isNotBlank();
    }

    @Test
    void a_return_carries_its_deadline_and_lapses_into_not_accepted_once_across_instances() throws Exception {
        String id = completeDraft(openCall());
        api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        HttpApi.Response returned = api.post("/api/applications/" + id + "/return", Api.office(),
                Map.of("comments", List.of(Map.of("field", "product.introduction", "comment", "请补充应用成效"))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        // 15 days by default (qingdan.intake.correction-period)
        Instant due = Instant.parse(returned.json().get("correctionDueAt").asString());
        assertThat(Duration.between(clock.instant(), due)).isBetween(Duration.ofDays(15).minusMinutes(5), Duration.ofDays(15));
        JsonNode returnedEvent = HttpApi.JSON.readTree(events(id, 2).get(1).value());
        assertThat(Instant.parse(returnedEvent.get("correctionDueAt").asString())).isEqualTo(due);

        // nothing lapses before the deadline
        new CorrectionDeadlines(service, mongo, clock).run();
        assertThat(api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString()).isEqualTo("RETURNED");

        // the deadline passes (moved into the past in the database, as time would): two schedules of two instances and
        // two direct runs at once, and the application lapses once, with one event
        mongo.getCollection("applications").updateOne(new Document("_id", id),
                new Document("$set", new Document("state.correctionDueAt", java.util.Date.from(clock.instant().minusSeconds(1)))));
        List<CompletableFuture<?>> runs = new ArrayList<>();
        runs.add(CompletableFuture.runAsync(() -> new CorrectionDeadlines(service, mongo, clock).run()));
        runs.add(CompletableFuture.runAsync(() -> new CorrectionDeadlines(service, mongo, clock).run()));
        runs.add(CompletableFuture.runAsync(() -> service.lapseOverdueCorrections(100)));
        runs.add(CompletableFuture.runAsync(() -> service.lapseOverdueCorrections(100)));
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        JsonNode lapsed = api.get("/api/applications/" + id, Api.applicantA()).json();
        assertThat(lapsed.get("status").asString()).isEqualTo("NOT_ACCEPTED");
        assertThat(lapsed.get("notAcceptedReason").asString()).startsWith("逾期未补正");
        assertThat(lapsed.get("correctionDueAt").isNull()).isTrue();
        assertThat(lapsed.get("audit").valueStream().filter(a -> a.get("action").asString().equals("LAPSED")).count()).isEqualTo(1);
        List<ConsumerRecord<String, String>> events = events(id, 4);
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly("application.submitted.v1",
                "application.returned-for-correction.v1", "application.not-accepted.v1");
        JsonNode notAccepted = HttpApi.JSON.readTree(events.get(2).value());
        assertThat(notAccepted.get("lapsed").asBoolean()).isTrue();
        assertThat(notAccepted.get("decidedBy").asString()).isEqualTo("系统");
        // too late to correct now
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(409);
        // the due corrections are found on an index of exactly the query's keys
        assertThat(mongo.getCollection("applications").listIndexes().into(new ArrayList<>()))
                .anySatisfy(i -> assertThat(i.get("key", Document.class).keySet()).containsExactly("state.status", "state.correctionDueAt"));
    }

    @Test
    void a_correction_in_time_does_not_lapse() {
        String id = completeDraft(openCall());
        api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        api.post("/api/applications/" + id + "/return", Api.office(), Map.of("comments", List.of(Map.of("field", "product.name", "comment", "请修改"))));
        HttpApi.Response resubmitted = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.json().get("correctionDueAt").isNull()).isTrue();
        service.lapseOverdueCorrections(100);
        assertThat(api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void opening_and_closing_a_call_are_announced_and_the_public_sees_the_open_calls() {
        HttpApi.Response planned = api.post("/api/calls", Api.office(), Map.of("title", "2027年度金融科技产品清单征集（公告测试）", "year", 2027,
                "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plusSeconds(20 * 86400).toString()));
        String id = planned.json().get("id").asString();
        // planned: not public yet
        assertThat(publicCallIds()).doesNotContain(id);
        assertThat(api.post("/api/calls/" + id + "/open", Api.office(), "").status()).isEqualTo(200);

        // anonymous: the association website lists it
        HttpApi.Response open = api.get("/api/public/calls", null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
        JsonNode mine = open.json().valueStream().filter(c -> c.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.get("title").asString()).isEqualTo("2027年度金融科技产品清单征集（公告测试）");
        assertThat(mine.get("statusLabel").asString()).isEqualTo("征集中");
        assertThat(mine.has("reviewersPerApplication")).isFalse();

        assertThat(api.post("/api/calls/" + id + "/close", Api.office(), "").status()).isEqualTo(200);
        assertThat(publicCallIds()).doesNotContain(id);
        // only the office opens and closes
        assertThat(api.post("/api/calls/" + id + "/open", Api.applicantA(), "").status()).isEqualTo(403);

        List<ConsumerRecord<String, String>> events = events(id, 2);
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("application.call-opened.v1", "application.call-closed.v1");
        JsonNode opened = HttpApi.JSON.readTree(events.get(0).value());
        assertThat(opened.get("aggregateId").asString()).isEqualTo(id);
        assertThat(opened.get("title").asString()).isEqualTo("2027年度金融科技产品清单征集（公告测试）");
        assertThat(opened.get("year").asInt()).isEqualTo(2027);
        assertThat(HttpApi.JSON.readTree(events.get(1).value()).get("aggregateVersion").asLong())
                .isGreaterThan(opened.get("aggregateVersion").asLong());
    }

    private List<String> publicCallIds() {
        return api.get("/api/public/calls", null).json().valueStream().map(c -> c.get("id").asString()).toList();
    }
}
