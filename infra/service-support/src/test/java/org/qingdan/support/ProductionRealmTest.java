package org.qingdan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production realm (infra/keycloak/qingdan-realm.production.json, imported by docker-compose.yml) is the
 * development realm (qingdan-realm.json) without what only development may have: no users (the demo users and
 * their passwords), no password-grant client (qingdan-cli, for scripts and tests), no secret in the file (the
 * reviewer UI's comes from REVIEW_UI_CLIENT_SECRET at import; the audience client qingdan-api, which no flow
 * uses, gets one Keycloak generates), redirect URIs on the public URL (QINGDAN_PUBLIC_URL at import) instead of
 * localhost, and TLS required for every request. Everything else (roles, clients, protocol mappers, the user
 * profile) is the same.
 *
 * <p>This test derives the production realm from the development one and fails when the file differs; after a
 * change to the development realm, regenerate it:
 * {@code ./mvnw -pl infra/service-support -am verify -Dtest=ProductionRealmTest -Dsurefire.failIfNoSpecifiedTests=false -Dqingdan.realm.write=true}.
 */
class ProductionRealmTest {

    private static final Path KEYCLOAK = Path.of("../../infra/keycloak");
    private static final Path DEV = KEYCLOAK.resolve("qingdan-realm.json");
    private static final Path PRODUCTION = KEYCLOAK.resolve("qingdan-realm.production.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String PUBLIC_URL = "${QINGDAN_PUBLIC_URL}";
    static final String REVIEW_UI_SECRET = "${REVIEW_UI_CLIENT_SECRET}";

    /** The development realm, made fit for production. */
    static ObjectNode production(JsonNode dev) {
        ObjectNode realm = (ObjectNode) dev.deepCopy();
        realm.remove("users");
        realm.put("sslRequired", "all");
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode c : dev.get("clients")) {
            if (c.path("directAccessGrantsEnabled").asBoolean(false)) {
                continue; // the resource owner password grant: scripts and tests in development only
            }
            ObjectNode client = (ObjectNode) c.deepCopy();
            if (client.has("secret")) {
                if (client.path("standardFlowEnabled").asBoolean(false)) {
                    client.put("secret", REVIEW_UI_SECRET);
                } else {
                    client.remove("secret"); // a client no flow uses: Keycloak generates a secret nobody needs
                }
            }
            if (client.has("redirectUris")) {
                client.set("redirectUris", publicUris(client.get("redirectUris")));
            }
            if (client.path("attributes").has("post.logout.redirect.uris")) {
                ArrayNode uris = JSON.createArrayNode();
                for (String uri : client.get("attributes").get("post.logout.redirect.uris").asString().split("##")) {
                    uris.add(uri);
                }
                List<String> kept = new ArrayList<>();
                publicUris(uris).forEach(u -> kept.add(u.asString()));
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", String.join("##", kept));
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        return realm;
    }

    /** The gateway's URIs on the public URL; those of a service's own port (reached directly in development) dropped. */
    private static ArrayNode publicUris(JsonNode uris) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode uri : uris) {
            String u = uri.asString();
            if (u.startsWith("http://localhost:8080/")) {
                out.add(PUBLIC_URL + u.substring("http://localhost:8080".length()));
            }
        }
        return out;
    }

    @Test
    void the_production_realm_is_the_development_realm_without_users_dev_clients_secrets_or_localhost() throws IOException {
        JsonNode dev = JSON.readTree(Files.readString(DEV));
        ObjectNode expected = production(dev);
        if (Boolean.getBoolean("qingdan.realm.write")) {
            Files.writeString(PRODUCTION, JSON.writeValueAsString(expected) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode production = JSON.readTree(Files.readString(PRODUCTION));
        assertThat(production).as("qingdan-realm.production.json is derived from qingdan-realm.json (regenerate: see the javadoc)")
                .isEqualTo(expected);
    }

    @Test
    void it_has_no_users_and_the_same_roles_clients_mappers_and_user_profile() throws IOException {
        JsonNode dev = JSON.readTree(Files.readString(DEV));
        JsonNode production = JSON.readTree(Files.readString(PRODUCTION));
        String text = Files.readString(PRODUCTION);

        assertThat(dev.get("users")).as("the development realm has demo users").isNotEmpty();
        assertThat(production.has("users")).isFalse();
        assertThat(text).doesNotContain("\"credentials\"").doesNotContain("localhost").doesNotContain("dev-only");

        assertThat(production.get("realm")).isEqualTo(dev.get("realm"));
        assertThat(production.get("roles")).isEqualTo(dev.get("roles"));
        assertThat(production.get("components")).as("the user profile (org_uscc, org_name, admin-edit only)").isEqualTo(dev.get("components"));
        assertThat(production.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(production.get("registrationAllowed").asBoolean()).isFalse();
        assertThat(production.get("sslRequired").asString()).isEqualTo("all");

        List<String> clients = new ArrayList<>();
        for (JsonNode client : production.get("clients")) {
            String id = client.get("clientId").asString();
            clients.add(id);
            JsonNode same = null;
            for (JsonNode d : dev.get("clients")) {
                if (d.get("clientId").asString().equals(id)) {
                    same = d;
                }
            }
            assertThat(same).as(id + " is a client of the development realm").isNotNull();
            assertThat(client.get("protocolMappers")).as(id + "'s mappers").isEqualTo(same.get("protocolMappers"));
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(id + ": no password grant").isFalse();
            assertThat(client.path("publicClient").asBoolean(false)).isEqualTo(same.path("publicClient").asBoolean(false));
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as(id + "'s secret comes from the environment").isEqualTo(REVIEW_UI_SECRET);
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asString()).startsWith(PUBLIC_URL + "/");
            }
        }
        assertThat(clients).containsExactly("qingdan-api", "qingdan-review-ui");
        JsonNode ui = production.get("clients").get(1);
        assertThat(ui.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(ui.get("redirectUris")).isNotEmpty();
    }
}
