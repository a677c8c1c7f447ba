package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingdan.testsupport.browser.PageChecks.DESKTOP;
import static org.qingdan.testsupport.browser.PageChecks.NARROW;
import static org.qingdan.testsupport.browser.PageChecks.PHONE;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.qingdan.application.Forms;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.browser.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The applicant portal in headless Chromium, as a bank's IT department uses it: it logs in through the OIDC issuer,
 * starts an application in the open call, fills Annex 1's ten sections step by step from an empty draft (one step with
 * the keyboard only), uploads its three files, is told at their inputs what the server refuses, has its participant
 * confirm its role in the portal, submits after the confirmation step, and sees the status change once the office has
 * accepted; an approved one follows its product through public notice onto the list and off it, as listing-service's
 * events tell. On every page axe-core finds no serious or critical violation and nothing scrolls sideways, at 1366 px and
 * on phones of 414 and 360 px; screenshots of each step are kept in target/screenshots.
 */
class PortalWalkTest extends IntegrationTest {

    /** A product name of 20 characters, the most Annex 1 allows. */
    static final String PRODUCT = "小微企业信贷风险智能识别与预警服务云平台";

    PageChecks page;
    WebDriver browser;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @BeforeEach
    void openBrowser() {
        page = PageChecks.start(port);
        browser = page.browser();
    }

    @AfterEach
    void closeBrowser() {
        page.close();
    }

