package org.qingdan.listing.register.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.Violation;

/**
 * Filters, search and paging of the public list. Parameters come from anyone on the internet, so each is
 * checked and a bad one is a 400 naming it, never a 5xx. The sort is stable: newest first, then by id.
 */
record ListQuery(ListingStatus status, ApplicationScenario scenario, ProductType productType, String technology,
                 String enterprise, Integer year, String q, int page, int size) {

    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 50;

    static ListQuery of(String status, String scenario, String productType, String technology, String enterprise,
                        String year, String q, String page, String size) {
        List<Violation> violations = new ArrayList<>();
        ListingStatus s = parse(ListingStatus.class, "status", status, violations);
        ApplicationScenario sc = parse(ApplicationScenario.class, "scenario", scenario, violations);
        ProductType pt = parse(ProductType.class, "productType", productType, violations);
        Integer y = integer("year", year, 2000, 2100, violations);
        Integer p = integer("page", page, 0, 10_000, violations);
        Integer z = integer("size", size, 1, MAX_SIZE, violations);
        text("technology", technology, violations);
        text("enterprise", enterprise, violations);
        text("q", q, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("查询参数不正确", violations);
        }
        return new ListQuery(s, sc, pt, blank(technology), blank(enterprise), y, blank(q), p == null ? 0 : p, z == null ? 20 : z);
    }

    List<Listing> apply(List<Listing> all) {
        Predicate<Listing> keep = l -> status == null ? l.status() == ListingStatus.LISTED : l.status() == status;
        if (scenario != null) {
            keep = keep.and(l -> l.product().scenarios() != null && l.product().scenarios().contains(scenario));
        }
        if (productType != null) {
            keep = keep.and(l -> l.product().productType() == productType);
        }
        if (technology != null) {
            keep = keep.and(l -> l.product().keyTechnologies() != null
                    && l.product().keyTechnologies().stream().anyMatch(t -> contains(t, technology)));
        }
        if (enterprise != null) {
            keep = keep.and(l -> contains(l.product().enterprise().name(), enterprise) || enterprise.equals(l.product().enterprise().uscc()));
        }
        if (year != null) {
            keep = keep.and(l -> l.product().callYear() == year);
        }
        if (q != null) {
            // Chinese substring search over product and enterprise names
            keep = keep.and(l -> contains(l.product().productName(), q) || contains(l.product().enterprise().name(), q));
        }
        return all.stream().filter(keep).sorted(Comparator.comparing(ListQuery::sortKey).reversed()
                .thenComparing(Listing::id)).toList();
    }

    private static java.time.Instant sortKey(Listing l) {
        return l.listedAt() != null ? l.listedAt() : l.noticeStartsAt();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "closed-list", "可选值：" + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Integer integer(String field, String value, int min, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                violations.add(new Violation(field, "range", "应在 " + min + " 至 " + max + " 之间"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "integer", "应为整数"));
            return null;
        }
    }

    private static void text(String field, String value, List<Violation> violations) {
        if (value != null && value.codePointCount(0, value.length()) > MAX_TEXT) {
            violations.add(new Violation(field, "max-length", "不超过 " + MAX_TEXT + " 字"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
