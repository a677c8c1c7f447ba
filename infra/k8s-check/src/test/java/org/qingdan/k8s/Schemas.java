package org.qingdan.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The schemas every rendered object is validated against, offline, from the files in {@code infra/k8s-check/schemas}
 * (where each came from: the README there): Kubernetes' own types from its published OpenAPI definitions, and each
 * operator's custom resources from its CustomResourceDefinition's {@code openAPIV3Schema}.
 *
 * <p>Both are made strict as kubeconform's "strict" schemas are: an object that lists its properties admits no
 * other (so a misspelt or misplaced field fails, which the API server would drop or refuse), unless the schema
 * says it keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}). Kubernetes' int-or-string and
 * quantities accept a string or a number, {@code nullable} admits null. What JSON Schema cannot say is not checked:
 * the CEL rules of {@code x-kubernetes-validations} and the API server's own validation (names, selectors that match).
 */
final class Schemas {

    private static final Path DIR = Kustomize.ROOT.resolve("infra/k8s-check/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false).build();
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final ObjectNode definitions;
    /** "apps/v1 Deployment" → the schema of that kind (built-in or custom). */
    private final Map<String, JsonNode> raw = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    private static Schemas instance;

    static synchronized Schemas get() {
        if (instance == null) {
            instance = new Schemas();
        }
        return instance;
    }

    private Schemas() {
        try {
            JsonNode published = JSON.readTree(DIR.resolve("kubernetes/kubernetes-1.35.0-definitions.json").toFile());
            definitions = (ObjectNode) published.get("definitions");
            definitions.fieldNames().forEachRemaining(name -> strictify(definitions.get(name)));
            definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("string", "integer"));
            definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("string", "number"));
            definitions.fields().forEachRemaining(entry -> {
                for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                    String group = gvk.path("group").asText();
                    String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                    String key = apiVersion + " " + gvk.path("kind").asText();
                    if (entry.getKey().startsWith("io.k8s.api.") || !raw.containsKey(key)) {
                        raw.put(key, ref(entry.getKey()));
                    }
                }
            });
            try (Stream<Path> crds = Files.list(DIR.resolve("crds"))) {
                for (Path file : crds.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    for (JsonNode crd : Kustomize.parse(Files.readString(file))) {
                        addCustomResource(crd);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addCustomResource(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            strictify(schema);
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.set("metadata", ref(OBJECT_META));
            // some CRDs (the Keycloak Operator's) do not list the two fields every object has
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            raw.put(group + "/" + version.path("name").asText() + " " + kind, schema);
        }
    }

    /** Kinds known, as "apiVersion Kind". */
    Set<String> kinds() {
        return new TreeSet<>(raw.keySet());
    }

    /** What is wrong with the object; nothing when it is valid. */
    List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        JsonSchema schema = schema(key);
        if (schema == null) {
            problems.add(Kustomize.id(object) + ": no schema for " + key + " in infra/k8s-check/schemas");
            return problems;
        }
        if (object.path("metadata").path("name").asText().isEmpty()) {
            problems.add(Kustomize.id(object) + ": no metadata.name");
        }
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(Kustomize.id(object) + ": " + message.getMessage());
        }
        return problems;
    }

    private synchronized JsonSchema schema(String key) {
        JsonSchema schema = compiled.get(key);
        if (schema == null && raw.containsKey(key)) {
            ObjectNode root = JSON.createObjectNode();
            root.set("definitions", definitions);
            root.putArray("required").add("apiVersion").add("kind").add("metadata");
            root.putArray("allOf").add(raw.get(key));
            schema = FACTORY.getSchema(root, CONFIG);
            compiled.put(key, schema);
        }
        return schema;
    }

    /**
     * Closes every object schema that lists its properties, unless it keeps unknown fields; turns OpenAPI's
     * {@code nullable} and Kubernetes' int-or-string into JSON Schema.
     */
    private static void strictify(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(Schemas::strictify);
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties") && schema.get("properties").isObject() && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("anyOf") && !schema.has("type")) {
            schema.setAll(anyOf("string", "integer"));
        }
        if ("int-or-string".equals(schema.path("format").asText())) {
            schema.remove("format");
            schema.remove("type");
            schema.setAll(anyOf("string", "integer"));
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            schema.putArray("type").add(schema.get("type").asText()).add("null");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("properties") || field.getKey().equals("definitions")) {
                field.getValue().forEach(Schemas::strictify);
            } else if (field.getValue().isContainerNode()) {
                strictify(field.getValue());
            }
        }
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ArrayNode anyOf = schema.putArray("anyOf");
        for (String type : types) {
            anyOf.addObject().put("type", type);
        }
        return schema;
    }

    private static ObjectNode ref(String definition) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("$ref", "#/definitions/" + definition);
        return ref;
    }
}