    @Test
    void an_applicant_fills_the_whole_form_uploads_submits_and_sees_it_accepted() throws Exception {
        String callId = openCall();
        loginAs("applicant-a", Forms.ORG_A, Forms.ORG_A_NAME, Roles.APPLICANT);
        page.size(DESKTOP);
        page.open("/portal/?lang=zh");
        assertThat(text(By.id("call-" + callId))).contains("2026年度金融科技产品清单征集");
        page.check("portal-home", DESKTOP, "zh");
        for (int width : List.of(PHONE, NARROW)) {
            page.size(width);
            page.check("portal-home", width, "zh");
        }
        page.size(DESKTOP);
        browser.findElement(By.id("start-" + callId)).click();
        page.waitFor(By.tagName("h1"), "一、申报机构基本信息");
        String id = browser.getCurrentUrl().replaceAll(".*/applications/([^/]+)/steps/1.*", "$1");
        assertThat(api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString()).isEqualTo("DRAFT");

        // 一: every input has its label and Annex 2's guidance beside it
        page.check("portal-step01-empty", DESKTOP, "zh");
        assertThat(browser.findElement(By.cssSelector("label[for=applicant-name]")).getText()).isEqualTo("机构名称");
        assertThat(text(By.id("applicant-name-hint"))).contains("营业执照上的名称");
        type("applicant-name", Forms.ORG_A_NAME);
        type("applicant-uscc", Forms.ORG_A);
        click("applicant-leadKind");
        type("applicant-registeredAddress", "石家庄市长安区中山东路1号");
        type("applicant-financialLicenceNumber", "B0209H213010001");
        next("二、指定联系人");

        // 二, with the keyboard only: from the skip link to the inputs, Tab between them, Enter saves and goes on
        keyboardOnlyContact();
        page.waitFor(By.tagName("h1"), "三、其他参与机构");
        var contact = api.get("/api/applications/" + id, Api.applicantA()).json().get("form").get("contact");
        assertThat(contact.get("email").asString()).isEqualTo("zhangsan@bank-a.example.cn");
        assertThat(contact.get("phone").asString()).isEqualTo("0311-86001234");

        // 三
        type("participants-0-name", Forms.VENDOR_NAME);
        type("participants-0-uscc", Forms.VENDOR);
        type("participants-0-role", "产品研发、测试与运维");
        click("participants-0-memberInstitution-no");
        click("participants-0-scenarioProvider-no");
        page.check("portal-step03", DESKTOP, "zh");
        next("四、金融科技企业基本信息");

        // 四
        type("enterprise-name", Forms.VENDOR_NAME);
        type("enterprise-uscc", Forms.VENDOR);
        new Select(browser.findElement(By.id("enterprise-enterpriseType"))).selectByVisibleText("有限责任公司");
        type("enterprise-mailingAddress", "北京市海淀区中关村大街1号");
        type("enterprise-postcode", "100080");
        type("enterprise-contactName", "李四");
        type("enterprise-department", "市场部");
        type("enterprise-title", "总监");
        type("enterprise-email", "lisi@zhixin.example.cn");
        type("enterprise-mobile", "13800138000");
        next("五、金融科技产品基本信息");

        // 五: the counter counts as a reader (and the server) counts, live; the 26 scenarios and 其他 are checkboxes
        assertThat(browser.findElements(By.cssSelector("input[type=checkbox][name='product.scenarios']"))).hasSize(27);
        // characters outside the BMP (two UTF-16 units each) count once, as the server counts them
        type("product-name", "𠀀".repeat(21));
        assertThat(text(By.id("product-name-count"))).isEqualTo("已输入 21 / 20 字");
        assertThat(browser.findElement(By.id("product-name-count")).getAttribute("class")).contains("over");
        type("product-name", PRODUCT);
        assertThat(text(By.id("product-name-count"))).isEqualTo("已输入 20 / 20 字");
        assertThat(browser.findElement(By.id("product-name-count")).getAttribute("class")).doesNotContain("over");
        type("product-introduction", "基于大数据与人工智能技术，对小微企业信贷申请进行风险识别与预警。");
        assertThat(text(By.id("product-introduction-count"))).isEqualTo("已输入 32 / 500 字");
        type("product-keyTechnologies", "大数据、人工智能");
        date("product-goLiveDate", "2024-03-01");
        click("product-productType-TECHNOLOGY_INNOVATION");
        click("product-scenarios-RISK_MANAGEMENT");
        click("product-scenarios-CREDIT_MANAGEMENT");
        new Select(browser.findElement(By.id("product-honours-0-kind"))).selectByVisibleText("专利");
        type("product-honours-0-name", "一种信贷风险识别方法");
        date("product-honours-0-date", "2023-06-01");
        type("product-honours-0-issuer", "国家知识产权局");
        // no supporting material listed yet (step 8): it stays open, and the server will say so
        page.check("portal-step05", DESKTOP, "zh");
        page.size(NARROW);
        page.check("portal-step05", NARROW, "zh");
        page.size(DESKTOP);
        next("六、自主评估");

        // 六: yes/no questions and one five-level rating per dimension
        assertThat(browser.findElements(By.cssSelector("fieldset.dimension fieldset.question"))).hasSize(12);
        for (String q : List.of("legalCompliance-scenarioProvidedByMember", "financialInnovation-empowersDigitalTransformation",
                "financialInnovation-orientedToRealEconomy", "financialInnovation-thirdPartyAdaptationReport", "riskControl-risksIdentified",
                "riskControl-preventionAndCompensation", "afterSalesService-effectiveComplaintMechanism", "afterSalesService-afterSalesAgreementSigned")) {
            click("selfAssessment-" + q);
        }
        for (String q : List.of("legalCompliance-regulatoryExemptionOrAttention", "legalCompliance-violatesLawsBeyondExemption",
                "financialInnovation-listedInXinchuangCatalogue", "riskControl-majorLatentRisk")) {
            click("selfAssessment-" + q + "-no");
        }
        rating("legalCompliance", "良好");
        rating("financialInnovation", "优秀");
        rating("riskControl", "良好");
        rating("afterSalesService", "合格");
        page.check("portal-step06", DESKTOP, "zh");
        next("七、运行评估报告");

        // 七: the report's file is uploaded here (with the progress bar), then chosen
        type("operationalEvaluation-issuerName", Forms.ORG_A_NAME);
        type("operationalEvaluation-issuerUscc", Forms.ORG_A);
        type("operationalEvaluation-technicalSecurityAndInnovation", "系统通过等保三级测评");
        type("operationalEvaluation-businessCompliance", "符合监管要求");
        type("operationalEvaluation-riskControl", "风险可控");
        type("operationalEvaluation-painPointsSolved", "人工审批效率低");
        type("operationalEvaluation-effectAchieved", "审批时长缩短 50%");
        type("operationalEvaluation-vendorServiceQuality", "响应及时");
        upload("运行评估报告.docx", TestFiles.docx());
        // what was typed and not yet saved is still there: only the attachments were redrawn
        assertThat(browser.findElement(By.id("operationalEvaluation-riskControl")).getAttribute("value")).isEqualTo("风险可控");
        new Select(browser.findElement(By.id("operationalEvaluation-reportAttachmentId"))).selectByVisibleText("运行评估报告.docx");
        page.check("portal-step07", DESKTOP, "zh");
        next("八、辅助申报材料清单");

        // 八: a file the content check refuses is refused at the file input; then the patent certificate
        upload("安装程序.exe", TestFiles.exe());
        page.waitFor(By.id("file-error"), "不支持");
        upload("专利证书.pdf", TestFiles.pdf());
        new Select(browser.findElement(By.id("supportingMaterials-0-kind"))).selectByVisibleText("专利证书");
        type("supportingMaterials-0-title", "发明专利证书");
        new Select(browser.findElement(By.id("supportingMaterials-0-attachmentId"))).selectByVisibleText("专利证书.pdf");
        new Select(browser.findElement(By.id("eligibility-0-basis"))).selectByValue("PRODUCTION_USE_RECOMMENDED");
        type("eligibility-0-evidence", "已在本行正式投产运行两年，无重大故障");
        page.check("portal-step08", DESKTOP, "zh");
        next("九、申报单位意见");

        // 九
        click("opinion-decision");
        type("opinion-signatory", "王五");
        date("opinion-date", "2026-11-20");
        next("十、申报单位承诺书");

        // 十
        assertThat(text(By.id("commitment-text"))).contains("本单位郑重承诺", "信息真实、表述准确、材料完整");
        click("commitment-accepted");
        upload("申报表盖章扫描件.png", TestFiles.png());
        new Select(browser.findElement(By.id("commitment-signedFormAttachmentId"))).selectByVisibleText("申报表盖章扫描件.png");
        page.check("portal-step10", DESKTOP, "zh");
        next("核对并提交申报");
        page.check("portal-submit", DESKTOP, "zh");

        // the server refuses: the honour is not in the supporting materials; the summary leads to its input on step 5
        browser.findElement(By.id("confirm-submit")).click();
        page.waitFor(By.id("errors"), "对应的辅助申报材料");
        WebElement summary = browser.findElement(By.id("errors"));
        assertThat(summary.getText()).contains("五、金融科技产品基本信息 · 第 1 行 对应的辅助申报材料：必填");
        page.check("portal-submit-refused", DESKTOP, "zh");
        summary.findElement(By.partialLinkText("对应的辅助申报材料")).click();
        page.waitFor(By.tagName("h1"), "五、金融科技产品基本信息");
        assertThat(browser.getCurrentUrl()).endsWith("/steps/5?check#product-honours-0-supportingMaterialId");
        assertThat(text(By.id("product-honours-0-supportingMaterialId-error"))).isEqualTo("必填");
        assertThat(browser.findElement(By.id("product-honours-0-supportingMaterialId")).getAttribute("aria-invalid")).isEqualTo("true");
        page.check("portal-step05-error", DESKTOP, "zh");
        new Select(browser.findElement(By.id("product-honours-0-supportingMaterialId"))).selectByVisibleText("第 1 项：发明专利证书");
        browser.findElement(By.id("save")).click();
        page.waitFor(By.className("message"), "已保存草稿");
        assertThat(browser.findElements(By.id("product-honours-0-supportingMaterialId-error"))).isEmpty();

        // now the form is complete; the participant has not confirmed its role yet: that is said, and leads to step 3
        page.open("/portal/applications/" + id + "/submit");
        browser.findElement(By.id("confirm-submit")).click();
        page.waitFor(By.id("errors"), Forms.VENDOR_NAME);
        assertThat(text(By.id("errors"))).contains("三、其他参与机构 · 第 1 行 其他参与机构");

        // the participant confirms its role in the portal
        browser.manage().deleteAllCookies();
        loginAs("vendor-z", Forms.VENDOR, Forms.VENDOR_NAME, Roles.VENDOR);
        page.open("/portal/");
        assertThat(text(By.id("participation-" + id))).contains(Forms.ORG_A_NAME, "产品研发、测试与运维", "待确认");
        browser.findElement(By.cssSelector("#participation-" + id + " a")).click();
        page.waitFor(By.tagName("h1"), "确认参与联合申报");
        page.check("portal-participation", DESKTOP, "zh");
        browser.findElement(By.id("confirm")).click();
        page.waitFor(By.id("answer"), "已确认");

        // the applicant submits after the confirmation step
        browser.manage().deleteAllCookies();
        loginAs("applicant-a", Forms.ORG_A, Forms.ORG_A_NAME, Roles.APPLICANT);
        page.open("/portal/applications/" + id + "/submit");
        assertThat(text(By.tagName("main"))).contains(PRODUCT, "北京智信科技有限公司：已确认", "3 个");
        browser.findElement(By.id("confirm-submit")).click();
        page.waitFor(By.id("status"), "已提交，待形式审查");
        assertThat(text(By.id("timeline-SUBMITTED"))).contains("提交申报", "提交第 1 版");
        assertThat(text(By.id("timeline-FORMAL_CHECK"))).contains("形式审查");
        assertThat(browser.findElement(By.id("print-form")).getAttribute("href")).endsWith("/api/applications/" + id + "/form.pdf");
        assertThat(text(By.id("print-form"))).isEqualTo("打印申报表");
        assertThat(browser.findElements(By.cssSelector("#file-list tbody tr"))).hasSize(3);
        page.check("portal-submitted", DESKTOP, "zh");
        var submitted = api.get("/api/applications/" + id, Api.applicantA()).json();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("form").get("product").get("name").asString()).isEqualTo(PRODUCT);
        assertThat(submitted.get("form").get("product").get("scenarios").toString()).contains("RISK_MANAGEMENT", "CREDIT_MANAGEMENT");

