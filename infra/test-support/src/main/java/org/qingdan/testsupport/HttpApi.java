package org.qingdan.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for integration tests, speaking to a running service as a user or a website would. */
public class HttpApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public HttpApi(int port) {
        this.port = port;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String etag() {
            return headers.firstValue("ETag").orElseThrow();
        }
    }

    /** A token of the shared OIDC issuer for a user of an organisation (null for none). */
    public static String token(String username, String orgUscc, String orgName, String... roles) {
        return RealInfrastructure.oidc().token(username, orgUscc, orgName, List.of(roles));
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response put(String path, String token, Object body, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A multipart upload; {@code chunked} streams it without Content-Length, as a browser may. */
    public Response upload(String path, String token, String fileName, byte[] content, boolean chunked) {
        String boundary = "qingdan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (chunked) {
            Supplier<InputStream> stream = () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(content),
                    new java.io.ByteArrayInputStream(tail))));
            request.POST(HttpRequest.BodyPublishers.ofInputStream(stream));
        } else {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(head);
            all.writeBytes(content);
            all.writeBytes(tail);
            request.POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray()));
        }
        return send(request);
    }

    /**
     * A multipart form: text fields (a field may repeat) and files (name → content), each file under the part
     * name {@code files}.
     */
    public Response multipart(String path, String token, List<Map.Entry<String, String>> fields, Map<String, byte[]> files,
                              String... headers) {
        String boundary = "qingdan-" + UUID.randomUUID();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        files.forEach((name, content) -> {
            all.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(content);
            all.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, token, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())));
    }

    /** A CORS preflight from {@code origin}. */
    public Response options(String path, String origin) {
        return send(request(path, null, "Origin", origin, "Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** GET with extra headers, e.g. If-None-Match. */
    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    public HttpResponse<byte[]> download(String path, String token) {
        try {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
