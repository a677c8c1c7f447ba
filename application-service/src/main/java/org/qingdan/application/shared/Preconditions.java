package org.qingdan.application.shared;

import java.util.List;
import org.qingdan.support.web.ProblemException;

/** If-Match: a change made against a version that is no longer current is refused with 412. */
public final class Preconditions {

    public static void matches(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new ProblemException(412, "precondition-failed", "数据已被他人修改",
                    "If-Match 指定的版本 " + expected + " 已不是最新版本（当前 " + actual + "），请刷新后重试", List.of());
        }
    }

    /** Parses an If-Match value such as {@code "3"} or {@code W/"3"}; null when absent or {@code *}. */
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

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private Preconditions() {
    }
}
