package org.qingdan.support.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.RefusalProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page, not a problem document, when a page of a web UI fails: people read it (in their language), scripts use the
 * API. What failed is logged with the trace id; the page shows only the status. A UI extends it as a
 * {@code @ControllerAdvice(assignableTypes = ItsController.class)} naming its error view.
 */
public abstract class UiErrorPages {

    private static final Logger log = LoggerFactory.getLogger(UiErrorPages.class);

    private final String view;

    protected UiErrorPages(String view) {
        this.view = view;
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, HttpServletResponse response, Model model) {
        return page(e.status(), response, model);
    }

    @ExceptionHandler(Refusal.class)
    String refusal(Refusal e, HttpServletResponse response, Model model) {
        return page(RefusalProblems.status(e.kind()), response, model);
    }

    @ExceptionHandler(RuntimeException.class)
    String failure(RuntimeException e, HttpServletResponse response, Model model) {
        log.error("A page of a web UI ({}) failed", view, e);
        return page(500, response, model);
    }

    private String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return view;
    }
}
