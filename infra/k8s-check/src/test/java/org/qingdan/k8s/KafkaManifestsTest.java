package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;

/**
 * Kafka on Kubernetes is the Kafka of compose: the same topics (the contracts' and their dead-letter topics,
 * infra/kafka/topics.conf), the same users and ACLs (infra/kafka/acls.conf), now replicated three times with
 * min.insync.replicas 2, and enough partitions for every instance the autoscalers may start.
 */
class KafkaManifestsTest {

    private static List<JsonNode> objects;

    @BeforeAll
    static void render() {
        objects = Kustomize.render(Kustomize.K8S.resolve("overlays/prod"));
    }

    private static List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void the_topics_are_the_contracts_topics_and_their_dead_letter_topics_as_in_compose() throws IOException {
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetterOf(t));
        });
        Set<String> compose = Files.readAllLines(Kustomize.ROOT.resolve("infra/kafka/topics.conf")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = ofKind("KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected).isEqualTo(compose);
    }

    @Test
    void every_topic_has_three_replicas_two_in_sync_and_partitions_for_every_instance() {
        int mostInstances = ofKind("HorizontalPodAutoscaler").stream()
                .mapToInt(h -> h.path("spec").path("maxReplicas").asInt()).max().orElseThrow();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText();
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name).isEqualTo("qingdan");
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            if (!name.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                // a consumer group gives a partition to one instance: fewer partitions than instances leaves some idle
                assertThat(topic.path("spec").path("partitions").asInt()).as(name).isGreaterThanOrEqualTo(mostInstances);
            }
        }
        JsonNode kafka = ofKind("Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.path("config").path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        JsonNode pool = ofKind("KafkaNodePool").get(0).path("spec");
        assertThat(pool.path("replicas").asInt()).isEqualTo(3);
        assertThat(pool.path("roles").toString()).contains("controller").contains("broker");
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("authentication").path("type").asText()).as(listener.toString()).isEqualTo("scram-sha-512");
            assertThat(listener.path("tls").asBoolean()).as(listener.toString()).isTrue();
        }
    }

    @Test
    void every_service_has_a_scram_user_with_exactly_the_acls_of_compose() throws IOException {
        Map<String, Set<String>> compose = new TreeMap<>();
        for (String line : Files.readAllLines(Kustomize.ROOT.resolve("infra/kafka/acls.conf"))) {
            String[] f = line.strip().split("\\s+");
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            // principal operation type pattern name
            compose.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1] + " " + f[2] + " " + f[3] + " " + f[4]);
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (JsonNode user : ofKind("KafkaUser")) {
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
            Set<String> acls = declared.computeIfAbsent(user.path("metadata").path("name").asText(), k -> new TreeSet<>());
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                JsonNode resource = acl.path("resource");
                String pattern = resource.path("patternType").asText("literal").equals("prefix") ? "prefixed" : "literal";
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(operation.asText() + " " + resource.path("type").asText() + " " + pattern + " " + resource.path("name").asText());
                }
            }
        }
        assertThat(declared).isEqualTo(compose);
        assertThat(declared).containsOnlyKeys("application-service", "review-service", "listing-service", "notification-service");
    }

    @Test
    void each_service_signs_in_to_kafka_as_its_own_user_over_tls_with_the_password_from_the_user_operators_secret() {
        List<String> checked = new ArrayList<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            Map<String, JsonNode> env = ApplicationsTest.env(deployment);
            if (name.equals("gateway")) {
                assertThat(env).as("the gateway never reaches Kafka").doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
                continue;
            }
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText()).isEqualTo("qingdan-kafka-bootstrap:9093");
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL").path("value").asText()).isEqualTo("SASL_SSL");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").path("value").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("SPRING_KAFKA_ADMIN_AUTOCREATE").path("value").asText()).isEqualTo("false");
            JsonNode jaas = env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
            assertThat(jaas.path("name").asText()).as(name).isEqualTo(name);
            assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");
            checked.add(name);
        }
        assertThat(checked).hasSize(4);
    }
}
