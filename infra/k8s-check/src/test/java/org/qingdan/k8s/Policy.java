package org.qingdan.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every Deployment of a rendered set must have, beyond being valid: each container with a readiness and a
 * liveness probe and CPU and memory requests and limits; a PodDisruptionBudget and a HorizontalPodAutoscaler for it;
 * topology spread; a Service with a ServiceMonitor. And no secret written into any object: no Secret with data, no
 * environment variable that looks like a secret with a literal value, no URI with a password in it.
 */
final class Policy {

    /** Environment variables whose value is a secret: these must come from a Secret (secretKeyRef). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|CREDENTIAL|TOKEN|_KEY|MONGODB_URI).*");
    private static final Pattern URI_WITH_PASSWORD = Pattern.compile("://[^/\\s@:]+:[^/\\s@]+@");

    private Policy() {
    }

    static List<String> violations(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String id = Kustomize.id(object);
            if (object.path("kind").asText().equals("Secret")
                    && (object.path("data").size() > 0 || object.path("stringData").size() > 0)) {
                problems.add(id + ": a Secret with its values in the manifests (create it in the cluster instead)");
            }
            if (URI_WITH_PASSWORD.matcher(object.toString()).find()) {
                problems.add(id + ": a URI with a password in it");
            }
            if (!object.path("kind").asText().equals("Deployment")) {
                continue;
            }
            JsonNode pod = object.path("spec").path("template");
            JsonNode labels = pod.path("metadata").path("labels");
            for (JsonNode container : pod.path("spec").path("containers")) {
                String where = id + " container " + container.path("name").asText();
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (container.path(probe).isMissingNode() || container.path(probe).isEmpty()) {
                        problems.add(where + ": no " + probe);
                    }
                }
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(kind).path(resource).isMissingNode()) {
                            problems.add(where + ": no " + resource + " " + kind);
                        }
                    }
                }
                for (JsonNode env : container.path("env")) {
                    if (SECRET_NAME.matcher(env.path("name").asText()).matches() && env.has("value")) {
                        problems.add(where + ": " + env.path("name").asText() + " is written in the manifest, not read from a Secret");
                    }
                }
            }
            if (pod.path("spec").path("topologySpreadConstraints").isEmpty()) {
                problems.add(id + ": no topologySpreadConstraints");
            }
            String name = object.path("metadata").path("name").asText();
            if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("PodDisruptionBudget")
                    && selects(o.path("spec").path("selector"), labels))) {
                problems.add(id + ": no PodDisruptionBudget selects its pods");
            }
            if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler")
                    && o.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                    && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name))) {
                problems.add(id + ": no HorizontalPodAutoscaler scales it");
            }
            List<JsonNode> services = objects.stream().filter(o -> o.path("kind").asText().equals("Service")
                    && !o.path("spec").path("selector").isEmpty() && matches(o.path("spec").path("selector"), labels)).toList();
            if (services.isEmpty()) {
                problems.add(id + ": no Service selects its pods");
            } else if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("ServiceMonitor")
                    && services.stream().anyMatch(s -> selects(o.path("spec").path("selector"), s.path("metadata").path("labels"))))) {
                problems.add(id + ": no ServiceMonitor scrapes its Service");
            }
        }
        return problems;
    }

    /** A label selector (matchLabels and matchExpressions In) that selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        if (!matches(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            boolean in = false;
            for (JsonNode v : expression.path("values")) {
                in |= v.asText().equals(value);
            }
            switch (expression.path("operator").asText()) {
                case "In" -> { if (!in) return false; }
                case "NotIn" -> { if (in) return false; }
                case "Exists" -> { if (value == null) return false; }
                case "DoesNotExist" -> { if (value != null) return false; }
                default -> { return false; }
            }
        }
        return true;
    }

    private static boolean matches(JsonNode matchLabels, JsonNode labels) {
        Iterator<Map.Entry<String, JsonNode>> wanted = matchLabels.fields();
        while (wanted.hasNext()) {
            Map.Entry<String, JsonNode> label = wanted.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