        // the office accepts through the API; the applicant sees it
        HttpApi.Response accepted = api.post("/api/applications/" + id + "/accept", Api.office(), "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        page.open("/portal/applications/" + id);
        assertThat(text(By.id("status"))).isEqualTo("已受理");
        assertThat(text(By.id("timeline-ACCEPTED"))).contains("形式审查通过，已受理");
        assertThat(text(By.id("timeline-AWAITING_REVIEW"))).contains("等待分配评审专家");
        assertThat(browser.findElements(By.cssSelector("#timeline li.ahead strong"))).extracting(WebElement::getText)
                .containsExactly("专家评审中", "专委会审核", "公示", "纳入清单");
        page.check("portal-accepted", DESKTOP, "zh");
        for (int width : List.of(PHONE, NARROW)) {
            page.size(width);
            page.check("portal-accepted", width, "zh");
        }

        // the organisation's inbox, read from notification-service with the user's own token
        page.size(DESKTOP);
        page.open("/portal/inbox");
        assertThat(text(By.id("inbox"))).contains("征集开始：2026年度金融科技产品清单征集", "未读");
        assertThat(INBOX_CALLS).anyMatch(c -> c.startsWith("GET /api/notifications") && c.endsWith("Bearer"));
        page.check("portal-inbox", DESKTOP, "zh");

        // English, the applicant's own words as typed
        page.open("/portal/applications/" + id + "?lang=en");
        assertThat(text(By.id("status"))).isEqualTo("Accepted");
        assertThat(text(By.id("timeline-ACCEPTED"))).contains("Formal check passed");
        page.check("portal-accepted", DESKTOP, "en");
        page.size(PHONE);
        page.check("portal-accepted", PHONE, "en");
        page.open("/portal/?lang=en");
        page.check("portal-home", PHONE, "en");
        page.js("document.cookie = 'qingdan-lang=; Max-Age=0; path=/'");
    }

