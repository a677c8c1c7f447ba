package org.qingdan.application.shared;

import java.util.List;
import org.qingdan.application.application.domain.ApplicationRefused;
import org.qingdan.application.call.domain.Call;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The domain's refusals as problem documents naming each field and rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainProblemsAdvice {

    @ExceptionHandler(ApplicationRefused.class)
    ResponseEntity<ProblemDetail> refused(ApplicationRefused e) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.field(), v.rule(), v.message())).toList();
        ProblemDetail problem = switch (e.kind()) {
            case INVALID -> Problems.of(422, "validation", "申报内容不符合要求", e.getMessage());
            case INADMISSIBLE -> Problems.of(422, "inadmissible", "不予受理", e.getMessage());
            case WRONG_STATE -> Problems.of(409, "wrong-state", "当前状态不允许此操作", e.getMessage());
            case CALL_NOT_OPEN -> Problems.of(409, "call-not-open", "征集未开放", e.getMessage());
            // a state of the application to be reached (the participants' answers), not a fault of the request
            case PARTICIPANTS_UNCONFIRMED -> Problems.of(409, "participants-unconfirmed", "参与机构尚未全部确认", e.getMessage());
            case ROLE_CHANGED -> Problems.of(409, "participant-role-changed", "分工已变更", e.getMessage());
            case NOT_PARTICIPANT -> Problems.of(404, "not-found", "申报不存在", e.getMessage());
        };
        return Problems.response(Problems.withViolations(problem, violations));
    }

    @ExceptionHandler(Call.Refused.class)
    ResponseEntity<ProblemDetail> callRefused(Call.Refused e) {
        boolean wrongState = e.problems().stream().anyMatch(p -> p.rule().equals("wrong-state"));
        ProblemDetail problem = wrongState
                ? Problems.of(409, "wrong-state", "当前状态不允许此操作", e.getMessage())
                : Problems.of(422, "validation", "征集设置不符合要求", e.getMessage());
        return Problems.response(Problems.withViolations(problem,
                e.problems().stream().map(p -> new Violation(p.field(), p.rule(), p.message())).toList()));
    }
}
