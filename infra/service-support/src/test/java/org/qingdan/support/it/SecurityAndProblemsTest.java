package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingdan.testsupport.OidcIssuer;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class SecurityAndProblemsTest extends SupportIntegrationTest {

    private static final String ORG_A = "91100000100003962T";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private String applicant() {
        return RealInfrastructure.oidc().token("applicant-a", ORG_A, "甲银行", List.of(Roles.APPLICANT));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(port, path, token);
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo("https://qingdan.org/problems/" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_valid_token_gives_the_user_and_organisation_from_its_claims() throws Exception {
        HttpResponse<String> response = get("/api/things/me", applicant());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("username").asString()).isEqualTo("applicant-a");
        assertThat(me.get("orgUscc").asString()).isEqualTo(ORG_A);
        assertThat(me.get("orgName").asString()).isEqualTo("甲银行");
        assertThat(me.get("roles").get(0).asString()).isEqualTo(Roles.APPLICANT);
    }

    @Test
    void tokens_that_must_not_pass_are_refused_with_a_problem() throws Exception {
        OidcIssuer oidc = RealInfrastructure.oidc();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(oidc.issuerUri()).subject("forger")
                .audience(OidcIssuer.AUDIENCE).expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .claim("realm_access", Map.of("roles", List.of("admin"))).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner("an-hmac-secret-of-at-least-256-bits-length!!")); 
        Map<String, String> refused = Map.of(
                "no token", "",
                "another audience", oidc.token(OidcIssuer.REALM, "a", ORG_A, "甲", List.of(Roles.APPLICANT), List.of("other-api"), 3600),
                "expired", oidc.token(OidcIssuer.REALM, "a", ORG_A, "甲", List.of(Roles.APPLICANT), List.of(OidcIssuer.AUDIENCE), -600),
                "another issuer", oidc.token("other-realm", "a", ORG_A, "甲", List.of(Roles.APPLICANT), List.of(OidcIssuer.AUDIENCE), 3600),
                "alg none", new PlainJWT(claims).serialize(),
                "HMAC signed", hmac.serialize(),
                "garbage", "not-a-jwt");
        for (var entry : refused.entrySet()) {
            HttpResponse<String> response = get("/api/things/me", entry.getValue().isEmpty() ? null : entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
            assertProblem(response, 401, "unauthenticated");
        }
    }

    @Test
    void a_role_the_user_lacks_is_a_403_problem() throws Exception {
        assertProblem(get("/api/things/office", applicant()), 403, "forbidden");
        String office = RealInfrastructure.oidc().token("office", null, null, List.of(Roles.OFFICE));
        assertThat(get("/api/things/office", office).statusCode()).isEqualTo(200);
    }

    @Test
    void public_paths_and_health_need_no_token() throws Exception {
        assertThat(get("/api/public/things", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void actuator_answers_on_its_own_port_only_and_that_port_serves_nothing_else() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/info", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(200);
        // not on the application's port, whoever asks
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/env")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, applicant()).statusCode()).as(path).isIn(403, 404);
        }
        // and the management port is no back door to the API
        assertThat(get(managementPort, "/api/things/office", null).statusCode()).isIn(401, 403, 404);
        assertThat(get(managementPort, "/api/public/things", null).statusCode()).isIn(401, 403, 404);
    }

    @Test
    void invalid_input_lists_every_field_and_rule() throws Exception {
        HttpResponse<String> response = post("/api/things", applicant(), "{\"name\":\" \",\"postcode\":\"12\"}");
        assertProblem(response, 400, "validation");
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(response.body()).contains("\"field\":\"name\"", "\"rule\":\"not-blank\"", "\"field\":\"postcode\"",
                "\"rule\":\"pattern\"", "邮编应为6位数字");
        assertProblem(post("/api/things", applicant(), "{not json"), 400, "unreadable");

        HttpResponse<String> closedList = post("/api/things", applicant(), "{\"name\":\"a\",\"ratings\":[\"GOOD\",\"SUPERB\"]}");
        assertProblem(closedList, 400, "validation");
        JsonNode violation = JSON.readTree(closedList.body()).get("errors").get(0);
        assertThat(violation.get("field").asString()).isEqualTo("ratings[1]");
        assertThat(violation.get("rule").asString()).isEqualTo("closed-list");
        assertThat(violation.get("message").asString()).contains("OUTSTANDING");
    }

    @Test
    void unexpected_errors_and_unknown_paths_are_problems_without_internals() throws Exception {
        HttpResponse<String> boom = get("/api/things/boom", applicant());
        assertProblem(boom, 500, "internal");
        assertThat(boom.body()).doesNotContain("secret internals");
        assertThat(JSON.readTree(boom.body()).get("traceId").asString()).isEqualTo(boom.headers().firstValue("X-Trace-Id").orElseThrow());
        assertProblem(get("/api/things/nothing-here", applicant()), 404, "http-404");
    }

    @Test
    void without_the_development_switch_no_one_can_move_the_clock() throws Exception {
        String admin = RealInfrastructure.oidc().token("admin", ORG_A, "协会", List.of(Roles.ADMIN));
        assertThat(post("/dev/clock/advance", admin, "{\"by\":\"P8D\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void the_trace_id_is_in_the_response_and_the_log_line_and_personal_data_is_masked(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/api/things/me", applicant());
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{16,32}");
        String line = output.getOut().lines().filter(l -> l.contains("who am I: applicant-a")).findFirst().orElseThrow();
        assertThat(line).contains(traceId).contains("138****8000").contains("a***@example.cn").doesNotContain("13800138000");
        assertThat(get("/api/things/me", null).headers().firstValue("X-Trace-Id")).isPresent();
    }

    @Test
    void one_trace_runs_from_the_request_through_the_outbox_and_the_broker_into_the_consumer() throws Exception {
        HttpResponse<String> response = post("/api/things/widgets/traced-1", applicant(), "");
        assertThat(response.statusCode()).isEqualTo(200);
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> withdrawal("traced-1") != null);
        assertThat(withdrawal("traced-1").getString("traceId")).isEqualTo(traceId);
    }

    @Test
    void metrics_carry_the_application_tag_and_the_outbox_meters_count_events_by_type() throws Exception {
        assertThat(post("/api/things/widgets/metered-1", applicant(), "").statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> withdrawal("metered-1") != null);
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"support-test\"").contains("qingdan_outbox_lag_seconds");
        // the business's counts: events published, by logical type
        assertThat(response.body().lines().filter(l -> l.startsWith("qingdan_outbox_published_total{"))
                .filter(l -> l.contains("type=\"application.withdrawn.v1\"")).findFirst())
                .hasValueSatisfying(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0));
    }
}