    @Test
    void a_returned_application_is_corrected_and_resubmitted_and_another_is_withdrawn_with_a_reason() throws Exception {
        String callId = openCall();
        String id = completeDraft(callId);
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(200);
        HttpApi.Response returned = api.post("/api/applications/" + id + "/return", Api.office(),
                Map.of("comments", List.of(Map.of("field", "product.introduction", "comment", "请补充服务对象与预期效果"))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);

        loginAs("applicant-a", Forms.ORG_A, Forms.ORG_A_NAME, Roles.APPLICANT);
        page.size(DESKTOP);
        page.open("/portal/applications/" + id + "?lang=zh");
        assertThat(text(By.id("status"))).isEqualTo("退回补正");
        assertThat(text(By.id("corrections"))).contains("五、金融科技产品基本信息 · 产品简介：请补充服务对象与预期效果", "前补正");
        assertThat(text(By.id("timeline-RETURNED"))).contains("退回补正");
        assertThat(text(By.id("timeline-CORRECTING"))).contains("补正期限");
        page.check("portal-returned", DESKTOP, "zh");
        // without script an upload is a plain form post: the page comes back with the file listed and says so
        page.js("var f = document.querySelector('form.upload'); f.replaceWith(f.cloneNode(true))");
        browser.findElement(By.id("file")).sendKeys(temporary("补充说明.pdf", TestFiles.pdf()).toString());
        browser.findElement(By.id("upload")).click();
        page.waitFor(By.className("message"), "附件已上传并通过内容检查");
        assertThat(text(By.id("file-list"))).contains("补充说明.pdf");
        // the office's comment leads to the field it is about
        browser.findElement(By.cssSelector("#correction-list a")).click();
        page.waitFor(By.tagName("h1"), "五、金融科技产品基本信息");
        type("product-introduction", "基于大数据与人工智能技术，为小微企业信贷审批提供风险识别与预警，审批时长缩短一半。");
        browser.findElement(By.id("save")).click();
        page.waitFor(By.className("message"), "已保存草稿");
        page.open("/portal/applications/" + id + "/submit");
        browser.findElement(By.id("confirm-submit")).click();
        page.waitFor(By.id("status"), "已提交");
        assertThat(text(By.id("timeline-RESUBMITTED"))).contains("补正后重新提交", "第 2 版");

        // withdrawal: without a reason it is refused at the reason; with one it takes effect
        browser.findElement(By.id("withdraw-submit")).click();
        page.waitFor(By.id("reason-error"), "撤回原因");
        page.check("portal-withdraw-error", DESKTOP, "zh");
        type("reason", "产品将进行重大升级，下一批次再申报");
        browser.findElement(By.id("withdraw-submit")).click();
        page.waitFor(By.id("status"), "已撤回");
        assertThat(text(By.id("timeline-WITHDRAWN"))).contains("产品将进行重大升级");

        // another organisation's application is no page for this one
        browser.manage().deleteAllCookies();
        loginAs("applicant-b", Forms.ORG_B, "乙银行股份有限公司", Roles.APPLICANT);
        page.open("/portal/applications/" + id);
        assertThat(text(By.id("error-text"))).isEqualTo("没有这个页面或申报。");
        page.check("portal-error", PHONE, "zh");
    }

    @Test
    void an_approved_application_shows_its_product_on_notice_then_listed_then_delisted() throws Exception {
        String id = completeDraft(openCall());
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/accept", Api.office(), "").status()).isEqualTo(200);
        kafka.send(CloudEventRecords.of(ContractSamples.completed(id, ReviewCompleted.Decision.APPROVED), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString().equals("APPROVED"));

        // listing-service starts the public notice: its events are the portal's news of it
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(Duration.ofDays(7));
        PublicNoticeStarted notice = new PublicNoticeStarted(UUID.randomUUID(), start, id, 1, ContractSamples.product(), start, end, 7, 12);
        kafka.send(CloudEventRecords.of(notice, "/listing-service")).get();
        loginAs("applicant-a", Forms.ORG_A, Forms.ORG_A_NAME, Roles.APPLICANT);
        page.size(DESKTOP);
        awaitStatus(id, "公示中");
        assertThat(text(By.id("timeline-APPROVED"))).contains("专委会审核通过");
        assertThat(text(By.id("timeline-ON_NOTICE"))).contains("公示中", "公示期至 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.of("Asia/Shanghai")).format(end));
        assertThat(browser.findElements(By.cssSelector("#timeline li.ahead strong"))).extracting(WebElement::getText).containsExactly("纳入清单");
        page.check("portal-on-notice", DESKTOP, "zh");

        // the notice ends without an upheld objection: on the list, in edition 13
        kafka.send(CloudEventRecords.of(new ProductListed(UUID.randomUUID(), end, id, 2, ContractSamples.product(), end, 13), "/listing-service")).get();
        kafka.send(CloudEventRecords.of(notice, "/listing-service")).get(); // redelivered late: changes nothing
        awaitStatus(id, "已入选清单");
        assertThat(text(By.id("timeline-NOTICED"))).contains("公示", "公示期至");
        assertThat(text(By.id("timeline-LISTED_IN"))).contains("已入选清单", "清单第 13 版");
        assertThat(browser.findElements(By.cssSelector("#timeline li.ahead"))).isEmpty();
        page.check("portal-listed", DESKTOP, "zh");
        page.size(PHONE);
        page.check("portal-listed", PHONE, "zh");
        page.size(DESKTOP);
        page.open("/portal/");
        assertThat(text(By.cssSelector("#application-" + id + " .status"))).isEqualTo("已入选清单");

        // and off it again (Art. 12)
        Instant delistedAt = end.plus(Duration.ofDays(90));
        kafka.send(CloudEventRecords.of(new ProductDelisted(UUID.randomUUID(), delistedAt, id, 3, ContractSamples.product(),
                ProductDelisted.DelistingReason.MAJOR_DEFECT, null, "核心模块存在重大缺陷", delistedAt, 14), "/listing-service")).get();
        awaitStatus(id, "已移出清单");
        assertThat(text(By.id("timeline-DELISTED"))).contains("已移出清单", "第十二条（一）出现重大缺陷", "清单第 14 版");
        page.check("portal-delisted", DESKTOP, "zh");
        page.open("/portal/applications/" + id + "?lang=en");
        assertThat(text(By.id("status"))).isEqualTo("Delisted");
        assertThat(text(By.id("timeline-LISTED_IN"))).contains("Listed", "edition 13 of the list");
        page.check("portal-delisted", DESKTOP, "en");
        page.js("document.cookie = 'qingdan-lang=; Max-Age=0; path=/'");
    }

    @Test
    void a_member_marks_the_listed_products_its_institution_runs_and_unmarks_one() {
        MARKED.clear();
        loginAs("applicant-a", Forms.ORG_A, Forms.ORG_A_NAME, Roles.APPLICANT);
        page.size(DESKTOP);
        page.open("/portal/product-use?lang=zh");
        assertThat(text(By.id("listed-products"))).contains("智能反欺诈平台", "分布式核心账务系统", "供应链金融服务云");
        assertThat(text(By.id("marks"))).contains("本机构尚未标记任何产品");
        click("use-listed-2");
        page.waitFor(By.cssSelector(".message"), "已标记为本机构在用。"); // the page the click loads, not the old one
        assertThat(text(By.cssSelector(".message"))).isEqualTo("已标记为本机构在用。");
        assertThat(text(By.cssSelector("#product-listed-2 .status"))).isEqualTo("在用");
        assertThat(text(By.id("use-listed-2"))).isEqualTo("取消标记");
        click("use-listed-1");
        page.waitFor(By.id("my-marks"), "智能反欺诈平台");
        assertThat(text(By.id("my-marks"))).contains("智能反欺诈平台", "分布式核心账务系统", "在用");
        // every call with the user's own token, to notification-service's /api/product-use
        assertThat(PRODUCT_USE_CALLS).contains("PUT /api/product-use/mine/listed-2 Bearer", "PUT /api/product-use/mine/listed-1 Bearer")
                .anyMatch(c -> c.startsWith("GET /api/product-use/listed?page=0&size=21 "))
                .anyMatch(c -> c.startsWith("GET /api/product-use/mine")).allMatch(c -> c.endsWith(" Bearer"));
        page.check("portal-product-use", DESKTOP, "zh");
        for (int width : List.of(PHONE, NARROW)) {
            page.size(width);
            page.check("portal-product-use", width, "zh");
        }

        page.size(DESKTOP);
        click("use-listed-1");
        assertThat(text(By.cssSelector(".message"))).isEqualTo("已取消在用标记。");
        assertThat(text(By.cssSelector("#product-listed-1 .status"))).isEqualTo("—");
        assertThat(MARKED).containsOnlyKeys("listed-2");

        page.open("/portal/product-use?lang=en");
        assertThat(text(By.tagName("h1"))).isEqualTo("Products we run");
        assertThat(text(By.id("use-listed-2"))).isEqualTo("Unmark");
        page.check("portal-product-use", DESKTOP, "en");
        page.size(PHONE);
        page.check("portal-product-use", PHONE, "en");
        page.js("document.cookie = 'qingdan-lang=; Max-Age=0; path=/'");
    }

    /** Opens the application's page until its status reads {@code status}: the events arrive on the broker meanwhile. */
    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.open("/portal/applications/" + id + "?lang=zh");
            return text(By.id("status")).equals(status);
        });
    }

