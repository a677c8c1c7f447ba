package org.qingdan.review.reviewer.domain;

import java.util.ArrayList;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.Uscc;

/**
 * An expert in the office's reviewer pool (评审专家库). {@code id} is the expert's user name in the realm;
 * {@code orgUscc} decides conflicts of interest, never the organisation's name.
 */
public record Reviewer(
        String id,
        String name,
        String email,
        String orgUscc,
        String orgName,
        List<ApplicationScenario> scenarios,
        List<String> technologies,
        int loadLimit,
        boolean active) {

    public Reviewer {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        technologies = technologies == null ? List.of() : List.copyOf(technologies);
    }

    /** The broken rules of a pool entry, each as field and message; empty when valid. */
    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (id == null || id.isBlank()) {
            p.add(new String[] {"id", "required", "请填写专家的登录名"});
        }
        if (name == null || name.isBlank()) {
            p.add(new String[] {"name", "required", "请填写专家姓名"});
        }
        // conflicts of interest are decided by this code: a mistyped one would hide a conflict
        Uscc.violation(orgUscc).ifPresent(rule ->
                p.add(new String[] {"orgUscc", rule, "专家所在机构的统一社会信用代码不正确（格式或校验码）"}));
        if (loadLimit < 1 || loadLimit > 50) {
            p.add(new String[] {"loadLimit", "range", "同时评审上限应为 1 至 50"});
        }
        return p;
    }
}
