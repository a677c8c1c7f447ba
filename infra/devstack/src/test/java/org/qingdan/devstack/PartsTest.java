package org.qingdan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartsTest {

    @Test
    void each_part_starts_after_what_it_waits_for_and_parts_without_a_link_start_side_by_side() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        Parts.Start sideBySide = () -> {
            both.countDown();
            // each waits for the other: only parts started side by side get past this
            assertThat(both.await(10, TimeUnit.SECONDS)).as("started side by side").isTrue();
        };
        Parts.start(List.of(
                new Parts.Part("kafka", List.of(), List.of(), () -> { sideBySide.run(); order.add("kafka"); }),
                new Parts.Part("keycloak", List.of(), List.of(), () -> { sideBySide.run(); order.add("keycloak"); }),
                new Parts.Part("portal", List.of(), List.of("kafka", "keycloak"), () -> order.add("portal")),
                new Parts.Part("list", List.of(), List.of("kafka"), () -> order.add("list"))));
        assertThat(order).hasSize(4);
        assertThat(order.indexOf("portal")).isGreaterThan(order.indexOf("kafka")).isGreaterThan(order.indexOf("keycloak"));
        assertThat(order.indexOf("list")).isGreaterThan(order.indexOf("kafka"));
    }

    @Test
    void the_first_failure_ends_the_start_at_once_and_what_waits_for_it_never_starts() {
        AtomicBoolean dependentStarted = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> Parts.start(List.of(
                new Parts.Part("slow", List.of(), List.of(), () -> never.await(60, TimeUnit.SECONDS)),
                new Parts.Part("kafka", List.of(), List.of(), () -> {
                    throw new DevStack.StartFailure("Kafka did not become healthy");
                }),
                new Parts.Part("app", List.of(), List.of("kafka"), () -> dependentStarted.set(true)))))
                .isInstanceOf(DevStack.StartFailure.class).hasMessage("Kafka did not become healthy");
        assertThat(dependentStarted).isFalse();
    }

    @Test
    void a_part_that_waits_for_one_not_listed_before_it_is_refused_before_anything_starts() {
        AtomicBoolean started = new AtomicBoolean();
        assertThatThrownBy(() -> Parts.start(List.of(
                new Parts.Part("kafka", List.of(), List.of(), () -> started.set(true)),
                new Parts.Part("app", List.of(), List.of("keycloak"), () -> started.set(true)),
                new Parts.Part("keycloak", List.of(), List.of(), () -> started.set(true)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app waits for keycloak");
        assertThat(started).isFalse();
    }

    @Test
    void the_stack_lists_every_port_once_and_each_application_after_kafka_mongodb_mail_and_its_jar(@TempDir Path home) {
        DevStack stack = new DevStack(Path.of("."), home);
        List<Parts.Part> parts = stack.parts();
        Map<Integer, String> holders = new ConcurrentHashMap<>();
        parts.forEach(part -> part.ports().forEach(port ->
                assertThat(holders.put(port.number(), part.name())).as("port %d held twice", port.number()).isNull()));
        assertThat(holders).containsKeys(DevStack.MONGO_PORT, DevStack.SMTP_PORT, DevStack.KAFKA_PORT, DevStack.KAFKA_CONTROLLER_PORT,
                DevStack.KEYCLOAK_PORT, 8080, 8081, 8082, 8083, 8084, 9080, 9081, 9082, 9083, 9084);
        for (DevStack.App app : DevStack.APPS) {
            Parts.Part part = parts.stream().filter(p -> p.name().equals(app.name())).findFirst().orElseThrow();
            assertThat(part.after()).contains("MongoDB", "SMTP", "Kafka", "jar of " + app.module());
            assertThat(part.after().contains("Keycloak")).as(app.name() + " waits for Keycloak").isEqualTo(app.needsKeycloakToStart());
        }
    }
}
