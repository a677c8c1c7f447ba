package org.qingdan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackTest {

    @Test
    void a_port_in_use_is_reported_with_what_needs_it_and_how_to_find_the_culprit() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> DevStack.requireFree(taken.getLocalPort()))
                    .isInstanceOf(DevStack.StartFailure.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is in use")
                    .hasMessageContaining("ss -ltnp");
        }
        assertThat(DevStack.portOwner(27017)).contains("MONGODB_URI");
        assertThat(DevStack.portOwner(8082)).contains("review-service");
        assertThat(DevStack.portOwner(9082)).contains("review-service", "actuator");
    }

    @Test
    void a_changed_realm_file_resets_keycloaks_development_database_so_it_is_imported_again(@TempDir Path keycloak) throws IOException {
        byte[] first = "{\"realm\":\"qingdan\",\"users\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] second = "{\"realm\":\"qingdan\",\"users\":[{\"username\":\"vendor-z\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(DevStack.importRealm(keycloak, first)).as("first import: nothing to reset").isFalse();
        Path database = keycloak.resolve("data/h2/keycloakdb.mv.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "the realm as imported");
        assertThat(DevStack.importRealm(keycloak, first)).as("unchanged: the database stays").isFalse();
        assertThat(database).exists();
        assertThat(DevStack.importRealm(keycloak, second)).isTrue();
        assertThat(database).doesNotExist();
        assertThat(Files.readAllBytes(keycloak.resolve("data/import/qingdan-realm.json"))).isEqualTo(second);
    }

    @Test
    void second_instances_have_ports_of_their_own_clear_of_kafka_keycloak_and_the_first_instances() {
        java.util.List<DevStack.App> seconds = DevStack.APPS.stream().filter(a -> DevStack.SERVICES.contains(a.module()))
                .map(DevStack.App::second).toList();
        assertThat(seconds).extracting(DevStack.App::port).containsExactly(8091, 8092, 8093, 8094);
        assertThat(seconds).extracting(DevStack.App::managementPort).containsExactly(9181, 9182, 9183, 9184);
        assertThat(seconds).extracting(DevStack.App::name).containsExactly("application-service-2", "review-service-2",
                "listing-service-2", "notification-service-2");
        java.util.Set<Integer> taken = new java.util.HashSet<>(java.util.List.of(DevStack.KAFKA_PORT, DevStack.KAFKA_CONTROLLER_PORT,
                DevStack.MONGO_PORT, DevStack.KEYCLOAK_PORT, DevStack.SMTP_PORT));
        DevStack.APPS.forEach(a -> {
            taken.add(a.port());
            taken.add(a.managementPort());
        });
        seconds.forEach(a -> assertThat(taken).doesNotContain(a.port(), a.managementPort()));
        assertThat(DevStack.portOwner(8093)).contains("listing-service-2");
        assertThat(DevStack.portOwner(9183)).contains("listing-service-2", "actuator");
    }

    @Test
    void kafka_cluster_ids_are_sixteen_bytes_in_url_safe_base64() {
        String id = DevStack.kafkaClusterId();
        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(DevStack.kafkaClusterId()).isNotEqualTo(id);
        // one id in 64 would start with "-", which the storage tool takes for an option: 2,000 draws meet ~31 of them
        assertThat(java.util.stream.Stream.generate(DevStack::kafkaClusterId).limit(2000)).noneMatch(i -> i.startsWith("-"));
    }

    @Test
    void unzip_keeps_entries_inside_the_target_and_refuses_the_others(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.zip");
        try (OutputStream out = Files.newOutputStream(good); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("kc/bin/kc.sh"));
            zip.write("#!/bin/sh\n".getBytes());
        }
        Unzip.extract(good, dir.resolve("out"));
        assertThat(dir.resolve("out/kc/bin/kc.sh")).exists().isExecutable();

        Path evil = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write("x".getBytes());
        }
        assertThatThrownBy(() -> Unzip.extract(evil, dir.resolve("out2"))).hasMessageContaining("outside");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void a_class_data_sharing_archive_is_written_at_a_clean_exit_used_next_time_and_dropped_when_its_key_changes(@TempDir Path dir)
            throws Exception {
        ClassDataSharing first = ClassDataSharing.in(dir, "app.jar 100 1");
        assertThat(first.used()).isFalse();
        assertThat(first.options()).anyMatch(o -> o.equals("-XX:ArchiveClassesAtExit=" + dir.resolve("classes.jsa.part")));
        Files.writeString(dir.resolve("classes.jsa.part"), "archive");
        first.keep(exited(143)); // SIGTERM, shutdown hooks ran
        assertThat(dir.resolve("classes.jsa")).hasContent("archive");

        ClassDataSharing second = ClassDataSharing.in(dir, "app.jar 100 1");
        assertThat(second.used()).isTrue();
        assertThat(second.options()).contains("-XX:SharedArchiveFile=" + dir.resolve("classes.jsa"));

        ClassDataSharing rebuilt = ClassDataSharing.in(dir, "app.jar 120 2");
        assertThat(rebuilt.used()).isFalse();
        assertThat(dir.resolve("classes.jsa")).doesNotExist();
        Files.writeString(dir.resolve("classes.jsa.part"), "half an archive");
        rebuilt.keep(exited(137)); // killed while writing
        assertThat(dir.resolve("classes.jsa")).doesNotExist();
        assertThat(dir.resolve("classes.jsa.part")).doesNotExist();
    }

    private static Process exited(int status) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "exit " + status).start();
        process.waitFor();
        return process;
    }

    @Test
    void the_last_lines_of_a_log_explain_a_failure(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "1\n2\n3\n4\n");
        assertThat(Processes.tail(log, 2)).isEqualTo("3\n4");
        assertThat(Processes.tail(dir.resolve("missing.log"), 2)).startsWith("(no log");
    }
}
