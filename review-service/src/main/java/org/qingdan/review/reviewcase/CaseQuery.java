package org.qingdan.review.reviewcase;

import java.util.ArrayList;
import java.util.List;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;

/**
 * One page of a case list: optionally of one status, one call, the open or the finished cases (tab), only those
 * with an overdue review, in one of three orders. The parameters come from a URL, so each is checked and a bad
 * one is a 400 naming it and its rule, never a 5xx and never an unbounded read.
 */
public record CaseQuery(CaseStatus status, String callId, Tab tab, boolean overdue, Order order, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost the database a skip over every earlier entry; 10,000 pages of 100 reach far past 100,000 cases. */
    public static final int MAX_PAGE = 10_000;
    static final int MAX_CALL_ID = 100;

    /** Cases still being worked on, and those finished (decided or closed), which leave the working list. */
    public enum Tab {
        OPEN(CaseStatus.OPEN, CaseStatus.ASSIGNED, CaseStatus.READY_FOR_DECISION),
        DONE(CaseStatus.DECIDED, CaseStatus.CLOSED);

        private final List<CaseStatus> statuses;

        Tab(CaseStatus... statuses) {
            this.statuses = List.of(statuses);
        }

        public List<CaseStatus> statuses() {
            return statuses;
        }
    }

    /** Newest first (the default), oldest first, or the earliest due open review first. */
    public enum Order { NEWEST, OLDEST, DUE }

    public CaseQuery {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " size " + size);
        }
        order = order == null ? Order.NEWEST : order;
    }

    public CaseQuery(CaseStatus status, int page, int size) {
        this(status, null, null, false, Order.NEWEST, page, size);
    }

    public static CaseQuery first() {
        return new CaseQuery(null, 0, DEFAULT_SIZE);
    }

    /** Parses the query parameters {@code status}, {@code page} and {@code size}; absent or blank means the default. */
    public static CaseQuery parse(String status, String page, String size) {
        return parse(status, null, null, null, null, page, size);
    }

    /** All the list's parameters; absent or blank means the default (every call, both tabs, newest first). */
    public static CaseQuery parse(String status, String call, String tab, String overdue, String order, String page, String size) {
        List<Violation> violations = new ArrayList<>();
        CaseStatus s = QueryParameters.closedList(CaseStatus.class, "status", status, violations);
        Tab t = QueryParameters.closedList(Tab.class, "tab", tab, violations);
        Order o = QueryParameters.closedList(Order.class, "sort", order, violations);
        Integer p = QueryParameters.integer("page", page, 0, MAX_PAGE, violations);
        Integer z = QueryParameters.integer("size", size, 1, MAX_SIZE, violations);
        String c = call == null || call.isBlank() ? null : call.trim();
        if (c != null && c.length() > MAX_CALL_ID) {
            violations.add(new Violation("call", "max-length", "征集编号不超过 " + MAX_CALL_ID + " 个字符"));
        }
        boolean late = false;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                violations.add(new Violation("overdue", "boolean", "overdue 只能是 true 或 false"));
            }
            late = overdue.equals("true");
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("分页或筛选参数不正确", violations);
        }
        return new CaseQuery(s, c, t, late, o, p == null ? 0 : p, z == null ? DEFAULT_SIZE : z);
    }

    public long skip() {
        return (long) page * size;
    }
}
