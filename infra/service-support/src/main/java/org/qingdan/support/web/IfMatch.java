package org.qingdan.support.web;

import java.util.List;
import org.qingdan.support.domain.Refusal;

/**
 * The version an {@code If-Match} header names (the services' ETags are {@code "<version>"}): null when
 * absent or {@code *}; a value that is no ETag of ours is a 412, never a parse error answered with 500.
 */
public final class IfMatch {

    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed", "If-Match 无效", "If-Match 应为响应头 ETag 的值", List.of());
        }
    }

    /**
     * Refuses, with 412, a change made against a version that is no longer current. The services call it: a
     * {@link Refusal}, not a ProblemException (reading the header, {@link #version}, is the web's).
     */
    public static void require(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new Refusal(Refusal.Kind.PRECONDITION_FAILED,
                    "If-Match 指定的版本 " + expected + " 已不是最新版本（当前 " + actual + "），请刷新后重试");
        }
    }

    /** The ETag of a version, as the services send it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private IfMatch() {
    }
}
