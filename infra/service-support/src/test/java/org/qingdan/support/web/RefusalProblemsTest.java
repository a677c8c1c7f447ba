package org.qingdan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingdan.support.domain.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each kind of refusal as its problem document, and the same document as the ProblemException the services threw before. */
class RefusalProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @ParameterizedTest
    @CsvSource({
            "INVALID,   422, validation, 请求内容不符合要求",
            "CONFLICT,  409, conflict,   与当前状态冲突",
            "NOT_FOUND, 404, not-found,  未找到",
            "FORBIDDEN, 403, forbidden,  无权访问",
            "PRECONDITION_FAILED, 412, precondition-failed, 数据已被他人修改",
            "BAD_REQUEST, 400, validation, 请求参数不正确",
            "UNAVAILABLE, 503, service-unavailable, 服务暂不可用",
    })
    void each_kind_has_its_status_type_and_title(Refusal.Kind kind, int status, String type, String title) {
        ResponseEntity<ProblemDetail> response = advice.refusal(new Refusal(kind, "说明"));

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).isEqualTo(URI.create(Problems.TYPE_BASE + type));
        assertThat(problem.getTitle()).isEqualTo(title);
        assertThat(problem.getDetail()).isEqualTo("说明");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void the_factories_answer_as_those_of_problem_exception_did() {
        List<Refusal.Violation> violations = List.of(new Refusal.Violation("url", "https-only", "须为 https 地址"));
        List<Violation> same = List.of(new Violation("url", "https-only", "须为 https 地址"));

        assertSame(Refusal.invalid("订阅设置不正确", violations), ProblemException.invalid("订阅设置不正确", same));
        assertSame(Refusal.notFound("订阅 s1 不存在"), ProblemException.notFound("订阅 s1 不存在"));
        assertSame(Refusal.forbidden("无权"), ProblemException.forbidden("无权"));
        assertSame(Refusal.conflict("announcement-final", "已定稿"), ProblemException.conflict("announcement-final", "已定稿"));
        assertSame(Refusal.badRequest("分页参数不正确", List.of(new Refusal.Violation("size", "range", "size 为 1 至 100"))),
                ProblemException.badRequest("分页参数不正确", List.of(new Violation("size", "range", "size 为 1 至 100"))));
    }

    @Test
    void service_supports_own_refusals_answer_as_its_problem_exceptions_did() {
        // a dead letter's broker that does not answer, as DeadLetters threw it before it refused without HTTP
        assertSame(new Refusal(Refusal.Kind.UNAVAILABLE, "broker-unavailable", "消息代理暂不可用", "Could not read t.DLT",
                        null, null, List.of()),
                new ProblemException(503, "broker-unavailable", "消息代理暂不可用", "Could not read t.DLT", List.of()));
    }

    @Test
    void a_refusal_naming_its_type_and_title_answers_with_them() {
        ProblemDetail problem = advice.refusal(new Refusal(Refusal.Kind.CONFLICT, "call-not-open", "征集未开放", "征集已截止",
                null, null, List.of())).getBody();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(URI.create(Problems.TYPE_BASE + "call-not-open"));
        assertThat(problem.getTitle()).isEqualTo("征集未开放");
    }

    @Test
    void a_wrong_state_has_its_one_title() {
        ProblemDetail problem = advice.refusal(Refusal.wrongState("只有投递失败的邮件可以重试")).getBody();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(URI.create(Problems.TYPE_BASE + "wrong-state"));
        assertThat(problem.getTitle()).isEqualTo("当前状态不允许此操作");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void a_refusal_of_one_field_names_its_rule_and_lists_the_field_as_its_one_violation() {
        ProblemDetail problem = advice.refusal(new Refusal(Refusal.Kind.INVALID, null, null, "必填", "reason", "required",
                List.of())).getBody();

        assertThat(problem.getProperties()).containsExactly(
                Map.entry("rule", "required"),
                Map.entry("errors", List.of(new Violation("reason", "required", "必填"))));
    }

    @Test
    void a_refusal_of_a_state_names_its_rule_and_lists_no_violations() {
        ProblemDetail problem = advice.refusal(new Refusal(Refusal.Kind.CONFLICT, "wrong-state", "当前状态不允许此操作", "该异议已处理",
                null, "already-decided", List.of())).getBody();

        assertThat(problem.getProperties()).containsExactly(Map.entry("rule", "already-decided"));
    }

    @Test
    void several_violations_are_listed_in_order_and_members_of_a_service_come_before_them() {
        Refusal refusal = new Refusal(Refusal.Kind.INVALID, null, "申报内容不符合要求", "申报表有 2 处需要修改", null, null, List.of(
                new Refusal.Violation("product.name", "required", "必填"),
                new Refusal.Violation("participants[1].uscc", "uscc-check-character", "校验码不正确")));

        ProblemDetail problem = RefusalProblems.problem(refusal, Map.of("findings", List.of("f1")));

        assertThat(problem.getTitle()).isEqualTo("申报内容不符合要求");
        assertThat(problem.getProperties()).containsExactly(
                Map.entry("findings", List.of("f1")),
                Map.entry("errors", List.of(new Violation("product.name", "required", "必填"),
                        new Violation("participants[1].uscc", "uscc-check-character", "校验码不正确"))));
    }

    @Test
    void a_stale_version_and_a_reused_idempotency_key_answer_as_before() {
        assertSame(catching(() -> IfMatch.require(3L, 4L)), new ProblemException(412, "precondition-failed", "数据已被他人修改",
                "If-Match 指定的版本 3 已不是最新版本（当前 4），请刷新后重试", List.of()));
        assertSame(catching(() -> Idempotency.replay("x", "a", "b")), new ProblemException(422, "idempotency-key-reused",
                "幂等键已用于另一请求", "Idempotency-Key 已用于内容不同的请求，请换一个键", List.of()));
    }

    private static Refusal catching(Runnable refused) {
        try {
            refused.run();
        } catch (Refusal e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private void assertSame(Refusal refusal, ProblemException before) {
        ResponseEntity<ProblemDetail> now = advice.refusal(refusal);
        ResponseEntity<ProblemDetail> then = advice.problem(before);
        assertThat(now.getStatusCode()).isEqualTo(then.getStatusCode());
        assertThat(now.getHeaders()).isEqualTo(then.getHeaders());
        assertThat(now.getBody()).isEqualTo(then.getBody());
    }
}
