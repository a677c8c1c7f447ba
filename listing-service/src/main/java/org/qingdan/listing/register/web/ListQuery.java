package org.qingdan.listing.register.web;

import java.util.ArrayList;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.register.domain.ListFilter;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;

/**
 * Filters, search and paging of the public list. Parameters come from anyone on the internet, so each is
 * checked and a bad one is a 400 naming it, never a 5xx. MongoDB filters, sorts (newest first, then by
 * id: stable) and pages; text parameters are matched literally, never as patterns.
 */
record ListQuery(ListingStatus status, ApplicationScenario scenario, ProductType productType, String technology,
                 String enterprise, Integer year, String q, int page, int size) {

    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 50;

    static ListQuery of(String status, String scenario, String productType, String technology, String enterprise,
                        String year, String q, String page, String size) {
        List<Violation> violations = new ArrayList<>();
        ListingStatus s = QueryParameters.closedList(ListingStatus.class, "status", status, violations);
        ApplicationScenario sc = QueryParameters.closedList(ApplicationScenario.class, "scenario", scenario, violations);
        ProductType pt = QueryParameters.closedList(ProductType.class, "productType", productType, violations);
        Integer y = QueryParameters.integer("year", year, 2000, 2100, violations);
        Integer p = QueryParameters.integer("page", page, 0, 10_000, violations);
        Integer z = QueryParameters.integer("size", size, 1, MAX_SIZE, violations);
        text("technology", technology, violations);
        text("enterprise", enterprise, violations);
        text("q", q, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("查询参数不正确", violations);
        }
        return new ListQuery(s, sc, pt, blank(technology), blank(enterprise), y, blank(q), p == null ? 0 : p, z == null ? 20 : z);
    }

    ListFilter filter() {
        return new ListFilter(status, scenario, productType, technology, enterprise, year, q);
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
