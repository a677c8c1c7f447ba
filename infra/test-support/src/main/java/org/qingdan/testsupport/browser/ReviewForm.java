package org.qingdan.testsupport.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The expert's review form of the reviewer UI (review-service's {@code review/case} page), as a person fills it in. */
public final class ReviewForm {

    static final List<String> DIMENSIONS = List.of("LEGAL_COMPLIANCE", "FINANCIAL_INNOVATION", "RISK_CONTROL", "AFTER_SALES_SERVICE");
    static final List<String> EXCLUSIONS = List.of("FRAUD", "MAJOR_INCIDENT_OR_VIOLATION", "UNRESOLVED_COMPLAINTS",
            "LEGAL_OR_REGULATORY_RISK", "OTHER");

    /**
     * Rates every dimension {@code GOOD}, confirms eligibility, finds none of the Art. 5 grounds, recommends,
     * writes both comments, submits and confirms on the confirmation step; answers the status line the page shows
     * afterwards.
     */
    public static String recommendAndSubmit(WebDriver browser, String commentsForCommittee, String commentsForApplicant) {
        for (String dimension : DIMENSIONS) {
            new Select(browser.findElement(By.id("rating_" + dimension))).selectByValue("GOOD");
        }
        browser.findElement(By.id("eligibility-yes")).click();
        for (String ground : EXCLUSIONS) {
            browser.findElement(By.id("exclusion_" + ground + "_no")).click();
        }
        browser.findElement(By.id("recommend-yes")).click();
        browser.findElement(By.id("commentsForCommittee")).sendKeys(commentsForCommittee);
        browser.findElement(By.id("commentsForApplicant")).sendKeys(commentsForApplicant);
        browser.findElement(By.id("submit")).click();
        browser.findElement(By.id("confirm-submit")).click();
        return browser.findElement(By.id("review-status")).getText();
    }

    private ReviewForm() {
    }
}
