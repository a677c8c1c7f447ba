package org.qingdan.support.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.support.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem document ({@code application/problem+json}): a stable type, a
 * Chinese title, the field-level violations, the trace id, and never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return respond(Problems.withViolations(Problems.of(e.status(), e.type(), e.title(), e.getMessage()), e.violations()));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        return RefusalProblems.response(e);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), ruleOf(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()))
                .toList();
        return respond(Problems.withViolations(Problems.of(400, "validation", "请求内容不符合要求", "请修正标出的字段"), violations));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.withViolations(Problems.of(400, "validation", "请求内容不符合要求", "参数格式不正确"),
                List.of(new Violation(e.getName(), "type", "值 '" + e.getValue() + "' 的格式不正确"))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return respond(Problems.of(409, "concurrent-modification", "数据已被他人修改", "数据已被他人修改，请刷新后重试"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(Problems.of(409, "duplicate", "记录已存在", "同一记录已存在"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(Problems.of(403, "forbidden", "无权访问", "当前用户无权执行此操作"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(Problems.of(401, "unauthenticated", "未登录或登录已失效", "请先登录"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(Problems.of(500, "internal", "服务器内部错误", "服务器内部错误，请稍后重试；如持续出现请提供 traceId"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), ruleOf(error.getCode()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new Violation(error.getObjectName(), ruleOf(error.getCode()), error.getDefaultMessage())));
        return cast(respond(Problems.withViolations(Problems.of(400, "validation", "请求内容不符合要求", "请修正标出的字段"), violations)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value of the wrong type or outside a closed list: name the field, as for any other violation
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = fieldPath(jackson.getPath());
            boolean closedList = cause instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                    && invalid.getTargetType() != null && invalid.getTargetType().isEnum();
            String rule = closedList ? "closed-list" : "type";
            String message = closedList
                    ? "取值不在允许的范围内，可选：" + java.util.Arrays.toString(
                            ((tools.jackson.databind.exc.InvalidFormatException) cause).getTargetType().getEnumConstants())
                    : "取值的类型或格式不正确";
            return cast(respond(Problems.withViolations(Problems.of(400, "validation", "请求内容不符合要求", "请修正标出的字段"),
                    List.of(new Violation(field, rule, message)))));
        }
        return cast(respond(Problems.of(400, "unreadable", "请求内容无法解析", "请求体不是有效的 JSON，或字段类型不正确")));
    }

    /** Jackson's reference path as our field paths: {@code product.scenarios[1]}. */
    static String fieldPath(List<tools.jackson.core.JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Spring MVC's own exceptions (404, 405, 415, ...): keep their status, give them our shape
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        ProblemDetail ours = Problems.of(status.value(), "http-" + status.value(),
                problem.getTitle() == null ? "请求无法处理" : problem.getTitle(), problem.getDetail());
        return cast(respond(ours, headers));
    }

    private static String ruleOf(String code) {
        if (code == null) {
            return "invalid";
        }
        // NotBlank -> not-blank: stable, language-neutral rule names
        return code.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
