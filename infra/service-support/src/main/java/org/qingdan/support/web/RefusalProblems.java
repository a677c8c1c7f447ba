package org.qingdan.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingdan.support.domain.Refusal;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place a {@link Refusal} becomes HTTP: its kind's status, and its type and title (the refusal's own, else
 * the kind's, the same as {@link ProblemException}'s factories give), with its rule and violations as members.
 * {@link ProblemDetailsAdvice} answers every refusal with it; the UIs ask it for the status of their pages.
 */
public final class RefusalProblems {

    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case PRECONDITION_FAILED -> 412;
            case BAD_REQUEST -> 400;
            case UNAVAILABLE -> 503;
        };
    }

    /** The type and title of a refusal that names none: those of {@link ProblemException#invalid}, {@code conflict}, ... */
    static Refusal.Category standard(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> new Refusal.Category(kind, "validation", "请求内容不符合要求");
            case CONFLICT -> new Refusal.Category(kind, "conflict", "与当前状态冲突");
            case NOT_FOUND -> new Refusal.Category(kind, "not-found", "未找到");
            case FORBIDDEN -> new Refusal.Category(kind, "forbidden", "无权访问");
            case PRECONDITION_FAILED -> new Refusal.Category(kind, "precondition-failed", "数据已被他人修改");
            case BAD_REQUEST -> new Refusal.Category(kind, "validation", "请求参数不正确");
            case UNAVAILABLE -> new Refusal.Category(kind, "service-unavailable", "服务暂不可用");
        };
    }

    public static ProblemDetail problem(Refusal refusal) {
        return problem(refusal, Map.of());
    }

    /** With members of the service's own (e.g. the findings of a barred approval), before the violations. */
    public static ProblemDetail problem(Refusal refusal, Map<String, Object> members) {
        Refusal.Category standard = standard(refusal.kind());
        ProblemDetail problem = Problems.of(status(refusal.kind()),
                refusal.type() == null ? standard.type() : refusal.type(),
                refusal.title() == null ? standard.title() : refusal.title(), refusal.getMessage());
        if (refusal.rule() != null) {
            problem.setProperty("rule", refusal.rule()); // which rule refused it, also when no field is to blame (a state)
        }
        new LinkedHashMap<>(members).forEach(problem::setProperty);
        List<Violation> violations = refusal.violations().stream()
                .map(v -> new Violation(v.field(), v.rule(), v.message())).toList();
        return Problems.withViolations(problem, violations);
    }

    public static ResponseEntity<ProblemDetail> response(Refusal refusal) {
        return Problems.response(problem(refusal));
    }

    private RefusalProblems() {
    }
}
