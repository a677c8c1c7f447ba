package org.qingdan.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Real HTTP servers standing in for the four services: they echo what reached them. */
final class Backends {

    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> SERVERS = Map.of(
            "application", start("application-service"),
            "review", start("review-service"),
            "listing", start("listing-service"),
            "notification", start("notification-service"));

    private static HttpServer start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, name + "-backend");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                HITS.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                if (path.endsWith("/stream") || path.endsWith("/slow")) {
                    // takes two seconds to answer: an event stream whose first event is a while coming, or a slow request
                    boolean stream = path.endsWith("/stream");
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "text/plain");
                    exchange.sendResponseHeaders(200, 0);
                    try (var out = exchange.getResponseBody()) {
                        out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException gone) {
                        // the gateway gave up waiting
                    }
                    return;
                }
                int status = path.endsWith("/broken") ? 500 : path.endsWith("/flaky") ? 502 : 200;
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                byte[] body = (name + " " + path + "\n" + headers).getBytes(StandardCharsets.UTF_8);
                if (path.startsWith("/api/public/listings")) {
                    exchange.getResponseHeaders().set("Cache-Control", "max-age=60, public, stale-while-revalidate=300");
                }
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uri(String key) {
        return "http://127.0.0.1:" + SERVERS.get(key).getAddress().getPort();
    }

    private Backends() {
    }
}
