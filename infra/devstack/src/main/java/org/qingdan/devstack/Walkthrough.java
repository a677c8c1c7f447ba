package org.qingdan.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way of one product through the running system, as its users take it, through the gateway with
 * tokens Keycloak issues for the demo users: the office opens a call; applicant A drafts and attaches; its
 * submission is refused until the participant (vendor-z) confirms its role, then it submits; the office accepts; the review case opens; automatic assignment; three experts review; the
 * committee approves; public notice starts; an objection is lodged and dismissed; the notice ends (the
 * listing-service's development clock is moved past its end) and the product is listed; the office delists
 * it for an Art. 12 reason. Each step checks what it expects and says which step failed. Used by the
 * system test and the benchmark.
 */
public final class Walkthrough {

    /** The three experts of the pool, by organisation: none is applicant A, its vendor or the report's issuer. */
    static final Map<String, String> REVIEWERS = new java.util.TreeMap<>(Map.of(
            "reviewer1", "911301006789123452", "reviewer2", "91130100401234561E", "reviewer3", "12130000400007199N"));

    /** How one expert reviews: through the API by default; the system test lets one use the browser. */
    @FunctionalInterface
    public interface ReviewHand {
        void review(String reviewer, String applicationId, String productName);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;
    private final String listingService;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ReviewHand> hands = new java.util.HashMap<>();

    /** {@code listingService}: where the listing-service's development clock answers (not routed by the gateway). */
    /** The walk-through against the devstack's ports. */
    static Walkthrough onDevStack() {
        return new Walkthrough(DevStack.app("gateway").url(), DevStack.KEYCLOAK_URL, DevStack.app("listing-service").url());
    }

    public Walkthrough(String gateway, String keycloak, String listingService) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.listingService = listingService;
    }

    /** The given expert reviews with this hand instead of the API. */
    public Walkthrough reviewing(String reviewer, ReviewHand hand) {
        hands.put(reviewer, hand);
        return this;
    }

    /** What one walk through produced, for the checks and the timings of the caller. */
    public record Result(String applicationId, String productName, Duration acceptToCaseOpen, Duration approveToNotice,
                         Duration noticeEndToListed) {
    }

    /** Tokens from elsewhere (a test's own issuer) instead of Keycloak's password grant. */
    public Walkthrough tokensFrom(java.util.function.Function<String, String> issuer) {
        this.tokenSource = issuer;
        return this;
    }

    private java.util.function.Function<String, String> tokenSource;

    public String token(String user) {
        if (tokenSource != null) {
            return tokens.computeIfAbsent(user, tokenSource);
        }
        return tokens.computeIfAbsent(user, u -> {
            String form = "grant_type=password&client_id=qingdan-cli&username=" + u + "&password=" + u;
            String body = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/qingdan/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), 200, "token for " + u);
            return field(body, "access_token");
        });
    }

    public void pool() {
        REVIEWERS.forEach((id, org) -> send(json("PUT", "/api/reviews/reviewers/" + id, "office",
                "{\"name\":\"专家" + id + "\",\"email\":\"" + id + "@qingdan.example.cn\",\"orgUscc\":\"" + org
                        + "\",\"orgName\":\"评审机构\",\"scenarios\":[\"RISK_MANAGEMENT\"],\"technologies\":[\"大数据\"],\"loadLimit\":50,\"active\":true}"),
                200, "pool " + id));
    }

    public String openCall() {
        String body = send(json("POST", "/api/calls", "office", "{\"title\":\"" + LocalDate.now().getYear() + "年度金融科技企业和产品清单征集\",\"year\":"
                + LocalDate.now().getYear() + ",\"opensAt\":\"" + Instant.now().minusSeconds(60) + "\",\"closesAt\":\""
                + Instant.now().plus(Duration.ofDays(30)) + "\"}"), 201, "plan a call");
        String id = field(body, "id");
        send(json("POST", "/api/calls/" + id + "/open", "office", ""), 200, "open the call");
        // announced (application.call-opened.v1, mail and inbox to the members) and listed for the public
        if (!send(json("GET", "/api/public/calls", null, null), 200, "list the open calls anonymously").contains("\"id\":\"" + id + "\"")) {
            throw new IllegalStateException("the open call " + id + " is not among the public open calls");
        }
        return id;
    }

    /** The sample form's participant (其他参与机构): 北京智信科技有限公司, whose demo user is {@code vendor-z}. */
    static final String PARTICIPANT = "vendor-z";
    static final String PARTICIPANT_USCC = "91110108551385082Q";

    /** A complete draft of applicant A with its three files, its participant having confirmed; returns the application id. */
    public String draft(String callId, String productName) {
        String id = unconfirmedDraft(callId, productName);
        participantConfirms(id);
        return id;
    }

    /** A complete draft of applicant A with its three files; its participant is asked but has not answered yet. */
    public String unconfirmedDraft(String callId, String productName) {
        String id = field(send(json("POST", "/api/applications", "applicant-a", "{\"callId\":\"" + callId + "\"}")
                .header("Idempotency-Key", UUID.randomUUID().toString()), 201, "start a draft"), "id");
        String patent = upload(id, "专利证书.pdf");
        String report = upload(id, "运行评估报告.pdf");
        String signed = upload(id, "申报表盖章扫描件.pdf");
        send(json("PUT", "/api/applications/" + id + "/form", "applicant-a", form(productName, patent, report, signed)), 200, "save the form");
        return id;
    }

    /**
     * Art. 8: before the participant confirmed its role the submission is refused, naming it (409 participants-unconfirmed).
     */
    public void submitRefusedUntilConfirmed(String applicationId) {
        String problem = send(json("POST", "/api/applications/" + applicationId + "/submit", "applicant-a", ""), 409,
                "submit before the participant confirmed");
        if (!problem.contains("participants-unconfirmed") || !problem.contains("participants[0]") || !problem.contains(PARTICIPANT_USCC)) {
            throw new IllegalStateException("the refused submission does not name the unconfirmed participant: " + problem);
        }
    }

    /** The participant (vendor-z) reads its part of the application and confirms its role. */
    public void participantConfirms(String applicationId) {
        String view = send(json("GET", "/api/applications/" + applicationId + "/participation", PARTICIPANT, null), 200,
                "the participant reads its part");
        String role = field(view, "role");
        send(json("POST", "/api/applications/" + applicationId + "/participation/confirm", PARTICIPANT,
                "{\"role\":\"" + role + "\"}"), 200, "the participant confirms its role");
    }

    public void submit(String applicationId) {
        send(json("POST", "/api/applications/" + applicationId + "/submit", "applicant-a", ""), 200, "submit");
    }

    /** The office accepts; answers how long the review case took to open. */
    public Duration accept(String id) {
        Instant accepted = Instant.now();
        send(json("POST", "/api/applications/" + id + "/accept", "office", ""), 200, "accept");
        until("the review case opens", () -> status(json("GET", "/api/reviews/cases/" + id, "office", null)) == 200);
        return Duration.between(accepted, Instant.now());
    }

    /** Automatic assignment, then each of the three experts reviews and submits, by API or by its hand. */
    public void review(String id, String productName) {
        send(json("POST", "/api/reviews/cases/" + id + "/assignments/auto", "office", ""), 200, "assign automatically");
        String view = send(json("GET", "/api/reviews/cases/" + id, "office", null), 200, "read the case");
        for (String reviewer : REVIEWERS.keySet()) {
            if (!view.contains("\"reviewerId\":\"" + reviewer + "\"")) {
                throw new IllegalStateException("automatic assignment left out " + reviewer + ": " + view);
            }
            hands.getOrDefault(reviewer, this::reviewByApi).review(reviewer, id, productName);
        }
        until("the case is ready for the committee", () -> send(json("GET", "/api/reviews/cases/" + id, "office", null), 200, "read the case")
                .contains("\"status\":\"READY_FOR_DECISION\""));
    }

    private void reviewByApi(String reviewer, String id, String productName) {
        send(json("PUT", "/api/reviews/cases/" + id + "/review", reviewer, REVIEW), 200, reviewer + " drafts");
        send(json("POST", "/api/reviews/cases/" + id + "/review/submit", reviewer, ""), 200, reviewer + " submits");
    }

    /** The committee approves; answers how long public notice took to show on the public API. */
    public Duration approve(String id) {
        Instant approved = Instant.now();
        send(json("POST", "/api/reviews/cases/" + id + "/decision", "committee",
                "{\"decision\":\"APPROVED\",\"reasons\":[\"三位专家一致推荐\"]}"), 200, "the committee approves");
        untilStatus(id, "PUBLIC_NOTICE");
        return Duration.between(approved, Instant.now());
    }

    /** Applicant B objects during notice; the office dismisses it and notice goes on. */
    public void objectAndDismiss(String id) {
        String objection = field(send(json("POST", "/api/listings/" + id + "/objections", "applicant-b",
                "{\"grounds\":\"该产品试用期间出现过数据同步故障\"}"), 201, "an objection"), "id");
        send(json("POST", "/api/listings/" + id + "/objections/" + objection + "/dismiss", "office",
                "{\"reason\":\"经核实，故障已修复，不影响认定\"}"), 200, "the office dismisses it");
    }

    /**
     * Moves the listing-service's development clock just past the end of this product's notice (as admin)
     * and waits until the product is listed; answers how long listing took once the notice had ended.
     */
    public Duration endNotice(String id) {
        Instant endsAt = Instant.parse(field(send(json("GET", "/api/public/listings/" + id, null, null), 200, "read the notice"), "noticeEndsAt"));
        Instant serviceNow = Instant.parse(field(send(clock("GET", null), 200, "read the listing-service clock"), "now"));
        Duration by = Duration.between(serviceNow, endsAt).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!by.isNegative() && !by.isZero()) {
            send(clock("POST", "{\"by\":\"" + by + "\"}"), 200, "move the listing-service clock past the notice end");
        }
        Instant ended = Instant.now();
        untilStatus(id, "LISTED");
        return Duration.between(ended, Instant.now());
    }

    /** The office delists the product for a major defect (Art. 12 (1)). */
    public void delist(String id) {
        send(json("POST", "/api/listings/" + id + "/delist", "office", "{\"reason\":\"MAJOR_DEFECT\","
                + "\"explanation\":\"发现重大安全缺陷，可能造成严重安全风险\",\"evidence\":\"安全评估报告（2026）第12号\"}"), 200, "delist");
        untilStatus(id, "DELISTED");
    }

    /**
     * Art. 12: applicant B reports a defect of the listed product with evidence; the office opens a re-review (the public
     * record shows 复核中); review-service opens the case; three experts review it; the committee delists the product.
     * Answers the re-review case's id.
     */
    public String reportReReviewAndDelist(String id, String productName) {
        String report = field(multipart("/api/listings/" + id + "/reports", "applicant-b", "files", java.util.Map.of("kinds", "MAJOR_DEFECT",
                "description", "我行生产环境核心模块宕机两日，厂商未及时响应", "occurredOn", "2026-10-01"), "故障说明.pdf", 201,
                "a member reports the listed product"), "id");
        send(json("POST", "/api/listings/reports/" + report + "/re-review", "office", "{\"reason\":\"反映情况属实，需专家复核\"}"), 200,
                "the office opens a re-review");
        until("the public record shows 复核中", () -> send(json("GET", "/api/public/listings/" + id, null, null), -1, "")
                .contains("\"reReviewLabel\":\"复核中\""));
        String caseId = "rr-" + report;
        until("the re-review case opens", () -> status(json("GET", "/api/reviews/cases/" + caseId, "office", null)) == 200);
        review(caseId, productName);
        send(json("POST", "/api/reviews/cases/" + caseId + "/re-review-decision", "committee",
                "{\"outcome\":\"DELIST\",\"delistingReason\":\"MAJOR_DEFECT\",\"reasons\":[\"存在重大缺陷，可能造成严重安全风险\"]}"), 200,
                "the committee delists on the re-review");
        untilStatus(id, "DELISTED");
        return caseId;
    }

    /**
     * Art. 12 (二): the lead applicant reports that the enterprise changed its name; the office accepts, and the public
     * record is corrected in a new edition. Answers the change report's id.
     */
    public String changeAndCorrect(String id, String newEnterpriseName) {
        String change = field(send(json("POST", "/api/listings/" + id + "/changes", "applicant-a", "{\"kind\":\"NAME\","
                + "\"description\":\"企业完成工商变更登记，名称变更\",\"effectiveOn\":\"2026-11-01\",\"newEnterpriseName\":\""
                + newEnterpriseName + "\"}"), 201, "the lead applicant reports the enterprise's new name"), "id");
        send(json("POST", "/api/listings/changes/" + change + "/accept", "office", "{\"note\":\"已核实营业执照\"}"), 200,
                "the office accepts the change");
        until("the public record shows the new name", () -> send(json("GET", "/api/public/listings/" + id, null, null), -1, "")
                .contains(newEnterpriseName));
        return change;
    }

    /** From a call to the list: the product listed, not yet delisted. Answers its application (and listing) id. */
    public String listed(String productName) {
        pool();
        String id = unconfirmedDraft(openCall(), productName);
        submitRefusedUntilConfirmed(id);
        participantConfirms(id);
        submit(id);
        accept(id);
        review(id, productName);
        approve(id);
        endNotice(id);
        return id;
    }

    /** The rest of the way, from the formal check to the delisting. */
    public Result afterSubmission(String id, String productName) {
        Duration toCase = accept(id);
        review(id, productName);
        Duration toNotice = approve(id);
        objectAndDismiss(id);
        Duration toListed = endNotice(id);
        delist(id);
        return new Result(id, productName, toCase, toNotice, toListed);
    }

    public Result run() {
        pool();
        String call = openCall();
        String name = "风控平台" + Integer.toString((int) (System.nanoTime() % 100000), 36);
        String id = unconfirmedDraft(call, name);
        submitRefusedUntilConfirmed(id);
        participantConfirms(id);
        submit(id);
        return afterSubmission(id, name);
    }

    private void untilStatus(String id, String status) {
        until("the product shows as " + status + " on the public API", () -> send(json("GET", "/api/public/listings/" + id, null, null), -1, "")
                .contains("\"status\":\"" + status + "\""));
    }

    private HttpRequest.Builder clock(String method, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(listingService + "/dev/clock" + (body == null ? "" : "/advance")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token("admin"));
        return body == null ? b.GET() : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The sample files of the README's walk-through ({@code infra/devstack/src/main/resources/samples/}). */
    static final String REVIEW = sample("review.json");

    /** Applicant A's complete sample form, with this product name and the ids of its three uploaded files. */
    static String form(String productName, String patent, String report, String signed) {
        return sample("form.json").replace("\"智能风控平台\"", "\"" + productName + "\"")
                .replace("@PATENT@", patent).replace("@REPORT@", report).replace("@SIGNED@", signed);
    }

    /** The smallest PDF that PDF readers (and PDFBox) open: one empty page. */
    static byte[] pdf() {
        try (var in = Walkthrough.class.getResourceAsStream("/samples/evidence.pdf")) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the sample evidence.pdf is missing from the classpath", e);
        }
    }

    private static String sample(String name) {
        try (var in = Walkthrough.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the sample " + name + " is missing from the classpath", e);
        }
    }

    private String upload(String applicationId, String fileName) {
        return field(multipart("/api/applications/" + applicationId + "/attachments", "applicant-a", "file", java.util.Map.of(), fileName,
                201, "upload " + fileName), "id");
    }

    /** A multipart request through the gateway: text fields, and one PDF under {@code filePart}. */
    private String multipart(String path, String user, String filePart, java.util.Map<String, String> fields, String fileName, int expected,
                             String what) {
        String boundary = "qingdan-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        all.writeBytes(pdf());
        all.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())), expected, what);
    }

    HttpRequest.Builder json(String method, String path, String user, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends and checks the status ({@code -1}: any); answers the body. */
    String send(HttpRequest.Builder request, int expected, String step) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected >= 0 && r.statusCode() != expected) {
                throw new IllegalStateException("step \"" + step + "\": expected " + expected + ", got " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("step \"" + step + "\": " + e.getMessage(), e);
        }
    }

    int status(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            return -1;
        }
    }

    static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("waited 60 s, but " + what + " did not happen");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }
}
