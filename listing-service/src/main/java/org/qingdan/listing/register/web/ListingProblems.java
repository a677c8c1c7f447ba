package org.qingdan.listing.register.web;

import java.util.List;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The list's refusals (listings, objections, reports) as problem documents naming the field and rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ListingProblems {

    @ExceptionHandler(ListingRefused.class)
    ResponseEntity<ProblemDetail> refused(ListingRefused e) {
        ProblemDetail problem = switch (e.kind()) {
            case NOT_FOUND -> Problems.of(404, "not-found", "未找到", e.getMessage());
            case WRONG_STATE -> Problems.of(409, "wrong-state", "当前状态不允许此操作", e.getMessage());
            case INVALID -> Problems.of(422, "validation", "请求内容不符合要求", e.getMessage());
        };
        problem.setProperty("rule", e.rule()); // which rule refused it, also when no field is to blame (a state)
        List<Violation> violations = e.field() == null ? List.of() : List.of(new Violation(e.field(), e.rule(), e.getMessage()));
        return Problems.response(Problems.withViolations(problem, violations));
    }
}
