package org.qingdan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.browser.Chromium;
import org.qingdan.testsupport.browser.ReviewForm;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as the devstack runs it (real Keycloak from its Maven dist with the qingdan realm, a
 * Kafka broker, the MongoDB wire server, the five applications), used through the gateway with tokens
 * Keycloak issues for the demo users: who may do what (DOMAIN.md §2), and which tokens are refused; the two web UIs
 * (the reviewer UI, the applicant portal) in headless Chromium, signing in on Keycloak's page.
 */
class SystemStackTest {

    static DevStack stack;
    static final HttpApi gateway = new HttpApi(8080);
    static final HttpClient http = HttpClient.newHttpClient();
    static final String KEYCLOAK = DevStack.KEYCLOAK_URL;
    static final String GATEWAY = DevStack.app("gateway").url();

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("qingdan.repo", "../.."));
        Path home = Path.of(System.getProperty("qingdan.system-stack", "target/system-stack"));
        // the gateway allows no clock skew here, so that an expired token is refused as soon as it expires;
        // no class-data sharing archives: in CI's fresh clone this stack starts once, and writing them only costs
        stack = new DevStack(repo.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(),
                Map.of("QINGDAN_SECURITY_CLOCKSKEW", "PT0S"), false);
        stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static String token(String realm, String client, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("token for " + user + ": " + r.body()).isEqualTo(200);
        return HttpApi.JSON.readTree(r.body()).get("access_token").asString();
    }

    static String demo(String user) throws Exception {
        return token("qingdan", "qingdan-cli", user, user);
    }

    @Test
    void demo_users_get_tokens_with_roles_organisation_and_our_audience() throws Exception {
        String[] parts = demo("applicant-a").split("\\.");
        JsonNode claims = HttpApi.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(KEYCLOAK + "/realms/qingdan");
        assertThat(claims.get("aud").toString()).contains("qingdan-api");
        assertThat(claims.get("realm_access").get("roles").toString()).contains("applicant");
        assertThat(claims.get("org_uscc").asString()).isEqualTo("91130100100003962C");
        assertThat(claims.get("org_name").asString()).isEqualTo("甲银行股份有限公司");
    }

    @Test
    void tokens_from_another_issuer_without_our_audience_or_expired_are_refused_at_the_gateway() throws Exception {
        assertThat(gateway.get("/api/calls", demo("office")).status()).isEqualTo(200);
        // the master realm is another issuer
        String master = token("master", "admin-cli", "kcadmin", "kcadmin");
        assertThat(gateway.get("/api/calls", master).status()).isEqualTo(401);
        // admin-cli of our realm has no audience mapper: a token for someone else
        String noAudience = token("qingdan", "admin-cli", "office", "office");
        assertThat(gateway.get("/api/calls", noAudience).status()).isEqualTo(401);
        // a client whose tokens live 2 s: refused as soon as they expire
        String admin = master;
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", "expiring-cli");
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("attributes", Map.of("access.token.lifespan", "2"));
        client.put("protocolMappers", List.of(Map.of("name", "aud", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", "qingdan-api", "access.token.claim", "true"))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/qingdan/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpApi.JSON.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        String expiring = token("qingdan", "expiring-cli", "office", "office");
        assertThat(gateway.get("/api/calls", expiring).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.get("/api/calls", expiring).status() == 401);
    }

    /** An expert reviews as people do: in the browser, signing in on Keycloak's page, through the gateway. */
    static void reviewInTheBrowser(String reviewer, String applicationId, String productName) {
        WebDriver browser = Chromium.start();
        try {
            browser.get(GATEWAY + "/review/assignments");
            assertThat(browser.getCurrentUrl()).as("the UI sends the expert to Keycloak").startsWith(KEYCLOAK + "/realms/qingdan/");
            browser.findElement(By.id("username")).sendKeys(reviewer);
            browser.findElement(By.id("password")).sendKeys(reviewer);
            browser.findElement(By.id("kc-login")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的评审任务");
            assertThat(browser.getCurrentUrl()).startsWith(GATEWAY + "/review/");
            browser.findElement(By.linkText(productName)).click();
            assertThat(ReviewForm.recommendAndSubmit(browser, "产品成熟，风险控制措施到位，同意推荐。", "建议补充近一年运维数据。"))
                    .isEqualTo("评审意见已提交。");
        } finally {
            browser.quit();
        }
    }

    /**
     * The applicant portal as a bank's IT department opens it: through the gateway, sent to Keycloak's login page, signed
     * in as the demo user applicant-a, back on 我的申报 with its organisation's applications. Screenshot in target/screenshots.
     */
    @Test
    void an_applicant_signs_in_to_the_portal_on_keycloaks_page_and_sees_its_organisations_applications() throws Exception {
        String office = demo("office");
        HttpApi.Response call = gateway.post("/api/calls", office, Map.of("title", "门户登录测试征集", "year", 2026,
                "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plus(Duration.ofDays(30)).toString()));
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        String callId = call.json().get("id").asString();
        assertThat(gateway.post("/api/calls/" + callId + "/open", office, "").status()).isEqualTo(200);
        HttpApi.Response created = gateway.post("/api/applications", demo("applicant-a"), Map.of("callId", callId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        WebDriver browser = Chromium.start();
        try {
            browser.get(GATEWAY + "/portal/");
            assertThat(browser.getCurrentUrl()).as("the portal sends the applicant to Keycloak").startsWith(KEYCLOAK + "/realms/qingdan/");
            browser.findElement(By.id("username")).sendKeys("applicant-a");
            browser.findElement(By.id("password")).sendKeys("applicant-a");
            browser.findElement(By.id("kc-login")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的申报");
            assertThat(browser.getCurrentUrl()).startsWith(GATEWAY + "/portal/");
            assertThat(browser.findElement(By.id("application-" + id)).getText()).contains("草稿");
            assertThat(browser.findElement(By.id("call-" + callId)).getText()).contains("门户登录测试征集");
            java.nio.file.Path shots = java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
            java.nio.file.Files.write(shots.resolve("system-portal-home.png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    @Test
    void one_product_goes_from_a_call_to_the_list_and_off_it_and_everyone_hears_of_it() throws Exception {
        Walkthrough walk = Walkthrough.onDevStack()
                .reviewing("reviewer3", SystemStackTest::reviewInTheBrowser);
        // the association website reads listing.events from the start, as it would in production
        try (WebsiteConsumer website = WebsiteConsumer.start("localhost:9092")) {
            Walkthrough.Result result = walk.run();
            website.seen(result.applicationId(), "listing.product-delisted.v1");
            assertThat(website.types(result.applicationId())).containsSubsequence("listing.public-notice-started.v1",
                    "listing.objection-lodged.v1", "listing.objection-decided.v1", "listing.product-listed.v1", "listing.product-delisted.v1");

            // the public API tells the whole story, with the edition each change of the list made
            JsonNode detail = gateway.get("/api/public/listings/" + result.applicationId(), null).json();
            assertThat(detail.get("summary").get("status").asString()).isEqualTo("DELISTED");
            assertThat(detail.get("delisting").get("reasonLabel").asString()).startsWith("第十二条（一）");
            List<String> history = new ArrayList<>();
            detail.get("history").forEach(h -> history.add(h.get("type").asString()));
            assertThat(history).containsExactly("PUBLIC_NOTICE_STARTED", "OBJECTION_LODGED", "OBJECTION_DISMISSED", "LISTED", "DELISTED");
            // each step names the body that acted, never a person
            List<String> bodies = new ArrayList<>();
            detail.get("history").forEach(h -> bodies.add(h.get("actedBy").asString()));
            assertThat(bodies).containsExactly("COMMITTEE", "MEMBER", "OFFICE", "OFFICE", "OFFICE");
            // the office's audit trails, through the gateway with Keycloak's tokens: who, which organisation, which request
            String office = walk.token("office");
            JsonNode intake = gateway.get("/api/applications/" + result.applicationId() + "/audit?size=100", office).json();
            List<String> intakeActions = new ArrayList<>();
            intake.get("items").forEach(r -> intakeActions.add(r.get("action").asString()));
            assertThat(intakeActions).containsSubsequence("CREATED", "DRAFT_SAVED", "PARTICIPANT_CONFIRMED", "SUBMITTED", "ACCEPTED");
            intake.get("items").forEach(r -> {
                if (r.get("action").asString().equals("PARTICIPANT_CONFIRMED")) {
                    assertThat(r.get("orgUscc").asString()).isEqualTo("91110108551385082Q");
                    assertThat(r.get("traceId").isNull()).isFalse();
                }
            });
            JsonNode caseTrail = gateway.get("/api/reviews/cases/" + result.applicationId() + "/audit?size=100", office).json();
            assertThat(caseTrail.get("total").asLong()).isGreaterThanOrEqualTo(8); // opened, assigned, three reviews saved and submitted, decided
            JsonNode listingTrail = gateway.get("/api/listings/" + result.applicationId() + "/audit", office).json();
            List<String> listingActions = new ArrayList<>();
            listingTrail.get("items").forEach(r -> listingActions.add(r.get("action").asString()));
            assertThat(listingActions).containsExactly("PUBLIC_NOTICE_STARTED", "OBJECTION_LODGED", "OBJECTION_DISMISSED", "LISTED", "DELISTED");
            String atom = gateway.get("/api/public/feed.atom", null).body();
            assertThat(atom).contains("公示期满，异议经核实不成立，纳入清单：" + result.productName());
            assertThat(atom).contains("移出清单：第十二条（一）出现重大缺陷，可能造成严重安全风险：" + result.productName());
            assertThat(gateway.get("/api/public/editions/verification", null).body()).contains("\"valid\":true");
            // the mail of each step, caught by the stack's SMTP server
            Path mail = Path.of(System.getProperty("qingdan.system-stack", "target/system-stack")).resolve("mail");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjects(mail)).anyMatch(s -> s.startsWith("申报已提交：" + result.productName()))
                    .anyMatch(s -> s.startsWith("申报已受理：" + result.productName()))
                    .anyMatch(s -> s.startsWith("参与机构确认：" + result.productName()))
                    .anyMatch(s -> s.startsWith("评审任务：" + result.productName()))
                    .anyMatch(s -> s.startsWith("待审核：" + result.productName()))
                    .anyMatch(s -> s.startsWith("审核结果：" + result.productName()))
                    .anyMatch(s -> s.startsWith("清单公示：") && s.endsWith(result.productName()))
                    .anyMatch(s -> s.startsWith("公示异议：" + result.productName()))
                    .anyMatch(s -> s.startsWith("公示异议处理结果：" + result.productName()))
                    .anyMatch(s -> s.startsWith("纳入清单：") && s.endsWith(result.productName()))
                    .anyMatch(s -> s.startsWith("移出清单：") && s.endsWith(result.productName())));
            System.out.printf("walkthrough: accept → review case open %d ms, approval → public notice %d ms, notice end → listed %d ms%n",
                    result.acceptToCaseOpen().toMillis(), result.approveToNotice().toMillis(), result.noticeEndToListed().toMillis());
        }
    }

    /** Art. 12: a listed product is reported by a member, re-reviewed by experts and delisted by the committee. */
    @Test
    void a_listed_product_is_reported_re_reviewed_and_delisted_by_the_committee() throws Exception {
        Walkthrough walk = Walkthrough.onDevStack();
        try (WebsiteConsumer website = WebsiteConsumer.start("localhost:9092")) {
            String name = "复核平台" + Integer.toString((int) (System.nanoTime() % 100000), 36);
            String id = walk.listed(name);
            walk.reportReReviewAndDelist(id, name);
            website.seen(id, "listing.product-delisted.v1");
            assertThat(website.types(id)).containsSubsequence("listing.product-listed.v1", "listing.re-review-opened.v1",
                    "listing.re-review-concluded.v1", "listing.product-delisted.v1");
            JsonNode detail = gateway.get("/api/public/listings/" + id, null).json();
            assertThat(detail.get("summary").get("status").asString()).isEqualTo("DELISTED");
            assertThat(detail.get("summary").get("underReReview").asBoolean()).isFalse();
            assertThat(detail.get("history")).last().satisfies(h -> {
                assertThat(h.get("type").asString()).isEqualTo("DELISTED");
                assertThat(h.get("actedBy").asString()).isEqualTo("COMMITTEE");
            });
            assertThat(gateway.get("/api/public/listings/" + id, null).body()).doesNotContain("applicant-b").doesNotContain("宕机");
            List<String> actions = auditActions(walk, id);
            assertThat(actions).containsSubsequence("LISTED", "REPORT_FILED", "RE_REVIEW_OPENED", "RE_REVIEW_DELISTED");
            assertThat(gateway.get("/api/public/editions/verification", null).body()).contains("\"valid\":true");
        }
    }

    /** Art. 12 (二): a listed product's enterprise changes its name; the office accepts; the record is corrected. */
    @Test
    void a_listed_products_enterprise_reports_a_change_and_the_public_record_is_corrected() throws Exception {
        Walkthrough walk = Walkthrough.onDevStack();
        try (WebsiteConsumer website = WebsiteConsumer.start("localhost:9092")) {
            String name = "变更平台" + Integer.toString((int) (System.nanoTime() % 100000), 36);
            String id = walk.listed(name);
            long before = gateway.get("/api/public/listings/" + id, null).json().get("history").size();
            walk.changeAndCorrect(id, "北京智信数字科技有限公司");
            website.seen(id, "listing.record-corrected.v1");
            assertThat(website.types(id)).containsSubsequence("listing.product-listed.v1", "listing.record-corrected.v1");
            JsonNode detail = gateway.get("/api/public/listings/" + id, null).json();
            assertThat(detail.get("summary").get("status").asString()).isEqualTo("LISTED");
            assertThat(detail.get("summary").get("enterpriseName").asString()).isEqualTo("北京智信数字科技有限公司");
            assertThat(detail.get("history")).hasSize((int) before + 1).last()
                    .satisfies(h -> assertThat(h.get("type").asString()).isEqualTo("RECORD_CORRECTED"));
            List<String> actions = auditActions(walk, id);
            assertThat(actions).containsSubsequence("LISTED", "ENTERPRISE_CHANGE_REPORTED", "RECORD_CORRECTED");
            assertThat(gateway.get("/api/public/editions/verification", null).body()).contains("\"valid\":true");
        }
    }

    /** The actions in a listing's audit trail, oldest first, as the office reads them. */
    private static List<String> auditActions(Walkthrough walk, String id) throws Exception {
        List<String> actions = new ArrayList<>();
        gateway.get("/api/listings/" + id + "/audit?size=100", walk.token("office")).json().get("items")
                .forEach(r -> actions.add(r.get("action").asString()));
        return actions;
    }

    /** The README's walk-through, its bash blocks run in order as a newcomer would paste them. */
    @Test
    void the_readmes_walk_through_works_as_written() throws Exception {
        for (String tool : List.of("curl", "jq")) {
            assertThat(new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor()).as(tool + " (apt-get install " + tool + ")")
                    .isZero();
        }
        Path repo = Path.of(System.getProperty("qingdan.repo", "../..")).toAbsolutePath().normalize();
        String readme = java.nio.file.Files.readString(repo.resolve("README.md"));
        String section = readme.substring(readme.indexOf("<!-- walkthrough:begin -->"), readme.indexOf("<!-- walkthrough:end -->"));
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```bash\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(section);
        int blocks = 0;
        while (block.find()) {
            script.append(block.group(1)).append('\n');
            blocks++;
        }
        assertThat(blocks).as("bash blocks of the walk-through").isGreaterThanOrEqualTo(12);
        Path output = java.nio.file.Files.createTempFile("walkthrough", ".log");
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean finished = bash.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly();
        }
        String printed = java.nio.file.Files.readString(output);
        System.out.println(printed);
        assertThat(finished).as("the walk-through ends within 5 minutes:\n" + printed).isTrue();
        assertThat(bash.exitValue()).as("the walk-through's exit status:\n" + printed).isZero();
        // the empty draft's problem, the public history of the product, and a valid chain of editions
        // the submission refused until the participant confirmed (Art. 8), then its confirmation
        assertThat(printed).contains("participants-unconfirmed").contains("participant-unconfirmed").contains("已确认");
        assertThat(printed).contains("\"field\":").contains("LISTED  公示期满，异议经核实不成立，纳入清单")
                .contains("DELISTED  移出清单：第十二条（一）").contains("{\"valid\":true");
        // the day's announcement of the notice, as JSON, HTML and PDF
        assertThat(printed).contains("拟纳入金融科技企业和产品清单的公示", "请于").containsPattern("announcement of \\d{4}-\\d{2}-\\d{2}: PDF, \\d+ bytes");
    }

    static List<String> subjects(Path folder) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".eml")).toList()) {
                try (var in = java.nio.file.Files.newInputStream(f)) {
                    subjects.add(new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null, in).getSubject());
                }
            }
        }
        return subjects;
    }

    /** One row of the matrix: who, what, and the status DOMAIN.md §2 gives. */
    record Row(String user, String method, String path, Object body, int expected) {
    }

    @Test
    void every_role_endpoint_and_organisation_is_allowed_or_refused_as_the_measures_say() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("office", "committee", "reviewer1", "applicant-a", "vendor-a", "applicant-b", "vendor-z", "admin")) {
            tokens.put(user, demo(user));
        }
        tokens.put("anonymous", null);

        Map<String, Object> call = Map.of("title", "矩阵测试征集", "year", 2026, "opensAt", Instant.now().minusSeconds(60).toString(),
                "closesAt", Instant.now().plusSeconds(86400 * 30L).toString());
        String callId = gateway.post("/api/calls", tokens.get("office"), call).json().get("id").asString();
        assertThat(gateway.post("/api/calls/" + callId + "/open", tokens.get("office"), "").status()).isEqualTo(200);
        String appA = gateway.post("/api/applications", tokens.get("applicant-a"), Map.of("callId", callId)).json().get("id").asString();
        // a joint application of A naming 北京智信 (vendor-z) as its participant (Art. 8): only vendor-z answers for it
        String joint = gateway.post("/api/applications", tokens.get("applicant-a"), Map.of("callId", callId, "form", Map.of("participants",
                List.of(Map.of("name", "北京智信科技有限公司", "uscc", "91110108551385082Q", "role", "产品研发、测试与运维"))))).json().get("id").asString();

        List<Row> rows = new ArrayList<>();
        for (String user : tokens.keySet()) {
            boolean anonymous = user.equals("anonymous");
            boolean office = user.equals("office") || user.equals("admin");
            boolean orgA = user.equals("applicant-a") || user.equals("vendor-a");
            boolean participant = user.equals("vendor-z");
            boolean applicant = orgA || user.equals("applicant-b") || participant;
            rows.add(new Row(user, "GET", "/api/public/listings", null, 200));
            rows.add(new Row(user, "GET", "/api/calls", null, anonymous ? 401 : 200));
            rows.add(new Row(user, "POST", "/api/calls", call, anonymous ? 401 : office ? 201 : 403));
            rows.add(new Row(user, "POST", "/api/applications", Map.of("callId", callId), anonymous ? 401 : applicant ? 201 : 403));
            rows.add(new Row(user, "GET", "/api/applications/" + appA, null, anonymous ? 401 : (orgA || office) ? 200 : 404));
            rows.add(new Row(user, "PUT", "/api/applications/" + appA + "/form", Map.of(), anonymous ? 401 : orgA ? 200 : office ? 403 : 404));
            rows.add(new Row(user, "POST", "/api/applications/" + appA + "/accept", "", anonymous ? 401 : office ? 409 : 403));
            // experts list their own assignments (none here); applicants and vendors have no business in review
            // the participant sees its part of the joint application and confirms; everyone else as if it did not exist
            rows.add(new Row(user, "GET", "/api/applications/" + joint + "/participation", null,
                    anonymous ? 401 : participant ? 200 : applicant ? 404 : 403));
            rows.add(new Row(user, "POST", "/api/applications/" + joint + "/participation/confirm", "",
                    anonymous ? 401 : participant ? 200 : applicant ? 404 : 403));
            rows.add(new Row(user, "GET", "/api/reviews/cases", null, anonymous ? 401
                    : (office || user.equals("committee") || user.equals("reviewer1")) ? 200 : 403));
            rows.add(new Row(user, "GET", "/api/listings", null, anonymous ? 401 : office ? 200 : 403));
            rows.add(new Row(user, "GET", "/api/notifications", null, anonymous ? 401 : 200));
            // the office's subscribers to the office, a member organisation's own to its applicants and vendors
            rows.add(new Row(user, "GET", "/api/webhooks", null, anonymous ? 401 : (office || applicant) ? 200 : 403));
            // 我行在用: a member's own marks; how many, never who, to the office
            rows.add(new Row(user, "GET", "/api/product-use/mine", null, anonymous ? 401 : applicant ? 200 : 403));
            rows.add(new Row(user, "GET", "/api/product-use/listed", null, anonymous ? 401 : applicant ? 200 : 403));
            rows.add(new Row(user, "GET", "/api/product-use/counts", null, anonymous ? 401 : office ? 200 : 403));
        }
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String token = tokens.get(row.user());
            HttpApi.Response r = switch (row.method()) {
                case "GET" -> gateway.get(row.path(), token);
                case "PUT" -> gateway.put(row.path(), token, row.body());
                default -> gateway.post(row.path(), token, row.body());
            };
            if (r.status() != row.expected()) {
                wrong.add(row.user() + " " + row.method() + " " + row.path() + ": expected " + row.expected() + ", got " + r.status()
                        + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        assertThat(wrong).as(rows.size() + " combinations").isEmpty();

        // a header cannot borrow another organisation's identity
        assertThat(gateway.get("/api/applications/" + appA, tokens.get("applicant-b"), "X-Org-Uscc", "91130100100003962C").status())
                .isEqualTo(404);
    }
}
