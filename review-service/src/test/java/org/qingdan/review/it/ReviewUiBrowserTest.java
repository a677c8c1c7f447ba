package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.testsupport.browser.Chromium;
import org.qingdan.testsupport.browser.ReviewForm;
import org.qingdan.support.security.Roles;

/**
 * An expert uses the reviewer UI in a real browser (Debian's headless Chromium): logs in through the
 * OIDC issuer, opens the assignment, reads the application — a script in it shows as text — fills in the
 * review and submits it, and the review is recorded.
 */
class ReviewUiBrowserTest extends ReviewIntegrationTest {

    static final String SCRIPT = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
    WebDriver browser;
    @org.springframework.beans.factory.annotation.Autowired
    ReviewCaseStore store;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static ApplicationAccepted withScriptInIntroduction(String applicationId) {
        ApplicationFormSnapshot f = ContractSamples.form();
        var p = f.product();
        ApplicationFormSnapshot form = new ApplicationFormSnapshot(f.applicant(), f.contact(), f.participants(), f.enterprise(),
                new ApplicationFormSnapshot.Product("浏览器评审测试产品", "基于大数据的风控平台。" + SCRIPT, p.keyTechnologies(),
                        p.goLiveDate(), p.honours(), p.productType(), p.scenarios(), null),
                f.selfAssessment(), f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment(),
                f.attachments(), f.filingDate());
        var call = new org.qingdan.contracts.form.CallSummary("call-ui", "2026年度征集", 2026, 7, 1);
        return new ApplicationAccepted(UUID.randomUUID(), Instant.now(), applicationId, 4, call, 1, form, List.of(), "office");
    }

