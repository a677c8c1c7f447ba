package org.qingdan.support.web;

import java.util.List;

/**
 * An error to answer with an RFC 9457 problem document. {@code type} is a stable slug appended to
 * {@link Problems#TYPE_BASE}; services throw the subclasses from their web and application layers.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String type, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** 422: a well-formed request whose content breaks rules, listing every violated rule at once. */
    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(422, "validation", "请求内容不符合要求", detail, violations);
    }

    /** 400: malformed request parameters (query strings, paths), each named with its rule. */
    public static ProblemException badRequest(String detail, List<Violation> violations) {
        return new ProblemException(400, "validation", "请求参数不正确", detail, violations);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "未找到", what, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "无权访问", detail, List.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "与当前状态冲突", detail, List.of());
    }
}
