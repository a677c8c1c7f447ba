package org.qingdan.support.files.web;

import java.util.List;
import org.qingdan.support.files.FileRejected;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A refused file as a problem document: status, the rule as its type, the field {@code file}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FileProblems {

    @ExceptionHandler(FileRejected.class)
    ResponseEntity<ProblemDetail> rejected(FileRejected e) {
        return Problems.response(Problems.withViolations(Problems.of(e.status(), e.rule(), "附件不符合要求", e.getMessage()),
                List.of(new Violation("file", e.rule(), e.getMessage()))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(Problems.withViolations(
                Problems.of(413, "attachment-too-large", "附件不符合要求", "附件超过大小上限"),
                List.of(new Violation("file", "attachment-too-large", "附件超过大小上限"))));
    }
}
