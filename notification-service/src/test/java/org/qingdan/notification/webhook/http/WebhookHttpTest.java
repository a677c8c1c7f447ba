package org.qingdan.notification.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.notification.webhook.domain.TargetPolicy;

/**
 * The sender against receivers on loopback. Names that look public resolve, through the policy's lookup,
 * to fixed addresses: nothing here looks up a name on the network, and every connection that could be made
 * goes to 127.0.0.1.
 */
class WebhookHttpTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    HttpServer receiver;
    final List<String> hits = new CopyOnWriteArrayList<>();
    int port;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        receiver.createContext("/ok", exchange -> {
            hits.add("/ok " + exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            hits.add("/moved");
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/status", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getQuery());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        port = receiver.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    static WebhookHttp sender(TargetPolicy policy) {
        return new WebhookHttp(policy, Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5));
    }

    static TargetPolicy development(String... hosts) {
        return new TargetPolicy(List.of(hosts));
    }

    WebhookHttp.Outcome post(WebhookHttp http, String url) {
        return http.post(URI.create(url), Map.of("X-Test", "1"), "{}");
    }

    @Test
    void a_development_host_gets_its_delivery_and_a_2xx_is_success() throws IOException {
        try (WebhookHttp http = sender(development("127.0.0.1"))) {
            WebhookHttp.Outcome outcome = post(http, "http://127.0.0.1:" + port + "/ok");
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.statusCode()).isEqualTo(204);
            assertThat(hits).containsExactly("/ok 127.0.0.1:" + port);
        }
    }

    @Test
    void the_connection_goes_to_the_address_the_policy_checked_with_the_name_in_the_host_header() throws IOException {
        // hook.test cannot resolve anywhere (.test is reserved): the delivery arrives only because the
        // client connected to the address our lookup returned, not to a second lookup of its own
        TargetPolicy policy = new TargetPolicy(List.of("hook.test"), host -> new InetAddress[] {LOOPBACK});
        try (WebhookHttp http = sender(policy)) {
            assertThat(post(http, "http://hook.test:" + port + "/ok").delivered()).isTrue();
            assertThat(hits).containsExactly("/ok hook.test:" + port);
        }
    }

    @Test
    void a_name_that_resolves_to_an_internal_address_at_send_time_is_refused_without_connecting() throws IOException {
        // DNS rebinding: public when the subscriber registered, loopback when we send
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy policy = new TargetPolicy(List.of(), host -> new InetAddress[] {
                lookups.getAndIncrement() == 0 ? InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}) : LOOPBACK});
        assertThat(policy.resolve("rebind.example")).hasSize(1); // the check at registration: a lookup, no connection
        try (WebhookHttp http = sender(policy)) {
            WebhookHttp.Outcome outcome = post(http, "https://rebind.example:" + port + "/ok");
            assertThat(outcome.error()).isEqualTo("address-not-allowed");
            assertThat(outcome.statusCode()).isNull();
        }
        assertThat(lookups).hasValue(2);
        assertThat(hits).isEmpty();
    }

    @Test
    void plain_http_and_internal_addresses_are_refused_before_any_connection() throws IOException {
        try (WebhookHttp http = sender(development())) {
            assertThat(post(http, "http://127.0.0.1:" + port + "/ok").error()).isEqualTo("address-not-allowed");
            assertThat(post(http, "https://127.0.0.1:" + port + "/ok").error()).isEqualTo("address-not-allowed");
            assertThat(post(http, "https://[::1]:" + port + "/ok").error()).isEqualTo("address-not-allowed");
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void redirects_are_not_followed() throws IOException {
        try (WebhookHttp http = sender(development("127.0.0.1"))) {
            WebhookHttp.Outcome outcome = post(http, "http://127.0.0.1:" + port + "/moved");
            assertThat(outcome.error()).isEqualTo("redirect-not-followed");
            assertThat(outcome.statusCode()).isEqualTo(302);
        }
        assertThat(hits).containsExactly("/moved");
    }

    @Test
    void failures_are_categories_not_messages() throws IOException {
        try (WebhookHttp http = sender(development("127.0.0.1"));
             ServerSocket silent = new ServerSocket(0, 50, LOOPBACK)) {
            assertThat(post(http, "http://127.0.0.1:" + port + "/status?503").error()).isEqualTo("http-5xx");
            assertThat(post(http, "http://127.0.0.1:" + port + "/status?404").error()).isEqualTo("http-4xx");
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
                closed = s.getLocalPort();
            }
            assertThat(post(http, "http://127.0.0.1:" + closed + "/").error()).isEqualTo("refused");
            // accepts, never answers
            assertThat(post(http, "http://127.0.0.1:" + silent.getLocalPort() + "/").error()).isEqualTo("timeout");
        }
    }

    @Test
    void a_server_that_does_not_speak_tls_is_a_tls_failure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, LOOPBACK); WebhookHttp http = sender(development("127.0.0.1"))) {
            Thread server = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (IOException e) {
                    // done
                }
            });
            server.setDaemon(true);
            server.start();
            assertThat(post(http, "https://127.0.0.1:" + plain.getLocalPort() + "/").error()).isEqualTo("tls");
        }
    }

    @Test
    void an_endless_answer_is_cut_off_after_a_few_kilobytes() throws Exception {
        AtomicLong served = new AtomicLong();
        try (ServerSocket endless = new ServerSocket(0, 50, LOOPBACK)) {
            Thread server = new Thread(() -> {
                try (Socket socket = endless.accept(); OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[8192]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes());
                    byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes();
                    while (served.get() < 512L * 1024 * 1024) {
                        out.write(chunk);
                        served.addAndGet(0x2000);
                    }
                } catch (IOException e) {
                    // the client hung up: what we want
                }
            });
            server.setDaemon(true);
            server.start();
            try (WebhookHttp http = sender(development("127.0.0.1"))) {
                long started = System.nanoTime();
                WebhookHttp.Outcome outcome = post(http, "http://127.0.0.1:" + endless.getLocalPort() + "/");
                assertThat(outcome.delivered()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
            server.join(5000);
            assertThat(server.isAlive()).isFalse();
            // the socket buffers hold a few MB at most; nothing near the 512 MB the server would have sent
            assertThat(served.get()).isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void unknown_names_are_a_dns_failure() throws IOException {
        TargetPolicy policy = new TargetPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        });
        try (WebhookHttp http = sender(policy)) {
            assertThat(post(http, "https://nowhere.example/").error()).isEqualTo("dns");
        }
    }
}
