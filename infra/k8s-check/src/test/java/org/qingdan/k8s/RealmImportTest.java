package org.qingdan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KeycloakRealmImport carries exactly the production realm of compose (infra/keycloak/qingdan-realm.production.json,
 * itself derived from the development realm by ProductionRealmTest): no users, and its placeholders resolved from
 * Secrets. After the production realm changed, rewrite the manifest:
 * {@code ./mvnw -pl infra/k8s-check -am verify -Dtest=RealmImportTest -Dsurefire.failIfNoSpecifiedTests=false -Dqingdan.realm.write=true}.
 */
class RealmImportTest {

    private static final Path REALM = Kustomize.ROOT.resolve("infra/keycloak/qingdan-realm.production.json");
    private static final Path IMPORT = Kustomize.K8S.resolve("base/keycloak/realm-import.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_realm_import_is_the_production_realm_of_compose() throws IOException {
        JsonNode production = JSON.readTree(REALM.toFile());
        if (Boolean.getBoolean("qingdan.realm.write")) {
            write(production);
        }
        JsonNode realmImport = Kustomize.parse(Files.readString(IMPORT)).get(0);
        assertThat(realmImport.path("spec").path("realm"))
                .as("spec.realm of " + IMPORT + " differs from " + REALM + ": rewrite it (see this test's comment)")
                .isEqualTo(production);
        assertThat(production.has("users")).as("no demo users").isFalse();
        JsonNode placeholders = realmImport.path("spec").path("placeholders");
        String realm = production.toString();
        for (String placeholder : List.of("QINGDAN_PUBLIC_URL", "REVIEW_UI_CLIENT_SECRET")) {
            assertThat(realm).contains("${" + placeholder + "}");
            assertThat(placeholders.path(placeholder).path("secret").path("name").asText()).as(placeholder).isNotEmpty();
        }
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo("qingdan-keycloak");
    }

    /** The manifest's head (everything before "  realm:") kept, the realm written below it as indented JSON. */
    private static void write(JsonNode production) throws IOException {
        String text = Files.readString(IMPORT);
        String head = text.substring(0, text.indexOf("\n  realm:\n") + "\n  realm:\n".length());
        String body = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(production).indent(4);
        Files.writeString(IMPORT, head + body);
    }
}
