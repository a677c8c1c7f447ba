package org.qingdan.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * Another service as a web UI meets it in a test (application-service's attachments for the reviewer UI,
 * notification-service's inbox for the applicant portal): the JDK's HTTP server on a free loopback port, answering
 * one path with the handler.
 */
public final class StubServer {

    public static HttpServer serve(String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(path, handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its base URL, for the service's property. */
    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private StubServer() {
    }
}
