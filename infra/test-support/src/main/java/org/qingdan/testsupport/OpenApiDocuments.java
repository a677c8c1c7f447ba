package org.qingdan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A running service's OpenAPI document, as a client reads it: fetched from {@code /v3/api-docs}, written to
 * {@code target/openapi/<service>.json} for the external linter ({@code .ci/openapi-lint}), and checked: every
 * operation has a summary and a unique operationId; every 4xx and 5xx response is a problem document
 * ({@code application/problem+json}, the {@code ProblemDetail} schema); the operations that take a body declare
 * 400, 415 and 422, those with {@code If-Match} 412; every operation but the anonymous ones requires the bearer
 * scheme, declares 401 and 403, and really answers 401 without a token.
 */
public final class OpenApiDocuments {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One operation of a document: its method, path template and node. */
    public record Operation(String method, String path, JsonNode node) {
        public String name() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    /** Fetches the document of the service on {@code port} and writes it, indented, to {@code target/openapi/<service>.json}. */
    public static JsonNode fetchAndWrite(int port, String service) {
        HttpResponse<String> response = send(port, "GET", "/v3/api-docs", false);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode document = HttpApi.JSON.readTree(response.body());
        try {
            Path file = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)
                    + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document;
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** True when the operation needs no token: its own {@code security} (or else the document's) is empty. */
    public static boolean anonymous(JsonNode document, Operation operation) {
        JsonNode security = operation.node().has("security") ? operation.node().get("security") : document.get("security");
        return security == null || security.isEmpty();
    }

    /**
     * What the document lacks, one line per gap (empty: nothing). {@code anonymous}: the operations
     * ({@code "GET /api/public/calls"}) that need no token; every other one must require the bearer scheme.
     */
    public static List<String> gaps(JsonNode document, Set<String> anonymous) {
        List<String> gaps = new ArrayList<>();
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        if (!"http".equals(bearer.path("type").asString("")) || !"bearer".equals(bearer.path("scheme").asString(""))) {
            gaps.add("components.securitySchemes.bearer is not an http bearer scheme: " + bearer);
        }
        JsonNode problem = document.path("components").path("schemas").path("ProblemDetail");
        for (String property : List.of("type", "title", "status", "detail", "errors")) {
            if (!problem.path("properties").has(property)) {
                gaps.add("components.schemas.ProblemDetail has no property " + property);
            }
        }
        if (document.path("info").path("license").path("name").asString("").isBlank()) {
            gaps.add("info.license has no name");
        }
        Set<String> operationIds = new HashSet<>();
        Set<String> declaredAnonymous = new TreeSet<>();
        for (Operation op : operations(document)) {
            JsonNode node = op.node();
            if (node.path("summary").asString("").isBlank()) {
                gaps.add(op.name() + ": no summary");
            }
            String operationId = node.path("operationId").asString("");
            if (operationId.isBlank() || !operationIds.add(operationId)) {
                gaps.add(op.name() + ": operationId '" + operationId + "' missing or not unique");
            }
            if (!node.path("tags").isArray() || node.path("tags").isEmpty()) {
                gaps.add(op.name() + ": no tag");
            }
            JsonNode responses = node.path("responses");
            boolean success = false;
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                String code = response.getKey();
                if (code.startsWith("2") || code.startsWith("3")) {
                    success = true;
                }
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    if (content.size() != 1 || !PROBLEM_SCHEMA.equals(content.path(PROBLEM_JSON).path("schema").path("$ref").asString(""))) {
                        gaps.add(op.name() + ": " + code + " is not " + PROBLEM_JSON + " with " + PROBLEM_SCHEMA + ": " + content);
                    }
                    if (response.getValue().path("description").asString("").isBlank()) {
                        gaps.add(op.name() + ": " + code + " has no description");
                    }
                }
            }
            if (!success) {
                gaps.add(op.name() + ": no 2xx or 3xx response");
            }
            if (node.has("requestBody")) {
                require(gaps, op, "400", "415", "422");
            }
            if (hasParameter(node, "header", "If-Match")) {
                require(gaps, op, "412");
            }
            if (anonymous(document, op)) {
                declaredAnonymous.add(op.name());
            } else {
                JsonNode security = node.has("security") ? node.get("security") : document.get("security");
                boolean needsBearer = false;
                for (JsonNode requirement : security) {
                    needsBearer |= requirement.has("bearer");
                }
                if (!needsBearer) {
                    gaps.add(op.name() + ": security " + security + " does not name the bearer scheme");
                }
                require(gaps, op, "401", "403");
            }
        }
        if (!declaredAnonymous.equals(new TreeSet<>(anonymous))) {
            gaps.add("anonymous operations: declared " + declaredAnonymous + ", expected " + new TreeSet<>(anonymous));
        }
        return gaps;
    }

    /**
     * The operations the document says need a token that answer something else than 401 without one
     * (empty: all 401). The path parameters are filled with {@code x}; the security filter answers before any handler.
     */
    public static List<String> securedButOpen(int port, JsonNode document) {
        List<String> open = new ArrayList<>();
        for (Operation op : operations(document)) {
            if (!anonymous(document, op)) {
                String path = op.path().replaceAll("\\{[^}]+}", "x");
                int status = send(port, op.method().toUpperCase(java.util.Locale.ROOT), path, true).statusCode();
                if (status != 401) {
                    open.add(op.name() + " answered " + status + " without a token");
                }
            }
        }
        return open;
    }

    private static void require(List<String> gaps, Operation op, String... codes) {
        for (String code : codes) {
            if (!op.node().path("responses").has(code)) {
                gaps.add(op.name() + ": no " + code + " response");
            }
        }
    }

    private static boolean hasParameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (in.equals(parameter.path("in").asString("")) && name.equalsIgnoreCase(parameter.path("name").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> send(int port, String method, String path, boolean withBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(10));
        if (withBody && !method.equals("GET") && !method.equals("HEAD")) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private OpenApiDocuments() {
    }
}
