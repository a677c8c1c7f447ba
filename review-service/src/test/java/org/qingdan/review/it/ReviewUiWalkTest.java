package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qingdan.testsupport.browser.PageChecks.DESKTOP;
import static org.qingdan.testsupport.browser.PageChecks.NARROW;
import static org.qingdan.testsupport.browser.PageChecks.PHONE;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.browser.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reviewer UI as an expert, the office and the committee use it, in headless Chromium at 1366 px and 414 px, in
 * Chinese and English: every field of the form on the case page, the lists, errors at their fields, the confirmation
 * steps, the read-only own review, assignment by hand and the pool. On each page axe-core finds no serious or
 * critical violation, and at 414 px (the expert's pages also at 360 px) nothing scrolls sideways. Screenshots are kept in target/screenshots.
 */
class ReviewUiWalkTest extends ReviewIntegrationTest {

    static final String EXPERT_ORG = "911301006789123452";

    PageChecks page;
    WebDriver browser;
    @Autowired
    ReviewCaseStore store;

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
    void an_expert_works_through_a_whole_review_on_a_desktop_and_on_a_phone() throws Exception {
        assertThat(api.put("/api/reviews/reviewers/expert-walk", office(), Map.of("name", "走查专家", "orgUscc", EXPERT_ORG,
                "orgName", "河北省金融科技研究院", "loadLimit", 5, "active", true)).status()).isEqualTo(200);
        store.insert(ReviewFixtures.opened("walk-1", afterEveryCase().plusSeconds(30)));
        assertThat(api.post("/api/reviews/cases/walk-1/assignments", office(), Map.of("reviewerId", "expert-walk")).status()).isEqualTo(200);

        RealInfrastructure.oidc().nextLogin("expert-walk", EXPERT_ORG, "河北省金融科技研究院", List.of(Roles.REVIEWER));
        for (int width : List.of(DESKTOP, PHONE, NARROW)) {
            size(width);
            open("/review/assignments?lang=zh");
            assertThat(browser.findElement(By.cssSelector("#row-walk-1 .my-review")).getText()).contains("未开始");
            assertThat(browser.findElement(By.id("row-walk-1")).getText()).contains("walk-1", "2026年度金融科技企业和产品清单征集", "2026-11-28");
            check("expert-assignments", width, "zh");
            open("/review/cases/walk-1");
            check("expert-case", width, "zh");
        }

        // every field of the sample form is on the page, in Annex 1's order of sections
        size(DESKTOP);
        open("/review/cases/walk-1");
        String text = (String) js("return document.getElementById('form').textContent");
        for (String value : values(ContractSamples.form())) {
            assertThat(text).as("the form's value %s", value).contains(value);
        }
        assertThat(text).contains("100 KB", "专利证书", "有限责任公司", "技术创新", "风险管理");
        // the attachment: its purpose in the form, a size for people, the upload time (China time), the hash on demand
        assertThat(browser.findElement(By.cssSelector("#attachments tbody tr")).getText())
                .contains("专利证书.pdf", "辅助申报材料：专利证书", "100 KB", "2026-11-27 14:30").doesNotContain("9f86d081");
        browser.findElement(By.cssSelector("#attachments summary")).click();
        assertThat(browser.findElement(By.cssSelector("#attachments code.hash")).getText()).startsWith("9f86d081");
        assertThat(browser.findElements(By.cssSelector("#self-assessment tbody tr:not(.group)"))).hasSize(12);
        List<String> sections = browser.findElements(By.cssSelector("#form h3")).stream().map(WebElement::getText).toList();
        assertThat(sections).containsSubsequence("一、申报机构基本信息", "二、指定联系人", "三、其他参与机构", "四、金融科技企业基本信息",
                "五、金融科技产品基本信息", "六、自主评估", "七、运行评估报告", "八、辅助申报材料清单", "九、申报单位意见", "十、申报单位承诺书");
        assertThat(browser.findElement(By.id("enterprise-type")).getText()).isEqualTo("有限责任公司");
        // the discussion opens to the expert only with its own review in
        assertThat(browser.findElement(By.id("discussion-hidden")).getText()).contains("提交您的评审意见后");
        assertThat(browser.findElements(By.id("discussion-form"))).isEmpty();
        // the rubric: the applicant's self-rating beside each dimension, and the declared Art. 4 basis
        assertThat(browser.findElement(By.id("rubric-FINANCIAL_INNOVATION")).getText()).contains("申报单位自评：优秀");
        assertThat(browser.findElement(By.id("eligibility")).getText()).contains("在金融机构正式落地运营", "已在本行投产两年");

        // on the phone: an incomplete review is refused with every point at its field; the draft is kept, and says so
        size(PHONE);
        new Select(browser.findElement(By.id("rating_LEGAL_COMPLIANCE"))).selectByValue("GOOD");
        browser.findElement(By.id("evidence_LEGAL_COMPLIANCE")).sendKeys("场景由本行提供，合规审查记录完整。");
        browser.findElement(By.id("submit")).click();
        WebElement summary = browser.findElement(By.id("errors"));
        assertThat(browser.findElement(By.id("not-submitted")).getText()).contains("草稿已保存，但尚未提交");
        assertThat(summary.getText()).contains("请为“金融创新”评级", "请给出是否推荐");
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        assertThat(links).hasSize(11);
        assertThat(links.get(0).getAttribute("href")).endsWith("#rating_FINANCIAL_INNOVATION");
        assertThat(browser.findElement(By.id("rating_FINANCIAL_INNOVATION-error")).getText()).isEqualTo("请为“金融创新”评级");
        assertThat(browser.findElement(By.id("rating_FINANCIAL_INNOVATION")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("exclusion_FRAUD_yes-error")).getText()).contains("存在弄虚作假行为");
        // what was entered is still there
        assertThat(new Select(browser.findElement(By.id("rating_LEGAL_COMPLIANCE"))).getFirstSelectedOption().getText()).isEqualTo("良好");
        assertThat(browser.findElement(By.id("evidence_LEGAL_COMPLIANCE")).getAttribute("value")).contains("合规审查记录完整");
        check("expert-errors", PHONE, "zh");
        links.get(0).click();
        assertThat(browser.getCurrentUrl()).endsWith("#rating_FINANCIAL_INNOVATION");

        // the whole review, then the confirmation step, then the expert's own review read-only
        for (String d : List.of("FINANCIAL_INNOVATION", "RISK_CONTROL", "AFTER_SALES_SERVICE")) {
            new Select(browser.findElement(By.id("rating_" + d))).selectByValue("GOOD");
        }
        browser.findElement(By.id("eligibility-yes")).click();
        for (String g : List.of("FRAUD", "MAJOR_INCIDENT_OR_VIOLATION", "UNRESOLVED_COMPLAINTS", "LEGAL_OR_REGULATORY_RISK", "OTHER")) {
            browser.findElement(By.id("exclusion_" + g + "_no")).click();
        }
        browser.findElement(By.id("recommend-yes")).click();
        browser.findElement(By.id("commentsForCommittee")).sendKeys("风控模型经本行两年运行验证，建议纳入清单。");
        browser.findElement(By.id("submit")).click();
        waitFor(By.tagName("h1"), "确认提交评审意见");
        assertThat(browser.findElement(By.id("answer-LEGAL_COMPLIANCE")).getText()).contains("良好", "合规审查记录完整");
        check("expert-confirm", PHONE, "zh");
        // nothing is submitted before the confirmation
        assertThat(api.get("/api/reviews/cases/walk-1", office()).json().get("reviews").size()).isZero();
        browser.findElement(By.id("confirm-submit")).click();
        assertThat(browser.findElement(By.id("review-status")).getText()).isEqualTo("评审意见已提交。");
        assertThat(browser.findElement(By.id("my-answers")).getText()).contains("风控模型经本行两年运行验证", "合规审查记录完整");
        assertThat(browser.findElements(By.id("review-form"))).isEmpty();
        browser.findElement(By.id("text")).sendKeys("建议办公室请申报单位补充近一年的运维数据。");
        browser.findElement(By.id("post")).click();
        waitFor(By.id("thread"), "建议办公室请申报单位补充近一年的运维数据");
        // to each other, experts are 专家一, 二, 三 in order of assignment
        assertThat(browser.findElement(By.cssSelector("#thread li .post-meta strong")).getText()).isEqualTo("专家一");
        check("expert-submitted", PHONE, "zh");
        size(DESKTOP);
        check("expert-submitted", DESKTOP, "zh");

        // English: statuses, dimensions, levels and labels from the bundle; the applicant's words stay as typed
        open("/review/cases/walk-1?lang=en");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Under review");
        assertThat(browser.findElement(By.id("answer-LEGAL_COMPLIANCE")).getText()).contains("Legal compliance", "Good");
        assertThat(browser.findElement(By.id("enterprise-type")).getText()).isEqualTo("Limited liability company");
        assertThat(browser.findElement(By.id("self-assessment")).getText()).contains("Overall self-rating", "Excellent", "Yes", "No");
        check("expert-case", DESKTOP, "en");
        size(PHONE);
        check("expert-case", PHONE, "en");
        open("/review/assignments?tab=OPEN");
        assertThat(browser.findElement(By.cssSelector("#row-walk-1 .my-review")).getText()).contains("Submitted");
        check("expert-assignments", PHONE, "en");
        js("document.cookie = 'qingdan-lang=; Max-Age=0; path=/'");
    }

    @Test
    void the_office_assigns_by_hand_sees_why_an_expert_is_excluded_and_keeps_the_pool() throws Exception {
        // one expert of the applicant's own bank: excluded, and the page says why
        assertThat(api.put("/api/reviews/reviewers/walk-bank", office(), Map.of("name", "银行专家", "orgUscc", ContractSamples.BANK_USCC,
                "orgName", "河北银行股份有限公司", "loadLimit", 5, "active", true)).status()).isEqualTo(200);
        assertThat(api.put("/api/reviews/reviewers/walk-a", office(), Map.of("name", "甲专家", "orgUscc", "91130100401234561E",
                "orgName", "甲研究院", "loadLimit", 5, "active", true)).status()).isEqualTo(200);
        assertThat(api.put("/api/reviews/reviewers/walk-b", office(), Map.of("name", "乙专家", "orgUscc", "12130000400007199N",
                "orgName", "乙研究院", "loadLimit", 5, "active", true)).status()).isEqualTo(200);
        store.insert(ReviewFixtures.opened("walk-office", afterEveryCase().plusSeconds(40)));

        RealInfrastructure.oidc().nextLogin("office", null, null, List.of(Roles.OFFICE));
        size(DESKTOP);
        open("/review/cases?lang=zh");
        assertThat(browser.findElement(By.id("row-walk-office")).getText()).contains("walk-office", "河北银行股份有限公司", "待分配");
        check("office-cases", DESKTOP, "zh");
        open("/review/cases/walk-office");
        assertThat(browser.findElement(By.id("candidate-walk-bank")).getText()).contains("河北银行股份有限公司（申报单位）", "不可分配");
        browser.findElement(By.id("assign-walk-a")).click();
        assertThat(browser.findElement(By.className("message")).getText()).isEqualTo("已分配评审专家。");
        assertThat(browser.findElement(By.id("assignment-walk-a")).getText()).contains("甲专家", "甲研究院", "在任", "未开始");
        check("office-case", DESKTOP, "zh");

        // replace the expert by another in one step, with the reason kept
        browser.findElement(By.id("remove_reason_walk-a")).sendKeys("工作冲突，改派");
        new Select(browser.findElement(By.id("replacement_walk-a"))).selectByValue("walk-b");
        browser.findElement(By.id("remove-walk-a")).click();
        waitFor(By.className("message"), "已分配评审专家");
        assertThat(browser.findElement(By.id("assignment-walk-a")).getText()).contains("已撤换：工作冲突，改派");
        assertThat(browser.findElement(By.id("assignment-walk-b")).getText()).contains("乙专家", "在任");
        size(PHONE);
        check("office-case", PHONE, "zh");
        open("/review/cases?lang=en");
        check("office-cases", PHONE, "en");

        // the pool: a wrong credit code is refused at its field, with everything typed kept
        size(DESKTOP);
        open("/review/pool?lang=zh");
        browser.findElement(By.id("id")).sendKeys("walk-new");
        browser.findElement(By.id("name")).sendKeys("新专家");
        browser.findElement(By.id("orgUscc")).sendKeys("911301006789123450");
        browser.findElement(By.id("orgName")).sendKeys("新研究院");
        browser.findElement(By.id("pool-save")).click();
        assertThat(browser.findElement(By.id("orgUscc-error")).getText()).isEqualTo("统一社会信用代码的校验码不正确");
        assertThat(browser.findElement(By.id("errors")).getText()).doesNotContain("orgUscc");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("新专家");
        assertThat(browser.findElement(By.id("orgName")).getAttribute("value")).isEqualTo("新研究院");
        check("office-pool-error", DESKTOP, "zh");
        // edit and deactivate
        open("/review/pool?edit=walk-b");
        WebElement limit = browser.findElement(By.id("loadLimit"));
        limit.clear();
        limit.sendKeys("3");
        browser.findElement(By.id("pool-save")).click();
        waitFor(By.className("message"), "专家信息已保存");
        assertThat(browser.findElement(By.cssSelector("#pool-walk-b td:nth-child(6)")).getText()).isEqualTo("3");
        browser.findElement(By.id("toggle-walk-b")).click();
        waitFor(By.id("pool-walk-b"), "已停用");
        size(PHONE);
        check("office-pool", PHONE, "zh");
    }

    @Test
    void the_committee_confirms_its_decision_before_it_is_recorded() throws Exception {
        var c = ReviewFixtures.assigned(ReviewFixtures.opened("walk-decide", afterEveryCase().plusSeconds(50)),
                ReviewFixtures.R1, ReviewFixtures.R2, ReviewFixtures.R3);
        for (String r : List.of("r1", "r2", "r3")) {
            c = ReviewFixtures.submitted(c, r);
        }
        store.insert(c);
        RealInfrastructure.oidc().nextLogin("committee", null, null, List.of(Roles.COMMITTEE));
        size(DESKTOP);
        open("/review/cases/walk-decide?lang=zh");
        // no choice made: the error is at the decision
        browser.findElement(By.id("decision-submit")).click();
        assertThat(browser.findElement(By.id("decision-error")).getText()).isEqualTo("请选择通过或不通过");
        browser.findElement(By.id("decision-approve")).click();
        browser.findElement(By.id("reasons")).sendKeys("三位专家一致推荐\n风险可控");
        browser.findElement(By.id("decision-submit")).click();
        assertThat(browser.findElement(By.id("confirm-decision")).getText()).isEqualTo("通过");
        check("committee-confirm", DESKTOP, "zh");
        assertThat(api.get("/api/reviews/cases/walk-decide", office()).json().get("summary").get("status").asString())
                .isEqualTo("READY_FOR_DECISION");
        browser.findElement(By.id("confirm-decision-submit")).click();
        assertThat(browser.findElement(By.id("decision-result")).getText()).isEqualTo("通过");
        check("committee-decided", DESKTOP, "zh");
        size(PHONE);
        check("committee-decided", PHONE, "zh");
        // the committee writes in the discussion; an expert of the case reads it there, the office by name
        browser.findElement(By.id("text")).sendKeys("请各位专家关注数据安全。");
        browser.findElement(By.id("post")).click();
        waitFor(By.id("thread"), "请各位专家关注数据安全");
        assertThat(browser.findElement(By.cssSelector("#thread li .post-meta strong")).getText()).isEqualTo("专委会委员 committee");
        browser.manage().deleteAllCookies();
        RealInfrastructure.oidc().nextLogin("r2", "91130100401234561E", "机构r2", List.of(Roles.REVIEWER));
        open("/review/cases/walk-decide");
        assertThat(browser.findElement(By.id("thread")).getText()).contains("请各位专家关注数据安全");
        browser.findElement(By.id("text")).sendKeys("同意，已核对数据安全等级保护测评报告。");
        browser.findElement(By.id("post")).click();
        waitFor(By.id("thread"), "已核对数据安全等级保护测评报告");
        assertThat(browser.findElements(By.cssSelector("#thread li .post-meta strong"))).extracting(WebElement::getText)
                .containsExactly("专委会委员 committee", "专家二");
        // each post tells the other readers of the thread that there is a new post, through the post's own outbox
        List<Document> posts = new ArrayList<>();
        mongo.getCollection("casePosts").find(new Document("post.caseId", "walk-decide")).sort(new Document("post.postedAt", 1)).into(posts);
        assertThat(posts).hasSize(2);
        var byCommittee = reviewRecords(posts.get(0).getString("_id"), 1);
        var byExpert = reviewRecords(posts.get(1).getString("_id"), 1);
        assertThat(byCommittee).singleElement().satisfies(r -> assertThat(r.value()).contains("\"authorRole\":\"COMMITTEE\"")
                .contains("\"reviewerId\":\"r2\"").doesNotContain("请各位专家关注数据安全"));
        assertThat(byExpert).singleElement().satisfies(r -> assertThat(r.value()).contains("\"authorLabel\":\"专家二\"")
                .doesNotContain("\"reviewerId\":\"r2\"").doesNotContain("已核对数据安全"));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("casePosts")
                .countDocuments(new Document("post.caseId", "walk-decide").append("pendingEvents.0", new Document("$exists", true))) == 0);
        check("expert-discussion", PHONE, "zh");
        // the office may show the case's experts each other's names; then r2 reads names, not 专家一/二/三
        browser.manage().deleteAllCookies();
        RealInfrastructure.oidc().nextLogin("office", null, null, List.of(Roles.OFFICE));
        open("/review/cases/walk-decide?lang=zh");
        assertThat(browser.findElement(By.id("expert-names-state")).getText()).contains("专家一、二、三");
        browser.findElement(By.id("expert-names-toggle")).click();
        waitFor(By.id("expert-names-state"), "显示彼此姓名");
        size(PHONE);
        check("office-expert-names", PHONE, "zh");
        assertThat(api.get("/api/reviews/cases/walk-decide/audit", office()).json().get("items")).last()
                .satisfies(r -> assertThat(r.get("action").asString()).isEqualTo("EXPERT_NAMES_SHOWN"));
        browser.manage().deleteAllCookies();
        RealInfrastructure.oidc().nextLogin("r2", "91130100401234561E", "机构r2", List.of(Roles.REVIEWER));
        open("/review/cases/walk-decide");
        assertThat(browser.findElements(By.cssSelector("#thread li .post-meta strong"))).extracting(WebElement::getText)
                .containsExactly("专委会委员 committee", "专家r2");
        assertThat(browser.findElements(By.id("expert-names-form"))).isEmpty(); // the choice is the office's
        // a case that does not exist: a page in the user's language, not a problem document
        open("/review/cases/no-such-case?lang=en");
        assertThat(browser.findElement(By.id("error-text")).getText()).isEqualTo("No such page or case.");
        check("error-page", PHONE, "en");
    }

    @Test
    void the_committee_concludes_a_re_review_from_the_product_the_report_and_the_answers() throws Exception {
        var c = ReviewFixtures.assigned(ReviewFixtures.reReview("walk-rr", afterEveryCase().plusSeconds(70)),
                ReviewFixtures.R1, ReviewFixtures.R2, ReviewFixtures.R3);
        for (String r : List.of("r1", "r2", "r3")) {
            c = ReviewFixtures.submitted(c, r);
        }
        store.insert(c);
        RealInfrastructure.oidc().nextLogin("committee", null, null, List.of(Roles.COMMITTEE));
        size(DESKTOP);
        open("/review/cases/walk-rr?lang=zh");
        // a re-review is not an application: the listed product, the report and the answers, no form
        assertThat(browser.findElement(By.id("re-review-title")).getText()).contains("复核");
        assertThat(browser.findElement(By.id("re-review-product")).getText()).contains("智能风控平台").contains("某某科技有限公司");
        assertThat(browser.findElement(By.id("re-review-description")).getText()).contains("宕机");
        assertThat(browser.findElement(By.id("re-review-responses")).getText()).contains("已修复");
        assertThat(browser.findElements(By.id("form"))).isEmpty();
        check("committee-re-review", DESKTOP, "zh");
        browser.findElement(By.id("decision-submit")).click();
        assertThat(browser.findElement(By.id("decision-error")).getText()).isEqualTo("请选择保留或移出清单");
        browser.findElement(By.id("decision-delist")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("delistingReason"))).selectByValue("MAJOR_DEFECT");
        browser.findElement(By.id("reasons")).sendKeys("存在重大缺陷，可能造成严重安全风险");
        browser.findElement(By.id("decision-submit")).click();
        assertThat(browser.findElement(By.id("confirm-decision")).getText()).startsWith("移出清单：第十二条（一）");
        browser.findElement(By.id("confirm-decision-submit")).click();
        assertThat(browser.findElement(By.id("decision-result")).getText()).startsWith("移出清单：第十二条（一）");
        size(PHONE);
        check("committee-re-review-decided", PHONE, "zh");
        assertThat(api.get("/api/reviews/cases/walk-rr", office()).json().get("decision").get("delistingReason").asString())
                .isEqualTo("MAJOR_DEFECT");
        open("/review/cases?lang=zh");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("智能风控平台");
    }

    // --- helpers: test-support's PageChecks, shared with the applicant portal's walk ---

    private void waitFor(By element, String text) {
        page.waitFor(element, text);
    }

    private void open(String path) {
        page.open(path);
    }

    private Object js(String script, Object... args) {
        return page.js(script, args);
    }

    private void size(int width) {
        page.size(width);
    }

    private void check(String name, int width, String lang) {
        page.check(name, width, lang);
    }

    /** Every text and date a person typed into the form (ids of attachments and media types are not shown as such). */
    static List<String> values(Object form) throws Exception {
        List<String> values = new ArrayList<>();
        collect(form, null, values);
        return values;
    }

    private static void collect(Object o, String name, List<String> values) throws Exception {
        if (o == null) {
            return;
        }
        if (o instanceof String s) {
            boolean technical = name != null && (name.equals("id") || name.endsWith("Id") || name.equals("mediaType"));
            if (!technical && !s.isBlank()) {
                values.add(s);
            }
        } else if (o instanceof LocalDate d) {
            values.add(d.toString());
        } else if (o instanceof Collection<?> list) {
            for (Object e : list) {
                collect(e, name, values);
            }
        } else if (o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                collect(c.getAccessor().invoke(o), c.getName(), values);
            }
        }
    }

    static {
        // the sample form is the one every field is checked against: keep its shape in sight
        assertThat(ApplicationFormSnapshot.class.getRecordComponents()).hasSize(13);
    }
}
