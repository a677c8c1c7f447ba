package org.qingdan.application.intake.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingdan.contracts.form.Uscc;

/**
 * What the form's rules find, in the order they find it: violations, and risk flags (each once). Each helper records
 * the violation it sees and returns whether the value was there and fit to check further.
 */
final class Findings {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final List<RuleViolation> violations = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Set<String> attachmentIds;

    Findings(Set<String> attachmentIds) {
        this.attachmentIds = attachmentIds;
    }

    List<RuleViolation> violations() {
        return violations;
    }

    Set<String> flags() {
        return flags;
    }

    void add(String field, String rule, String message) {
        violations.add(new RuleViolation(field, rule, message));
    }

    void flag(String flag) {
        flags.add(flag);
    }

    boolean present(String field, Object value) {
        if (value == null) {
            add(field, "required", "必填");
            return false;
        }
        return true;
    }

    boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", "必填");
            return false;
        }
        if (FormRules.length(value) > max) {
            add(field, "max-length", "不超过 " + max + " 个字");
            return false;
        }
        return true;
    }

    void optionalText(String field, String value, int max) {
        if (value != null && FormRules.length(value) > max) {
            add(field, "max-length", "不超过 " + max + " 个字");
        }
    }

    /** Whether the list is within its bound; one violation names the list, not each item past it. */
    boolean maxItems(String field, List<?> list, int max) {
        if (list.size() > max) {
            add(field, "max-items", "最多 " + max + " 项（当前 " + list.size() + " 项）");
            return false;
        }
        return true;
    }

    boolean uscc(String field, String value) {
        if (!text(field, value, 18)) {
            return false;
        }
        return Uscc.violation(value).map(rule -> {
            add(field, rule, switch (rule) {
                case Uscc.RULE_CHECK -> "统一社会信用代码校验码不正确";
                case Uscc.RULE_ORG_CHECK -> "统一社会信用代码中的组织机构代码校验码不正确";
                default -> "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
            });
            return false;
        }).orElse(true);
    }

    void email(String field, String value) {
        if (text(field, value, 100) && !EMAIL.matcher(value.trim()).matches()) {
            add(field, "email", "电子邮箱格式不正确");
        }
    }

    void attachment(String field, String id) {
        if (text(field, id, 64) && !attachmentIds.contains(id)) {
            add(field, "attachment-exists", "请先上传该附件");
        }
    }
}
