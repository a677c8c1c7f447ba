package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay (and the base) renders with kubectl kustomize, every object it renders validates against the
 * Kubernetes or operator schema of its kind (infra/k8s-check/schemas), and every Deployment follows {@link Policy}.
 */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void renders_and_every_object_is_valid_against_its_schema(String directory) {
        List<JsonNode> objects = Kustomize.render(Kustomize.K8S.resolve(directory));
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(Schemas.get().validate(o)));
        System.out.println("k8s-check | " + directory + ": " + objects.size() + " objects ("
                + new TreeSet<>(objects.stream().map(o -> o.path("kind").asText()).toList()) + "), "
                + problems.size() + " schema problems");
        problems.forEach(p -> System.out.println("k8s-check |   " + p));
        assertThat(objects).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void every_deployment_has_probes_limits_a_pdb_an_autoscaler_spread_and_a_service_monitor(String directory) {
        List<JsonNode> objects = Kustomize.render(Kustomize.K8S.resolve(directory));
        List<String> problems = Policy.violations(objects);
        problems.forEach(p -> System.out.println("k8s-check | " + directory + ": " + p));
        assertThat(objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .map(o -> o.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrder("gateway", "application-service", "review-service", "listing-service", "notification-service");
        assertThat(problems).isEmpty();
    }
}
