package org.qingdan.support.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The port actuator answers on once its own server started ({@code management.server.port}; the management
 * context's event reaches the application's context too). The security chain serves both servers; this
 * tells their requests apart by the port they arrived on, never by a path or a header, so nothing sent
 * to the public port can pass for a management request.
 */
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Requests that arrived on a separate management port; none while actuator shares the application's port. */
    public RequestMatcher matcher() {
        return request -> port > 0 && request.getLocalPort() == port;
    }
}
