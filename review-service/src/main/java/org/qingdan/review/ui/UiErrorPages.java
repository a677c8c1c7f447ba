package org.qingdan.review.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.qingdan.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page, not a problem document, when a page of the UI fails: people read it (in their language), scripts use the
 * API. What failed is logged with the trace id; the page shows only the status.
 */
@ControllerAdvice(assignableTypes = ReviewUiController.class)
class UiErrorPages {

    private static final Logger log = LoggerFactory.getLogger(UiErrorPages.class);

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, HttpServletResponse response, Model model) {
        return page(e.status(), response, model);
    }

    @ExceptionHandler(RuntimeException.class)
    String failure(RuntimeException e, HttpServletResponse response, Model model) {
        log.error("A page of the reviewer UI failed", e);
        return page(500, response, model);
    }

    private static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "review/error";
    }
}
