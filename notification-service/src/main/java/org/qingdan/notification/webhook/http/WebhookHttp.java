package org.qingdan.notification.webhook.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.qingdan.notification.webhook.domain.TargetPolicy;

/**
 * The one way webhook requests leave the service. Every connection goes to an address the
 * {@link TargetPolicy} has just checked: the policy is the HTTP client's DNS resolver, so the address
 * checked is the address connected to (a host that resolves to a public address when checked and to an
 * internal one a moment later, DNS rebinding, never gets the second lookup). TLS still verifies the
 * certificate against the host name, which is also what SNI and the Host header carry. No redirects are
 * followed, no system proxy is used, no cookies are kept; at most {@link #MAX_RESPONSE_BYTES} of an answer
 * are read, the rest is cut off with the connection; a whole exchange is abandoned after
 * {@code deadline}. Errors are reported as a category, never as the exception's text, which could show
 * the internal network to whoever reads the subscriber's status.
 */
public class WebhookHttp implements AutoCloseable {

    /** What we read of an answer at most: the status matters, the body does not. */
    public static final int MAX_RESPONSE_BYTES = 4096;

    /** The categories an office user sees for a failed delivery. */
    public static final List<String> CATEGORIES = List.of("timeout", "refused", "tls", "dns", "address-not-allowed",
            "redirect-not-followed", "http-4xx", "http-5xx", "http-other", "network");

    /** An answer's status code, or null if none came, and the category of failure, null on a 2xx answer. */
    public record Outcome(Integer statusCode, String error) {
        public boolean delivered() {
            return error == null;
        }
    }

    private final TargetPolicy policy;
    private final CloseableHttpClient client;
    private final Duration deadline;

    public WebhookHttp(TargetPolicy policy, Duration connectTimeout, Duration readTimeout, Duration deadline) {
        this.policy = policy;
        this.deadline = deadline;
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return Arrays.stream(policy.resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked for: no Kerberos/SPNEGO here
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout)).build())
                        .setMaxConnPerRoute(2).setMaxConnTotal(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("qingdan-webhooks/1")
                .build();
    }

    /** Posts {@code body} as JSON to {@code uri}; the URL is checked again first (the allow-list may have changed). */
    public Outcome post(URI uri, Map<String, String> headers, String body) {
        if (policy.refuseUrl(uri).isPresent()) {
            return new Outcome(null, "address-not-allowed");
        }
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        AtomicBoolean finished = new AtomicBoolean();
        CompletableFuture.runAsync(() -> {
            if (!finished.get()) {
                post.cancel(); // a subscriber that drips its answer byte by byte holds up no one for long
            }
        }, CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS));
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, post, null);
        } catch (IOException e) {
            finished.set(true);
            return new Outcome(null, category(e));
        }
        try {
            int status = response.getCode();
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    if (in.readNBytes(MAX_RESPONSE_BYTES).length == MAX_RESPONSE_BYTES && in.read() >= 0) {
                        post.cancel(); // more than we read: drop the connection rather than drain it on close
                    }
                } catch (IOException e) {
                    // the status is what counts; a body cut off is no failure
                }
            }
            return new Outcome(status, category(status));
        } finally {
            finished.set(true);
            try {
                response.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
        }
    }

    static String category(int status) {
        if (status / 100 == 2) {
            return null;
        }
        return switch (status / 100) {
            case 3 -> "redirect-not-followed";
            case 4 -> "http-4xx";
            case 5 -> "http-5xx";
            default -> "http-other";
        };
    }

    static String category(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TargetPolicy.AddressNotAllowed) {
                return "address-not-allowed";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "refused";
            }
            if (t instanceof InterruptedIOException) {
                return "timeout"; // connect and read timeouts, and our deadline
            }
            if (t instanceof UnknownHostException) {
                return "dns";
            }
        }
        return "network";
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
