package org.qingdan.review.ui;

import org.springframework.web.bind.annotation.ControllerAdvice;

/** The reviewer UI's error page (service-support's {@link org.qingdan.support.ui.UiErrorPages}). */
@ControllerAdvice(assignableTypes = ReviewUiController.class)
class UiErrorPages extends org.qingdan.support.ui.UiErrorPages {

    UiErrorPages() {
        super("review/error");
    }
}