    // --- helpers ---

    private void loginAs(String user, String org, String orgName, String role) {
        RealInfrastructure.oidc().nextLogin(user, org, orgName, List.of(role));
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    /** A date input, set as the browser's date picker would. */
    private void date(String id, String isoDate) {
        page.js("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
    }

    private void rating(String dimension, String level) {
        new Select(browser.findElement(By.id("selfAssessment-" + dimension + "-rating"))).selectByVisibleText(level);
    }

    /** Saves the step and goes on to the next, whose heading says this. */
    private void next(String heading) {
        browser.findElement(By.id("next")).click();
        page.waitFor(By.tagName("h1"), heading);
    }

    /** Uploads through the page's form (with script: the progress bar, then the attachments redrawn). */
    private void upload(String name, byte[] content) throws Exception {
        browser.findElement(By.id("file")).sendKeys(temporary(name, content).toString());
        browser.findElement(By.id("upload")).click();
        boolean refused = name.endsWith(".exe");
        page.waitFor(By.id("upload-status"), refused ? "请修改" : "已上传");
        if (!refused) {
            page.waitFor(By.id("file-list"), name);
        }
    }

    private static Path temporary(String name, byte[] content) throws Exception {
        Path file = Files.createTempDirectory("portal-upload").resolve(name);
        Files.write(file, content);
        return file.toAbsolutePath();
    }

    /** Step 2 with the keyboard only: Tab from the top of the page to the first input, then field to field, Enter. */
    private void keyboardOnlyContact() {
        Actions keys = new Actions(browser);
        page.js("document.activeElement.blur(); window.scrollTo(0, 0)");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("跳到正文");
        for (int i = 0; i < 40 && !"contact-name".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("contact-name");
        keys.sendKeys("张三").sendKeys(Keys.TAB).sendKeys("0311-86001234").sendKeys(Keys.TAB).sendKeys("信息科技部")
                .sendKeys(Keys.TAB).sendKeys("高级经理").sendKeys(Keys.TAB).sendKeys("zhangsan@bank-a.example.cn").perform();
        page.check("portal-step02-keyboard", DESKTOP, "zh");
        keys.sendKeys(Keys.ENTER).perform();
    }
}
