package org.qingdan.support.web;

import java.util.Arrays;
import java.util.List;

/**
 * Query parameters as they come from a URL: each is checked, and a bad one adds a {@link Violation} naming
 * the parameter and its rule ({@code integer}, {@code range}, {@code closed-list}) instead of failing, so a
 * request learns of every bad parameter at once in one 400. Absent or blank means "not given" (null).
 */
public final class QueryParameters {

    public static Integer integer(String field, String value, int min, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                violations.add(new Violation(field, "range", "应为 " + min + " 至 " + max + " 之间的整数"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "integer", "应为整数"));
            return null;
        }
    }

    public static <E extends Enum<E>> E closedList(Class<E> type, String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "closed-list", "可选值：" + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** A page of a list: its number from 0 and its size. */
    public record Paging(int page, int size) {
    }

    /** Paging parameters: page 0 to 10,000 (0 when absent), size 1 to {@code maxSize} (20 when absent). */
    public static Paging paging(String page, String size, int maxSize, List<Violation> violations) {
        Integer p = integer("page", page, 0, 10_000, violations);
        Integer z = integer("size", size, 1, maxSize, violations);
        return new Paging(p == null ? 0 : p, z == null ? 20 : z);
    }

    private QueryParameters() {
    }
}
