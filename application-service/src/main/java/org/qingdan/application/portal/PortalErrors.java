package org.qingdan.application.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qingdan.application.intake.domain.ApplicationRefused;
import org.qingdan.application.intake.domain.RuleViolation;
import org.qingdan.support.files.FileRejected;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.RefusalProblems;
import org.qingdan.support.web.Violation;
import org.springframework.context.MessageSource;

/**
 * The portal's errors, each in the user's language and tied to the input it is about, as the reviewer UI shows them: a
 * summary whose links lead to the inputs (on another step's page when the field is entered there), and each message
 * again beside its input. The rules and their Chinese messages are the server's own (the same checks the API answers
 * with); in English the rule's words from the bundle, the Chinese message where the bundle has none.
 */
final class PortalErrors {

    /** One error: where its link goes (null: it concerns no single input), the summary's text, and the message beside the input. */
    record UiError(String href, String summary, String anchor, String message) {
    }

    private final MessageSource messages;
    private final Locale locale;

    PortalErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /**
     * The violations of the form, each linking to its input: on this page ({@code here}, the step shown) or on its step's
     * page, which then checks the form again ({@code ?check}) and shows it there.
     */
    List<UiError> ofViolations(String applicationId, List<RuleViolation> violations, Step here) {
        List<UiError> errors = new ArrayList<>();
        for (RuleViolation v : violations) {
            String anchor = FormView.id(v.field());
            String href = Step.ofField(v.field()).orElse(null) == here && here != null ? "#" + anchor : href(applicationId, v.field());
            String message = message(v.rule(), v.message());
            errors.add(new UiError(href, where(v.field()) + "：" + message, anchor, message));
        }
        return errors;
    }

    /** Where a field is, as the form names it: its section, its row, its label. */
    String where(String field) {
        return Step.ofField(field).map(step -> msg(step.title(), step.title()) + " · ").orElse("") + label(field);
    }

    /** A link to the field's input on its step's page, which then checks the form again ({@code ?check}) and shows why. */
    String href(String applicationId, String field) {
        return Step.ofField(field).map(step -> "/portal/applications/" + applicationId + "/steps/" + step.number() + "?check#"
                + FormView.id(field)).orElse(null);
    }

    /** A refusal that is not about the form's fields (wrong state, closed call, a file refused, a concurrent change). */
    List<UiError> of(RuntimeException e, String anchorForFile) {
        List<UiError> errors = new ArrayList<>();
        if (e instanceof ApplicationRefused refused) {
            if (refused.violations().isEmpty()) {
                errors.add(new UiError(null, message("kind." + refused.reason().name(), e.getMessage()), null, null));
            }
            refused.violations().forEach(v -> errors.add(new UiError("#" + FormView.id(v.field()), message(v.rule(), v.message()),
                    FormView.id(v.field()), message(v.rule(), v.message()))));
        } else if (e instanceof FileRejected rejected) {
            String m = message(rejected.rule(), e.getMessage());
            errors.add(new UiError("#" + anchorForFile, m, anchorForFile, m));
        } else if (e instanceof Refusal refusal) {
            // as a ProblemException of the refusal's status: what the services threw before they refused without HTTP
            problem(errors, RefusalProblems.status(refusal.kind()), e.getMessage(), anchorForFile,
                    refusal.violations().stream().map(v -> new Violation(v.field(), v.rule(), v.message())).toList());
        } else if (e instanceof ProblemException problem) {
            problem(errors, problem.status(), e.getMessage(), anchorForFile, problem.violations());
        } else if (e instanceof org.springframework.dao.OptimisticLockingFailureException) {
            errors.add(new UiError(null, msg("error.concurrent", "申报刚被修改，请刷新后重试"), null, null));
        } else {
            throw e;
        }
        return errors;
    }

    private void problem(List<UiError> errors, int status, String detail, String anchorForFile, List<Violation> violations) {
        if (violations.isEmpty()) {
            errors.add(new UiError(null, message("status." + status, detail), null, null));
        }
        violations.forEach(v -> {
            String anchor = "file".equals(v.field()) ? anchorForFile : FormView.id(v.field());
            errors.add(new UiError("#" + anchor, message(v.rule(), v.message()), anchor, message(v.rule(), v.message())));
        });
    }

    /** The messages beside the inputs, by input id. */
    static Map<String, String> byAnchor(List<UiError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.stream().filter(e -> e.anchor() != null && e.message() != null).forEach(e -> map.merge(e.anchor(), e.message(), (a, b) -> a + "；" + b));
        return map;
    }

    /** A field's name for the summary: its label, with its row (participants[1] → 第 2 行). */
    String label(String field) {
        String label = msg("f." + FormView.key(field), FormView.key(field));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(field);
        return row.find() ? msg("row", "第 {0} 行", Integer.parseInt(row.group(1)) + 1) + " " + label : label;
    }

    /** The server's message in Chinese; in another language the rule's words, where the bundle has them. */
    private String message(String rule, String serverMessage) {
        return "zh".equals(locale.getLanguage()) ? serverMessage : msg("rule." + rule, serverMessage);
    }

    private String msg(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