    @Test
    void an_expert_logs_in_reads_the_application_and_submits_a_review() throws Exception {
        String expertOrg = "911301006789123452";
        assertThat(api.put("/api/reviews/reviewers/expert-ui", office(), Map.of("name", "界面专家", "orgUscc", expertOrg,
                "orgName", "河北省金融科技研究院", "loadLimit", 5, "active", true)).status()).isEqualTo(200);
        send(withScriptInIntroduction("ui-app-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("ui-app-1") != null);
        assertThat(api.post("/api/reviews/cases/ui-app-1/assignments", office(), Map.of("reviewerId", "expert-ui")).status()).isEqualTo(200);

        RealInfrastructure.oidc().nextLogin("expert-ui", expertOrg, "河北省金融科技研究院", List.of(Roles.REVIEWER));
        browser.get("http://localhost:" + port + "/review/assignments");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的评审任务");
        browser.findElement(By.linkText("浏览器评审测试产品")).click();

        // a picture of the page for people to look at (target/review-case.png)
        Files.write(java.nio.file.Path.of("target/review-case.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // what the applicant typed is text, never markup
        // the filing date the system set at submission (填报日期)
        assertThat(browser.findElement(By.id("filing-date")).getText()).isEqualTo("2026-11-28");
        String introduction = browser.findElement(By.id("introduction")).getText();
        assertThat(introduction).contains(SCRIPT);
        assertThat(browser.getPageSource()).doesNotContain("<script>alert('xss')</script>");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();

        assertThat(ReviewForm.recommendAndSubmit(browser, "技术路线成熟，风险控制到位，建议纳入清单。", "建议补充运维数据。"))
                .isEqualTo("评审意见已提交。");
        HttpApi.Response recorded = api.get("/api/reviews/cases/ui-app-1", office());
        assertThat(recorded.json().get("reviews").get(0).get("reviewerId").asString()).isEqualTo("expert-ui");
        assertThat(recorded.json().get("reviews").get(0).get("commentsForCommittee").asString()).contains("技术路线成熟");
        // a quorum of one (this call asks for one reviewer): the case waits for the committee
        assertThat(recorded.json().get("summary").get("status").asString()).isEqualTo("READY_FOR_DECISION");

        // an attachment, fetched from application-service with the expert's own token
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/review/cases/ui-app-1/attachments/a1"))
                .header("Cookie", "JSESSIONID=" + session).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(ATTACHMENT_CALLS).contains("/api/applications/ui-app-1/attachments/a1 Bearer ");

        // the expert's list, one page of its own assignments
        browser.get("http://localhost:" + port + "/review/assignments");
        assertThat(browser.findElement(By.className("pager-summary")).getText()).isEqualTo("第 1 / 1 页，共 1 件");
        Files.write(java.nio.file.Path.of("target/review-assignments.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        // the pages are English on request
        browser.get("http://localhost:" + port + "/review/assignments?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My reviews");
    }

    @Test
    void the_office_pages_through_the_cases_and_filters_them_by_status() throws Exception {
        // opened after every other case of the shared database, so these are the newest
        Instant t = afterEveryCase();
        store.insert(ReviewFixtures.opened("ui-page-1", t.plusSeconds(1)));
        store.insert(ReviewFixtures.opened("ui-page-2", t.plusSeconds(2)));
        store.insert(ReviewFixtures.opened("ui-page-3", t.plusSeconds(3)).withdraw("申报单位撤回").reviewCase());
        // the working list (the default tab) holds the cases in progress; the closed one waits in 已结束
        long total = mongo.getCollection("reviewCases").countDocuments(new org.bson.Document("state.status",
                new org.bson.Document("$in", List.of("OPEN", "ASSIGNED", "READY_FOR_DECISION"))));

        RealInfrastructure.oidc().nextLogin("office", null, null, List.of(Roles.OFFICE));
        browser.get("http://localhost:" + port + "/review/cases?size=2");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("评审案件");
        assertThat(caseLinks()).containsExactly("/review/cases/ui-page-2", "/review/cases/ui-page-1");
        long pages = (total + 1) / 2;
        assertThat(browser.findElement(By.className("pager-summary")).getText()).isEqualTo("第 1 / " + pages + " 页，共 " + total + " 件");
        assertThat(browser.findElements(By.linkText("上一页"))).isEmpty();
        Files.write(java.nio.file.Path.of("target/review-cases.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        browser.findElement(By.linkText("下一页")).click();
        arrivedAt("/review/cases?tab=OPEN&page=1&size=2");
        assertThat(browser.findElement(By.className("pager-summary")).getText()).startsWith("第 2 / " + pages + " 页");
        browser.findElement(By.linkText("上一页")).click();
        arrivedAt("/review/cases?tab=OPEN&page=0&size=2");
        assertThat(caseLinks()).containsExactly("/review/cases/ui-page-2", "/review/cases/ui-page-1");

        // the finished cases have their own tab
        browser.findElement(By.id("tab-DONE")).click();
        arrivedAt("/review/cases?tab=DONE&page=0&size=2");
        assertThat(caseLinks()).first().isEqualTo("/review/cases/ui-page-3");

        // the status filter starts again at the first page and keeps the page size
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByVisibleText("待分配");
        browser.findElement(By.cssSelector("form.filter button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("status=OPEN"));
        assertThat(browser.getCurrentUrl()).contains("size=2");
        assertThat(caseLinks()).containsExactly("/review/cases/ui-page-2", "/review/cases/ui-page-1");
        assertThat(browser.findElements(By.cssSelector("tbody td.status"))).extracting(WebElement::getText).containsOnly("待分配");
    }

    @Test
    void the_committee_sees_the_findings_and_the_self_assessment_gap_and_the_office_reopens_a_review() throws Exception {
        // three submitted reviews: the third finds an Art. 5 situation; all rate innovation two levels below the
        // applicant's own 优秀 (EXCELLENT)
        java.util.Map<org.qingdan.contracts.form.AssessmentDimension, org.qingdan.contracts.form.Rating> ratings =
                new java.util.EnumMap<>(org.qingdan.contracts.form.AssessmentDimension.class);
        ReviewFixtures.complete().ratings().forEach(ratings::put);
        ratings.put(org.qingdan.contracts.form.AssessmentDimension.FINANCIAL_INNOVATION, org.qingdan.contracts.form.Rating.QUALIFIED);
        var base = ReviewFixtures.complete();
        var plain = new org.qingdan.review.reviewcase.domain.Review(null, ratings, true, base.exclusionsFound(), true,
                "技术方案成熟", null, false, null, null);
        var exclusions = new java.util.EnumMap<>(base.exclusionsFound());
        exclusions.put(org.qingdan.review.reviewcase.domain.ExclusionGround.MAJOR_INCIDENT_OR_VIOLATION, true);
        var found = new org.qingdan.review.reviewcase.domain.Review(null, ratings, true, exclusions, false,
                "2024 年发生过重大数据泄露事故", null, false, null, null);
        var c = ReviewFixtures.assigned(ReviewFixtures.opened("ui-art5", afterEveryCase().plusSeconds(10)),
                ReviewFixtures.R1, ReviewFixtures.R2, ReviewFixtures.R3);
        c = c.saveDraft("r1", plain, ReviewFixtures.NOW).submit("r1", ReviewFixtures.NOW).reviewCase();
        c = c.saveDraft("r2", plain, ReviewFixtures.NOW).submit("r2", ReviewFixtures.NOW).reviewCase();
        c = c.saveDraft("r3", found, ReviewFixtures.NOW).submit("r3", ReviewFixtures.NOW).reviewCase();
        store.insert(c);

        RealInfrastructure.oidc().nextLogin("committee", null, null, List.of(Roles.COMMITTEE));
        browser.get("http://localhost:" + port + "/review/cases/ui-art5");
        assertThat(browser.findElement(By.id("findings-bar")).getText()).contains("不得审核通过");
        assertThat(browser.findElements(By.cssSelector("#findings-table tbody tr"))).extracting(WebElement::getText)
                .singleElement().asString().contains("专家r3", "近三年存在重大安全、重大质量事故或严重违法行为", "重大数据泄露");
        assertThat(browser.findElement(By.cssSelector("#score-FINANCIAL_INNOVATION .self-gap")).getText())
                .isEqualTo("自评与专家评级相差两级及以上");
        assertThat(browser.findElement(By.cssSelector("#score-FINANCIAL_INNOVATION")).getText()).contains("自评高 2 级");
        assertThat(browser.findElements(By.cssSelector("#score-LEGAL_COMPLIANCE .self-gap"))).isEmpty();
        assertThat(browser.findElement(By.id("approval-barred")).getText()).contains("不能审核通过");
        assertThat(browser.findElement(By.id("decision-approve")).isEnabled()).isFalse();
        assertThat(browser.findElements(By.id("reopen-r3"))).isEmpty(); // the committee does not reopen
        lookAt("others");
        Files.write(java.nio.file.Path.of("target/review-committee-findings.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        // the office reopens the third expert's review; the earlier answer stays on the page
        browser.manage().deleteAllCookies();
        RealInfrastructure.oidc().nextLogin("office", null, null, List.of(Roles.OFFICE));
        browser.get("http://localhost:" + port + "/review/cases/ui-art5");
        browser.findElement(By.id("reopen_r3")).sendKeys("请核实事故年份");
        browser.findElement(By.id("reopen-r3")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("reopenings-table")));
        assertThat(browser.findElement(By.className("message")).getText()).contains("已退回该专家复核");
        assertThat(browser.findElement(By.cssSelector("#reopenings-table tbody tr")).getText())
                .contains("r3", "请核实事故年份", "近三年存在重大安全", "重大数据泄露");
        assertThat(browser.findElement(By.id("no-findings")).getText()).contains("均未发现");
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("评审中");
        lookAt("others");
        Files.write(java.nio.file.Path.of("target/review-office-reopened.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** A window tall enough for the committee's part of the page, scrolled to the element with this id. */
    private void lookAt(String id) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    /** Waits for the navigation a click started: clicking returns before the next page has loaded. */
    private void arrivedAt(String pathAndQuery) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe("http://localhost:" + port + pathAndQuery));
    }

    private List<String> caseLinks() {
        return browser.findElements(By.cssSelector("#case-list tbody td:nth-child(2) a")).stream()
                .map(a -> java.net.URI.create(a.getAttribute("href")).getPath()).toList();
    }
}
