package org.qingdan.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.qingdan.testsupport.OidcIssuer;

/**
 * The users of the fault suite, speaking to each service directly (the gateway's rate limits and circuit
 * breaker are not what is under test) with tokens of the suite's OIDC issuer shaped like the realm's demo
 * users. A client that meets a failure does what a careful client does: tries again with the same
 * Idempotency-Key, and counts what it met, so a case can say how many requests failed and how.
 */
final class FaultClient {

    /** One answer: the status (-1: no answer at all, the connection failed or timed out) and the body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String field(String name) {
            return Walkthrough.field(body, name);
        }
    }

    /** The demo users of infra/keycloak/qingdan-realm.json: organisation and role. */
    private static final Map<String, String[]> USERS = Map.of(
            "office", new String[] {"51130000MJ1234561K", "河北省金融市场协会", "office"},
            "committee", new String[] {null, null, "committee"},
            "admin", new String[] {null, null, "admin"},
            "reviewer1", new String[] {"911301006789123452", "河北省金融科技研究院", "reviewer"},
            "reviewer2", new String[] {"91130100401234561E", "丙银行股份有限公司", "reviewer"},
            "reviewer3", new String[] {"12130000400007199N", "河北省金融科技中心", "reviewer"},
            "applicant-a", new String[] {"91130100100003962C", "甲银行股份有限公司", "applicant"},
            "vendor-z", new String[] {"91110108551385082Q", "北京智信科技有限公司", "vendor"},
            "applicant-b", new String[] {"911301027356003226", "乙银行股份有限公司", "applicant"});

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final OidcIssuer issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Server errors (5xx) met, by "METHOD path-pattern status". */
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    /** Requests that got no answer at all (refused, reset, timed out). */
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    /** Where requests go: each service directly (null), or the gateway (its base URL; /dev/ stays on listing-service). */
    private final String gateway;

    FaultClient(OidcIssuer issuer) {
        this(issuer, null);
    }

    FaultClient(OidcIssuer issuer, String gateway) {
        this.issuer = issuer;
        this.gateway = gateway;
    }

    private String target(String path) {
        return gateway != null && !path.startsWith("/dev/") ? gateway : base(path);
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            String[] who = USERS.get(u);
            return issuer.token(u, who[0], who[1], List.of(who[2]));
        });
    }

    /** The service that answers a path (as the gateway routes it). */
    static String base(String path) {
        int port = path.startsWith("/api/reviews") ? 8082
                : path.startsWith("/api/listings") || path.startsWith("/api/public") || path.startsWith("/dev/") ? 8083
                : path.startsWith("/api/notifications") || path.startsWith("/api/webhooks") ? 8084
                : 8081;
        return "http://127.0.0.1:" + port;
    }

    /** One request, once. */
    Answer once(String method, String path, String user, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target(path) + path)).timeout(Duration.ofSeconds(90));
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b, method + " " + path);
    }

    private Answer send(HttpRequest.Builder request, String what) {
        requests.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                serverErrors.add(what.replaceAll("[0-9a-f]{24}|[0-9a-f-]{36}", "{id}") + " " + r.statusCode());
            }
            return new Answer(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            unanswered.incrementAndGet();
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request tried until it gets an answer that is not a failure of the system (no answer, 5xx, 429),
     * for at most {@code patience}; {@code accepted} statuses end it as well (e.g. 409 when a retry finds
     * the first attempt done).
     */
    Answer retrying(Duration patience, String method, String path, String user, String json, String... headers) {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoff = 200;
        while (true) {
            Answer a = once(method, path, user, json, headers);
            if (a.status() >= 0 && a.status() < 500 && a.status() != 429) {
                return a;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " failed for " + patience.toSeconds() + " s; last: " + a);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 3_000);
        }
    }

    /** The same, but the answer must be one of {@code expected}. */
    Answer expect(Duration patience, String method, String path, String user, String json, int... expected) {
        Answer a = retrying(patience, method, path, user, json);
        for (int e : expected) {
            if (a.status() == e) {
                return a;
            }
        }
        throw new IllegalStateException(method + " " + path + ": expected " + java.util.Arrays.toString(expected) + ", got " + a);
    }

    /** A multipart upload of one PDF, once. */
    Answer upload(String applicationId, String fileName) {
        String boundary = "qingdan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = Walkthrough.pdf();
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        String path = "/api/applications/" + applicationId + "/attachments";
        return send(HttpRequest.newBuilder(URI.create(target(path) + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token("applicant-a"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)), "POST " + path);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
