package org.qingdan.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way of one product through the running system, as its users take it, through the gateway with
 * tokens Keycloak issues for the demo users: the office opens a call; applicant A drafts, attaches and
 * submits; the office accepts; the review case opens; automatic assignment; three experts review; the
 * committee approves; public notice starts; an objection is lodged and dismissed. Each step checks what
 * it expects and says which step failed. Used by the system test and the benchmark.
 */
public final class Walkthrough {

    public static final String ORG_A = "91130100100003962C";
    static final String VENDOR = "91110108551385082Q";
    static final Map<String, String> REVIEWERS = Map.of(
            "reviewer1", "911301006789123452", "reviewer2", "91130100401234561E", "reviewer3", "12130000400007199N");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    public Walkthrough(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** What one walk through produced, for the checks and the timings of the caller. */
    public record Result(String applicationId, String productName, Duration acceptToCaseOpen, Duration approveToNotice) {
    }

    public String token(String user) {
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
        return id;
    }

    /** A complete draft of applicant A with its three files; returns the application id. */
    public String draft(String callId, String productName) {
        String id = field(send(json("POST", "/api/applications", "applicant-a", "{\"callId\":\"" + callId + "\"}")
                .header("Idempotency-Key", UUID.randomUUID().toString()), 201, "start a draft"), "id");
        String patent = upload(id, "专利证书.pdf");
        String report = upload(id, "运行评估报告.pdf");
        String signed = upload(id, "申报表盖章扫描件.pdf");
        send(json("PUT", "/api/applications/" + id + "/form", "applicant-a", form(productName, patent, report, signed)), 200, "save the form");
        return id;
    }

    public void submit(String applicationId) {
        send(json("POST", "/api/applications/" + applicationId + "/submit", "applicant-a", ""), 200, "submit");
    }

    /** The rest of the way, from the formal check to a dismissed objection during public notice. */
    public Result afterSubmission(String id, String productName) {
        Instant accepted = Instant.now();
        send(json("POST", "/api/applications/" + id + "/accept", "office", ""), 200, "accept");
        until("the review case opens", () -> status(json("GET", "/api/reviews/cases/" + id, "office", null)) == 200);
        Duration toCase = Duration.between(accepted, Instant.now());
        send(json("POST", "/api/reviews/cases/" + id + "/assignments/auto", "office", ""), 200, "assign automatically");
        String view = send(json("GET", "/api/reviews/cases/" + id, "office", null), 200, "read the case");
        for (String reviewer : REVIEWERS.keySet()) {
            if (!view.contains("\"reviewerId\":\"" + reviewer + "\"")) {
                throw new IllegalStateException("automatic assignment left out " + reviewer + ": " + view);
            }
            send(json("PUT", "/api/reviews/cases/" + id + "/review", reviewer, REVIEW), 200, reviewer + " drafts");
            send(json("POST", "/api/reviews/cases/" + id + "/review/submit", reviewer, ""), 200, reviewer + " submits");
        }
        Instant approved = Instant.now();
        send(json("POST", "/api/reviews/cases/" + id + "/decision", "committee",
                "{\"decision\":\"APPROVED\",\"reasons\":[\"三位专家一致推荐\"]}"), 200, "the committee approves");
        until("public notice starts", () -> send(json("GET", "/api/public/listings/" + id, null, null), -1, "")
                .contains("\"status\":\"PUBLIC_NOTICE\""));
        Duration toNotice = Duration.between(approved, Instant.now());
        String objection = field(send(json("POST", "/api/listings/" + id + "/objections", "applicant-b",
                "{\"grounds\":\"该产品试用期间出现过数据同步故障\"}"), 201, "an objection"), "id");
        send(json("POST", "/api/listings/" + id + "/objections/" + objection + "/dismiss", "office",
                "{\"reason\":\"经核实，故障已修复，不影响认定\"}"), 200, "the office dismisses it");
        return new Result(id, productName, toCase, toNotice);
    }

    public Result run() {
        pool();
        String call = openCall();
        String name = "风控平台" + Integer.toString((int) (System.nanoTime() % 100000), 36);
        String id = draft(call, name);
        submit(id);
        return afterSubmission(id, name);
    }

    static final String REVIEW = "{\"ratings\":{\"LEGAL_COMPLIANCE\":\"GOOD\",\"FINANCIAL_INNOVATION\":\"EXCELLENT\",\"RISK_CONTROL\":\"GOOD\","
            + "\"AFTER_SALES_SERVICE\":\"GOOD\"},\"eligibilityConfirmed\":true,\"exclusionsFound\":{\"FRAUD\":false,"
            + "\"MAJOR_INCIDENT_OR_VIOLATION\":false,\"UNRESOLVED_COMPLAINTS\":false,\"LEGAL_OR_REGULATORY_RISK\":false,\"OTHER\":false},"
            + "\"recommend\":true,\"commentsForCommittee\":\"技术成熟，风险可控\",\"commentsForApplicant\":\"建议补充运维数据\"}";

    static String form(String productName, String patent, String report, String signed) {
        return ("{\"applicant\":{\"name\":\"甲银行股份有限公司\",\"uscc\":\"" + ORG_A + "\",\"leadKind\":\"MEMBER_INSTITUTION\","
                + "\"registeredAddress\":\"石家庄市长安区中山东路1号\",\"financialLicenceNumber\":\"B0209H213010001\"},"
                + "\"contact\":{\"name\":\"张三\",\"phone\":\"0311-86001234\",\"department\":\"信息科技部\",\"title\":\"高级经理\",\"email\":\"zhangsan@bank-a.example.cn\"},"
                + "\"participants\":[{\"name\":\"北京智信科技有限公司\",\"uscc\":\"" + VENDOR + "\",\"role\":\"产品研发、测试与运维\",\"memberInstitution\":false,\"scenarioProvider\":false}],"
                + "\"enterprise\":{\"name\":\"北京智信科技有限公司\",\"uscc\":\"" + VENDOR + "\",\"enterpriseType\":\"LIMITED_LIABILITY\","
                + "\"mailingAddress\":\"北京市海淀区中关村大街1号\",\"postcode\":\"100080\",\"contactName\":\"李四\",\"department\":\"市场部\",\"title\":\"总监\","
                + "\"email\":\"lisi@zhixin.example.cn\",\"mobile\":\"13800138000\"},"
                + "\"product\":{\"name\":\"@PRODUCT@\",\"introduction\":\"基于大数据与人工智能技术，对小微企业信贷申请进行风险识别与预警。\","
                + "\"keyTechnologies\":[\"大数据\",\"人工智能\"],\"goLiveDate\":\"2024-03-01\",\"honours\":[{\"kind\":\"PATENT\",\"name\":\"一种信贷风险识别方法\","
                + "\"date\":\"2023-06-01\",\"issuer\":\"国家知识产权局\",\"supportingMaterialId\":\"m1\"}],\"productType\":\"TECHNOLOGY_INNOVATION\","
                + "\"scenarios\":[\"RISK_MANAGEMENT\",\"CREDIT_MANAGEMENT\"]},"
                + "\"selfAssessment\":{\"legalCompliance\":{\"scenarioProvidedByMember\":true,\"regulatoryExemptionOrAttention\":false,"
                + "\"violatesLawsBeyondExemption\":false,\"rating\":\"GOOD\"},\"financialInnovation\":{\"empowersDigitalTransformation\":true,"
                + "\"orientedToRealEconomy\":true,\"listedInXinchuangCatalogue\":false,\"thirdPartyAdaptationReport\":true,\"rating\":\"EXCELLENT\"},"
                + "\"riskControl\":{\"risksIdentified\":true,\"majorLatentRisk\":false,\"preventionAndCompensation\":true,\"rating\":\"GOOD\"},"
                + "\"afterSalesService\":{\"effectiveComplaintMechanism\":true,\"afterSalesAgreementSigned\":true,\"rating\":\"QUALIFIED\"}},"
                + "\"operationalEvaluation\":{\"issuerName\":\"甲银行股份有限公司\",\"issuerUscc\":\"" + ORG_A + "\",\"technicalSecurityAndInnovation\":\"通过等保三级测评\","
                + "\"businessCompliance\":\"符合监管要求\",\"riskControl\":\"风险可控\",\"painPointsSolved\":\"人工审批效率低\",\"effectAchieved\":\"审批时长缩短50%\","
                + "\"vendorServiceQuality\":\"响应及时\",\"reportAttachmentId\":\"@REPORT@\"},"
                + "\"supportingMaterials\":[{\"id\":\"m1\",\"kind\":\"PATENT_CERTIFICATE\",\"title\":\"发明专利证书\",\"attachmentId\":\"@PATENT@\"},"
                + "{\"id\":\"m2\",\"kind\":\"EVALUATION_REPORT\",\"title\":\"运行评估报告\",\"attachmentId\":\"@REPORT@\"}],"
                + "\"eligibility\":[{\"basis\":\"PRODUCTION_USE_RECOMMENDED\",\"evidence\":\"已在本行正式投产运行两年，无重大故障\"}],"
                + "\"opinion\":{\"decision\":\"AGREE\",\"signatory\":\"王五\",\"date\":\"2026-11-20\"},"
                + "\"commitment\":{\"accepted\":true,\"signedFormAttachmentId\":\"@SIGNED@\"}}")
                .replace("@PRODUCT@", productName).replace("@PATENT@", patent).replace("@REPORT@", report).replace("@SIGNED@", signed);
    }

    /** The smallest PDF that PDF readers (and PDFBox) open: one empty page. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private String upload(String applicationId, String fileName) {
        String boundary = "qingdan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = pdf();
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        String body = send(HttpRequest.newBuilder(URI.create(gateway + "/api/applications/" + applicationId + "/attachments"))
                .header("Authorization", "Bearer " + token("applicant-a"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)), 201, "upload " + fileName);
        return field(body, "id");
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
