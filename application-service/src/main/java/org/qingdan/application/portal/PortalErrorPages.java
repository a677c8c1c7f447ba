package org.qingdan.application.portal;

import org.qingdan.support.ui.UiErrorPages;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The portal's error page, in the user's language: a 404 for an application not the user's, 403 for other roles. */
@ControllerAdvice(assignableTypes = PortalController.class)
class PortalErrorPages extends UiErrorPages {

    PortalErrorPages() {
        super("portal/error");
    }
}
