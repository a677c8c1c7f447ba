package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks can fail: fixtures (src/test/resources/fixtures) that render fine but break the rules, each of which
 * must be found. What they find is printed, so that a run shows it.
 */
class FixturesTest {

    private static final Path FIXTURES = Kustomize.ROOT.resolve("infra/k8s-check/src/test/resources/fixtures");

    @Test
    void a_deployment_without_probes_limits_pdb_autoscaler_spread_or_monitor_fails_the_policy() {
        List<String> problems = Policy.violations(Kustomize.render(FIXTURES.resolve("unsafe-deployment")));
        problems.forEach(p -> System.out.println("k8s-check | fixture unsafe-deployment: " + p));
        assertThat(problems).containsExactlyInAnyOrder(
                "Deployment/unsafe container app: no readinessProbe",
                "Deployment/unsafe container app: no livenessProbe",
                "Deployment/unsafe container app: no cpu limits",
                "Deployment/unsafe container app: no memory limits",
                "Deployment/unsafe container app: DB_PASSWORD is written in the manifest, not read from a Secret",
                "Deployment/unsafe: no topologySpreadConstraints",
                "Deployment/unsafe: no PodDisruptionBudget selects its pods",
                "Deployment/unsafe: no HorizontalPodAutoscaler scales it",
                "Deployment/unsafe: no ServiceMonitor scrapes its Service",
                "Secret/unsafe-credentials: a Secret with its values in the manifests (create it in the cluster instead)");
    }

    @Test
    void the_same_deployment_made_safe_passes_so_the_policy_fails_for_what_is_missing_only() {
        List<String> problems = Policy.violations(Kustomize.render(FIXTURES.resolve("safe-deployment")));
        problems.forEach(p -> System.out.println("k8s-check | fixture safe-deployment: " + p));
        assertThat(problems).isEmpty();
    }

    @Test
    void objects_that_break_their_schema_are_refused() {
        List<JsonNode> objects = Kustomize.render(FIXTURES.resolve("invalid-schema"));
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(Schemas.get().validate(o)));
        problems.forEach(p -> System.out.println("k8s-check | fixture invalid-schema: " + p));
        // a misspelt field, a string where a number belongs, a required field missing, an enum value the
        // operator does not know, a field in the wrong place of a custom resource, a kind without schema
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/typo:") && p.contains("contianers"));
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/typo:") && p.contains("/spec/replicas"));
        assertThat(problems).anyMatch(p -> p.startsWith("PodDisruptionBudget/no-selector-type:") && p.contains("maxUnavailable"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/bad:") && p.contains("/spec/partitions"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/bad:") && p.contains("replicationFactor"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaUser/bad:") && p.contains("/spec/authentication/type") && p.contains("scram-sha-512"));
        assertThat(problems).anyMatch(p -> p.startsWith("MongoDBCommunity/bad:") && p.contains("type"));
        assertThat(problems).anyMatch(p -> p.startsWith("Frobnicator/unknown:") && p.contains("no schema"));
        assertThat(problems).noneMatch(p -> p.startsWith("Deployment/fine:"));
    }
}
