package org.qingdan.review.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qingdan.review.reviewcase.domain.ApprovalBarred;
import org.qingdan.review.reviewcase.domain.Finding;
import org.qingdan.review.reviewcase.domain.ReviewRefused;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The UI's errors, each in the user's language and tied to the form field it is about: the page lists them in a
 * summary whose links lead to the fields, and shows each again beside its field. The rules come from the domain as
 * (field, rule); the words from the message bundle, the domain's Chinese message only where the bundle has none.
 */
final class UiErrors {

    /** One error: the id of the input it concerns (null when it concerns no single field) and the message. */
    record UiError(String anchor, String message) {
    }

    private final MessageSource messages;
    private final Locale locale;

    UiErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    List<UiError> of(RuntimeException e) {
        List<UiError> errors = new ArrayList<>();
        if (e instanceof ApprovalBarred barred) {
            errors.add(new UiError(null, msg("error.kind.APPROVAL_BARRED", e.getMessage())));
            for (Finding f : barred.findings()) {
                errors.add(new UiError("findings", f.kind() == Finding.Kind.EXCLUSION
                        ? msg("error.art5-exclusion", f.message(), f.reviewerName(), msg("ground." + f.ground().name(), f.ground().label()))
                        : msg("error.art4-eligibility-not-confirmed", f.message(), f.reviewerName())));
            }
        } else if (e instanceof ReviewRefused refused) {
            if (refused.problems().isEmpty()) {
                errors.add(new UiError(null, chinese() ? e.getMessage() : msg("error.kind." + refused.reason().name(), e.getMessage())));
            }
            refused.problems().forEach(p -> errors.add(field(p.field(), p.rule(), p.message())));
        } else if (e instanceof Refusal refusal) {
            if (refusal.violations().isEmpty()) {
                errors.add(new UiError(null, chinese() ? e.getMessage() : msg("error.generic", e.getMessage())));
            }
            refusal.violations().forEach(v -> errors.add(field(v.field(), v.rule(), v.message())));
        } else if (e instanceof ProblemException problem) {
            if (problem.violations().isEmpty()) {
                errors.add(new UiError(null, chinese() ? e.getMessage() : msg("error.generic", e.getMessage())));
            }
            problem.violations().forEach(v -> errors.add(field(v.field(), v.rule(), v.message())));
        } else if (e instanceof OptimisticLockingFailureException) {
            errors.add(new UiError(null, msg("error.concurrent", "error.concurrent")));
        } else {
            throw e;
        }
        return errors;
    }

    /** The errors by the input they concern, for the messages beside the fields. */
    static Map<String, String> byField(List<UiError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.stream().filter(e -> e.anchor() != null).forEach(e -> map.merge(e.anchor(), e.message(), (a, b) -> a + "；" + b));
        return map;
    }

    UiError field(String field, String rule, String fallback) {
        int dot = field.indexOf('.');
        String base = dot < 0 ? field : field.substring(0, dot);
        String item = dot < 0 ? null : field.substring(dot + 1);
        String label = item == null ? null : switch (base) {
            case "ratings", "dimensionComments" -> msg("dimension." + item, item);
            case "exclusionsFound" -> msg("ground." + item, item);
            default -> item;
        };
        return new UiError(anchor(field), msg("error." + base + "." + rule, fallback, label));
    }

    /** The id of the input a field of the domain is entered in. */
    static String anchor(String field) {
        if (field.startsWith("ratings.")) {
            return "rating_" + field.substring("ratings.".length());
        }
        if (field.startsWith("exclusionsFound.")) {
            return "exclusion_" + field.substring("exclusionsFound.".length()) + "_yes";
        }
        if (field.startsWith("dimensionComments.")) {
            return "evidence_" + field.substring("dimensionComments.".length());
        }
        return switch (field) {
            case "eligibilityConfirmed" -> "eligibility-yes";
            case "recommend" -> "recommend-yes";
            default -> field;
        };
    }

    private boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    private String msg(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
