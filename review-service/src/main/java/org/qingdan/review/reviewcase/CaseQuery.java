package org.qingdan.review.reviewcase;

import java.util.ArrayList;
import java.util.List;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;

/**
 * One page of a case list, optionally of one status. The parameters come from a URL, so each is checked and
 * a bad one is a 400 naming it and its rule, never a 5xx and never an unbounded read.
 */
public record CaseQuery(CaseStatus status, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost the database a skip over every earlier entry; 10,000 pages of 100 reach far past 100,000 cases. */
    public static final int MAX_PAGE = 10_000;

    public CaseQuery {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " size " + size);
        }
    }

    public static CaseQuery first() {
        return new CaseQuery(null, 0, DEFAULT_SIZE);
    }

    /** Parses the query parameters {@code status}, {@code page} and {@code size}; absent or blank means the default. */
    public static CaseQuery parse(String status, String page, String size) {
        List<Violation> violations = new ArrayList<>();
        CaseStatus s = QueryParameters.closedList(CaseStatus.class, "status", status, violations);
        Integer p = QueryParameters.integer("page", page, 0, MAX_PAGE, violations);
        Integer z = QueryParameters.integer("size", size, 1, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("分页或筛选参数不正确", violations);
        }
        return new CaseQuery(s, p == null ? 0 : p, z == null ? DEFAULT_SIZE : z);
    }

    public long skip() {
        return (long) page * size;
    }
}
