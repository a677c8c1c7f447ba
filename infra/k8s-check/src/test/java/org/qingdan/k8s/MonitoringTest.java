package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Prometheus on Kubernetes alerts as in compose: the PrometheusRule carries exactly infra/prometheus/alerts.yml's
 * groups, and every application has a ServiceMonitor on its management port.
 */
class MonitoringTest {

    @Test
    void the_prometheus_rule_is_alerts_yml_and_every_application_is_scraped() throws IOException {
        List<JsonNode> objects = Kustomize.render(Kustomize.K8S.resolve("overlays/prod"));
        JsonNode compose = Kustomize.parse(Files.readString(Kustomize.ROOT.resolve("infra/prometheus/alerts.yml"))).get(0);
        JsonNode rule = objects.stream().filter(o -> o.path("kind").asText().equals("PrometheusRule")).findFirst().orElseThrow();
        assertThat(rule.path("spec").path("groups"))
                .as("PrometheusRule qingdan-alerts (infra/k8s/base/monitoring/alerts.yaml) differs from infra/prometheus/alerts.yml: copy its groups")
                .isEqualTo(compose.path("groups"));
        assertThat(rule.path("spec").toString()).contains("KafkaRecordsDeadLettered").contains("OutboxEventsParked");
        Set<String> scraped = new TreeSet<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("ServiceMonitor")).forEach(m -> {
            assertThat(m.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("management");
            scraped.add(m.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        });
        assertThat(scraped).containsExactlyInAnyOrder("gateway", "application-service", "review-service", "listing-service", "notification-service");
    }
}
