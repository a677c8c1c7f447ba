package org.qingdan.support.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every service's OpenAPI document say the same true things in the same way, once, rather than on each
 * controller:
 * <ul>
 *   <li>the {@code bearer} security scheme (Keycloak's JWT) is required by every operation, except those under
 *       {@code qingdan.security.public-paths}, which declare {@code security: []}; secured operations declare
 *       401 and 403;</li>
 *   <li>every 4xx and 5xx response is an RFC 9457 problem document: {@code application/problem+json} with the
 *       {@code ProblemDetail} schema (type, title, status, detail, traceId and the violations, each with field,
 *       rule and message), whatever the controller's annotation said about its content;</li>
 *   <li>what the shared error handling answers follows from the operation's shape: a body can be unreadable (400),
 *       of another media type (415) or break rules (422); a typed or query parameter can be malformed (400); an
 *       {@code If-Match} header can name a version that is no longer current (412, {@link org.qingdan.support.web.IfMatch});</li>
 *   <li>operation ids are stable and unique: the controller's name without "Controller" and the method's
 *       ({@code applicationOne}, {@code deadLetterAdminReplay}), unless the annotation names one;</li>
 *   <li>the info names the licence and contact, and the server is relative to wherever the document was read.</li>
 * </ul>
 * What depends on the operation's meaning (404, 409, 413, 429, 503, 201) is declared on the operation with
 * {@code @ApiResponse(responseCode = ..., description = ...)}; its content is filled in here.
 */
public class QingdanOpenApi implements OpenApiCustomizer {

    public static final String SCHEME = "bearer";
    public static final String PROBLEM = "ProblemDetail";
    public static final String VIOLATION = "Violation";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "请求参数不正确: a malformed parameter or an unreadable body; each violation names its field and rule",
            "401", "未登录或登录已失效: no valid bearer token (signature, issuer, audience and expiry are checked)",
            "403", "无权访问: the user's roles or organisation do not allow this",
            "404", "未找到: no such resource, or not one the user may see",
            "409", "与当前状态冲突: the resource's state does not allow this, or a concurrent change won",
            "412", "If-Match 不是当前版本: the version named by If-Match is not the current one; read again and retry",
            "415", "不支持的内容类型: the request's Content-Type is not one this operation accepts",
            "422", "请求内容不符合要求: the content breaks rules; every violation is listed with its field and rule",
            "500", "服务器内部错误: an unexpected error, reported with its traceId and never with internals");

    private final OpenApiProperties properties;
    /** null: the service has no resource server, every operation is anonymous. */
    private final List<PathPattern> publicPaths;
    private final String application;

    public QingdanOpenApi(OpenApiProperties properties, List<String> publicPaths, String application) {
        this.properties = properties;
        this.publicPaths = publicPaths == null ? null
                : publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.application = application;
    }

    @Override
    public void customise(OpenAPI api) {
        info(api);
        api.setServers(List.of(new Server().url(properties.getServerUrl()).description(properties.getServerDescription())));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(VIOLATION, violationSchema());
        if (publicPaths != null) {
            components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("An access token from Keycloak (realm qingdan) with the audience qingdan-api"));
            api.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation(path, method, operation)));
    }

    /** Whether the path (an OpenAPI template such as {@code /api/public/listings/{id}}) needs no token. */
    public boolean anonymous(String path) {
        if (publicPaths == null) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(p -> p.matches(container));
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (anonymous(path)) {
            if (publicPaths != null) {
                operation.setSecurity(new ArrayList<>());
            }
        } else {
            operation.setSecurity(null);
            require(operation, "401", "403");
        }
        if (operation.getRequestBody() != null) {
            require(operation, "400", "415", "422");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            if ("query".equals(parameter.getIn()) || ("path".equals(parameter.getIn()) && !isString(parameter.getSchema()))) {
                require(operation, "400");
            }
            if ("header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName())) {
                require(operation, "412");
                if (parameter.getDescription() == null) {
                    parameter.setDescription("The ETag of the last read; the change is refused with 412 when the version moved on");
                }
            }
            if ("header".equals(parameter.getIn()) && "Idempotency-Key".equalsIgnoreCase(parameter.getName())
                    && parameter.getDescription() == null) {
                parameter.setDescription("Repeating a request with the same key and content answers as the first time, creating nothing new");
            }
        }
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problem(code, response);
            }
            sorted.addApiResponse(code, response);
        });
        operation.setResponses(sorted);
    }

    private static void require(Operation operation, String... codes) {
        for (String code : codes) {
            if (!operation.getResponses().containsKey(code)) {
                operation.getResponses().addApiResponse(code, new ApiResponse().description(DESCRIPTIONS.get(code)));
            }
        }
    }

    /** Every error is a problem document, whatever the annotation said about the content. */
    private static void problem(String code, ApiResponse response) {
        String description = response.getDescription();
        if (description == null || description.isBlank() || description.equals(reason(code))) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, reason(code)));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static String reason(String code) {
        try {
            HttpStatus status = HttpStatus.resolve(Integer.parseInt(code));
            return status == null ? code : status.getReasonPhrase();
        } catch (NumberFormatException e) {
            return code;
        }
    }

    private static boolean isString(Schema<?> schema) {
        if (schema == null) {
            return true;
        }
        Set<String> types = schema.getTypes();
        return "string".equals(schema.getType()) || (types != null && types.equals(Set.of("string")))
                || (schema.getType() == null && types == null && schema.get$ref() == null);
    }

    private void info(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        api.setInfo(info);
        if (info.getTitle() == null || info.getTitle().equals("OpenAPI definition")) {
            info.setTitle(("qingdan " + application).trim());
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.setVersion("1");
        }
        if (info.getDescription() == null) {
            info.setDescription("Errors are RFC 9457 problem documents (application/problem+json). "
                    + "Every operation but the anonymous ones needs a bearer token from Keycloak.");
        }
        if (info.getLicense() == null) {
            info.setLicense(new License().name(properties.getLicenseName()).url(properties.getLicenseUrl()));
        }
        if (info.getContact() == null && properties.getContactName() != null) {
            info.setContact(new Contact().name(properties.getContactName()).email(properties.getContactEmail()));
        }
    }

    /** The stable, unique operation id of a handler method, unless its annotation names one. */
    static io.swagger.v3.oas.models.Operation operationId(io.swagger.v3.oas.models.Operation operation, HandlerMethod handler) {
        String method = handler.getMethod().getName();
        String current = operation.getOperationId();
        if (current == null || current.equals(method) || current.matches(java.util.regex.Pattern.quote(method) + "_\\d+")) {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        }
        return operation;
    }

    private static Schema<Object> schema(String type, String description) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        schema.setDescription(description);
        return schema;
    }

    static Schema<Object> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        Schema<Object> type = schema("string", "Stable, language-neutral kind of problem: " + org.qingdan.support.web.Problems.TYPE_BASE
                + "<slug>, e.g. …/validation, …/not-found, …/precondition-failed, …/concurrent-modification");
        type.setFormat("uri");
        properties.put("type", type);
        properties.put("title", schema("string", "Short title for people, in Chinese (e.g. 请求内容不符合要求)"));
        Schema<Object> status = schema("integer", "The HTTP status");
        status.setFormat("int32");
        properties.put("status", status);
        properties.put("detail", schema("string", "What went wrong in this case, for people"));
        Schema<Object> instance = schema("string", "The request's path");
        instance.setFormat("uri-reference");
        properties.put("instance", instance);
        properties.put("traceId", schema("string", "The trace id, also in the X-Trace-Id header and every log line"));
        Schema<Object> errors = schema("array", "Every violated rule at once (validation problems)");
        errors.setItems(new Schema<>().$ref("#/components/schemas/" + VIOLATION));
        properties.put("errors", errors);
        Schema<Object> problem = schema("object", "An RFC 9457 problem document (application/problem+json); never a stack trace. "
                + "Some problems add members of their own, named in the operation's response.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    static Schema<Object> violationSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", schema("string", "The field's path, e.g. participants[2].uscc, or a parameter's name"));
        properties.put("rule", schema("string", "The rule's stable name, e.g. required, uscc-check-character, range"));
        properties.put("message", schema("string", "What to fix, for people, in Chinese"));
        Schema<Object> violation = schema("object", "One violated rule of a request");
        violation.setProperties(properties);
        violation.setRequired(List.of("field", "rule", "message"));
        return violation;
    }
}
