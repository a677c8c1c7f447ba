package org.qingdan.support.files;

import java.util.List;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Uploaded files, for the services that take them (those with Tika and PDFBox on their class path): the content
 * inspector, {@link Uploads} with {@code qingdan.attachments.max-size} (20 MB by default), and every refusal as a
 * problem naming the field {@code file} and the rule.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.apache.tika.detect.Detector", "org.apache.pdfbox.Loader"})
public class FilesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ContentInspector contentInspector() {
        return new ContentInspector();
    }

    @Bean
    @ConditionalOnMissingBean
    public Uploads uploads(ContentInspector inspector, @Value("${qingdan.attachments.max-size:20MB}") DataSize maxSize) {
        return new Uploads(inspector, maxSize);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FileProblems fileProblems() {
        return new FileProblems();
    }

    /** A refused file as a problem document: status, the rule as its type, the field {@code file}. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class FileProblems {

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
}
