package org.qingdan.listing.register.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.Rating;
import org.qingdan.listing.register.domain.ListingRefused.Reason;

/**
 * The self-assessment (自主评估, Annex 1 §6) as the lead declares it at a yearly re-confirmation when the one reviewed is
 * no longer accurate: the four ratings as they are now and why. The application is not amended — it stays the record
 * of what was reviewed and decided; this is the lead's declaration beside it, for the office and the lead only.
 */
public record SelfAssessmentUpdate(Rating legalCompliance, Rating financialInnovation, Rating riskControl, Rating afterSalesService,
                                   String explanation) {

    /** The field of the re-confirmation that carries it (named in refusals). */
    public static final String FIELD = "updatedSelfAssessment";
    /** A short explanation: why the ratings changed. */
    public static final int MAX_EXPLANATION = 500;

    /** The ratings by dimension, in the measures' order. */
    public Map<AssessmentDimension, Rating> ratings() {
        Map<AssessmentDimension, Rating> ratings = new LinkedHashMap<>();
        ratings.put(AssessmentDimension.LEGAL_COMPLIANCE, legalCompliance);
        ratings.put(AssessmentDimension.FINANCIAL_INNOVATION, financialInnovation);
        ratings.put(AssessmentDimension.RISK_CONTROL, riskControl);
        ratings.put(AssessmentDimension.AFTER_SALES_SERVICE, afterSalesService);
        return ratings;
    }

    /** Whether anything of it was given (a rating or the explanation). */
    public static boolean given(SelfAssessmentUpdate u) {
        return u != null && (u.ratings().values().stream().anyMatch(r -> r != null) || (u.explanation() != null && !u.explanation().isBlank()));
    }

    /** All four ratings and the explanation, or refused naming the first missing field; the explanation trimmed. */
    static SelfAssessmentUpdate complete(SelfAssessmentUpdate u) {
        if (u == null) {
            throw new ListingRefused(Reason.INVALID, FIELD, "required-when-not-accurate",
                    "自主评估不再准确时，请填写四个维度（依法依规、金融创新、风险防控、售后服务）的现评价及说明");
        }
        String[] names = {"legalCompliance", "financialInnovation", "riskControl", "afterSalesService"};
        int i = 0;
        for (Map.Entry<AssessmentDimension, Rating> r : u.ratings().entrySet()) {
            if (r.getValue() == null) {
                throw new ListingRefused(Reason.INVALID, FIELD + "." + names[i], "required-when-not-accurate",
                        "请填写“" + r.getKey().label() + "”的现评价（基本合格、合格、良好、优秀、十分优秀）");
            }
            i++;
        }
        String explanation = u.explanation() == null ? null : u.explanation().trim();
        if (explanation == null || explanation.isEmpty()) {
            throw new ListingRefused(Reason.INVALID, FIELD + ".explanation", "required-when-not-accurate", "请简要说明自主评估发生了哪些变化");
        }
        if (explanation.codePointCount(0, explanation.length()) > MAX_EXPLANATION) {
            throw new ListingRefused(Reason.INVALID, FIELD + ".explanation", "max-length", "不超过 " + MAX_EXPLANATION + " 字");
        }
        return new SelfAssessmentUpdate(u.legalCompliance(), u.financialInnovation(), u.riskControl(), u.afterSalesService(), explanation);
    }

    /** The ratings in words, for the audit trail and the office: 依法依规 良好，金融创新 优秀… */
    public String summary() {
        StringBuilder s = new StringBuilder();
        ratings().forEach((d, r) -> s.append(s.isEmpty() ? "" : "，").append(d.label()).append(' ').append(r.label()));
        return s.toString();
    }
}
