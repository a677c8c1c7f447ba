package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five Deployments run the applications as they are configured: the ports of their application.yml, the
 * probes on the management port's health groups, only environment variables the applications read (the names of
 * their application.yml and of docker-compose.yml), MongoDB users as compose has them; and the network lets the
 * Internet reach the gateway only.
 */
class ApplicationsTest {

    private static final List<String> APPS = List.of("gateway", "application-service", "review-service", "listing-service", "notification-service");
    private static final List<String> SERVICES = APPS.subList(1, APPS.size());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static List<JsonNode> objects;

    @BeforeAll
    static void render() {
        objects = Kustomize.render(Kustomize.K8S.resolve("overlays/prod"));
    }

    static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env")
                .forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static JsonNode object(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static String applicationYml(String app) throws IOException {
        return Files.readString(Kustomize.ROOT.resolve(app + "/src/main/resources/application.yml"));
    }

    private static int defaultOf(String yml, String variable) {
        Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(yml);
        assertThat(m.find()).as(variable).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void ports_and_probes_are_those_of_each_application_yml_on_the_management_port() throws IOException {
        for (String app : APPS) {
            String yml = applicationYml(app);
            JsonNode container = object("Deployment", app).path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, Integer> ports = new LinkedHashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).as(app).containsEntry("http", defaultOf(yml, "PORT")).containsEntry("management", defaultOf(yml, "MANAGEMENT_PORT"));
            assertThat(ports.get("management")).isBetween(9080, 9084);
            for (String[] probe : new String[][] {{"readinessProbe", "readiness"}, {"livenessProbe", "liveness"}, {"startupProbe", "liveness"}}) {
                JsonNode get = container.path(probe[0]).path("httpGet");
                assertThat(get.path("path").asText()).as(app + " " + probe[0]).isEqualTo("/actuator/health/" + probe[1]);
                assertThat(get.path("port").asText()).as(app + " " + probe[0]).isEqualTo("management");
            }
            // the Service and the ServiceMonitor: the management port is scraped, under the application's own name
            JsonNode service = object("Service", app);
            assertThat(service.path("spec").path("ports").toString()).contains("\"port\":" + ports.get("management"));
            assertThat(object("ServiceMonitor", app).path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
        }
    }

    @Test
    void every_environment_variable_is_one_the_applications_read() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String app : APPS) {
            Matcher m = PLACEHOLDER.matcher(applicationYml(app));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        // compose's names (SPRING_KAFKA_*, by Spring's relaxed binding), read by the same images
        Matcher compose = Pattern.compile("(?m)^ +([A-Z][A-Z0-9_]+):").matcher(Files.readString(Kustomize.ROOT.resolve("docker-compose.yml")));
        while (compose.find()) {
            read.add(compose.group(1));
        }
        Set<String> unknown = new TreeSet<>();
        for (String app : APPS) {
            for (String name : env(object("Deployment", app)).keySet()) {
                // a Kafka client property by relaxed binding: spring.kafka.properties.ssl.truststore.location, ...
                if (!read.contains(name) && !name.matches("SPRING_KAFKA_PROPERTIES_SSL_[A-Z_]+")) {
                    unknown.add(app + " " + name);
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(env(object("Deployment", "notification-service"))).containsKeys("SMTP_HOST", "MAIL_FROM", "OFFICE_EMAIL", "MEMBERS_EMAIL");
        assertThat(env(object("Deployment", "review-service"))).containsKeys("REVIEW_UI_CLIENT_SECRET", "APPLICATION_SERVICE_URI", "GATEWAY_ADDRESSES");
        // the applicant portal: its login, the inbox it reads for the page, forwarded headers from the gateway only
        assertThat(env(object("Deployment", "application-service"))).containsKeys("REVIEW_UI_CLIENT_SECRET", "NOTIFICATION_SERVICE_URI",
                "GATEWAY_ADDRESSES");
        assertThat(env(object("Deployment", "gateway"))).containsKeys("APPLICATION_SERVICE_URI", "REVIEW_SERVICE_URI",
                "LISTING_SERVICE_URI", "NOTIFICATION_SERVICE_URI", "WEBSITE_ORIGINS", "TRUSTED_PROXIES", "OIDC_ISSUER_URI");
    }

    @Test
    void every_service_has_its_own_mongodb_user_with_readwrite_on_its_own_database_only() throws IOException {
        JsonNode mongo = objects.stream().filter(o -> o.path("kind").asText().equals("MongoDBCommunity")).findFirst().orElseThrow();
        assertThat(mongo.path("spec").path("members").asInt()).isEqualTo(3);
        assertThat(mongo.path("spec").path("type").asText()).isEqualTo("ReplicaSet");
        Map<String, JsonNode> users = new LinkedHashMap<>();
        mongo.path("spec").path("users").forEach(u -> users.put(u.path("name").asText(), u));
        assertThat(users).containsOnlyKeys(SERVICES);
        for (String service : SERVICES) {
            Matcher database = Pattern.compile("(?m)^    database: (\\S+)$").matcher(applicationYml(service));
            assertThat(database.find()).isTrue();
            JsonNode user = users.get(service);
            assertThat(user.path("db").asText()).as(service).isEqualTo(database.group(1));
            assertThat(user.path("roles").size()).isEqualTo(1);
            assertThat(user.path("roles").get(0).path("name").asText()).isEqualTo("readWrite");
            assertThat(user.path("roles").get(0).path("db").asText()).isEqualTo(database.group(1));
            JsonNode uri = env(object("Deployment", service)).get("MONGODB_URI").path("valueFrom").path("secretKeyRef");
            assertThat(uri.path("name").asText()).isEqualTo(user.path("connectionStringSecretName").asText());
            assertThat(uri.path("key").asText()).isEqualTo("connectionString.standard");
        }
        assertThat(env(object("Deployment", "gateway"))).as("the gateway never reaches MongoDB").doesNotContainKey("MONGODB_URI");
    }

    @Test
    void from_the_ingress_only_the_gateway_and_keycloak_are_reached_and_the_gateway_reaches_no_data_store() {
        Set<String> backends = new TreeSet<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("Ingress")).forEach(ingress ->
                ingress.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(path ->
                        backends.add(path.path("backend").path("service").path("name").asText()))));
        assertThat(backends).containsExactlyInAnyOrder("gateway", "qingdan-keycloak-service");
        Set<String> reachableFromIngress = new TreeSet<>();
        for (JsonNode policy : objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).toList()) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("from").toString().contains("ingress-nginx")) {
                    reachableFromIngress.add(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
                }
            }
        }
        assertThat(reachableFromIngress).containsExactly("gateway");
        JsonNode defaultDeny = object("NetworkPolicy", "default-deny");
        for (String app : APPS) {
            JsonNode labels = object("Deployment", app).path("spec").path("template").path("metadata").path("labels");
            assertThat(Policy.selects(defaultDeny.path("spec").path("podSelector"), labels)).as(app + " denied by default").isTrue();
        }
        String gatewayEgress = object("NetworkPolicy", "gateway").path("spec").path("egress").toString();
        assertThat(gatewayEgress).doesNotContain("strimzi.io").doesNotContain("qingdan-mongodb");
    }
}
