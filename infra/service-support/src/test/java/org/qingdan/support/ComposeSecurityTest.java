package org.qingdan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * The production compose stack (docker-compose.yml) as issue 18 wants it, checked on the files themselves (no
 * Docker engine here; CI also runs docker-compose config): only the gateway and Keycloak publish a port; no secret
 * is written in the file, each comes from a variable that must be set; every service has its own MongoDB user in
 * its own database (the one its application.yml names), created by infra/mongo/init-users.js with readWrite on
 * that database only, and its own SASL/SCRAM user; infra/kafka/acls.conf lets each service write its own topics
 * and the dead-letter topics of what it consumes, and read what its @KafkaListeners consume (and their DLTs) in
 * its own group, and nothing else; infra/kafka/topics.conf is the contracts' topic list; Keycloak runs in
 * production mode on the production realm, the development overlay on the demo realm.
 */
class ComposeSecurityTest {

    private static final Path ROOT = Path.of("../..");
    private static final List<String> SERVICES = List.of("application-service", "review-service", "listing-service", "notification-service");
    /** What each service produces: its outbox relay's topics. */
    private static final Map<String, Set<String>> PRODUCES = Map.of(
            "application-service", Set.of(Topics.APPLICATION_EVENTS),
            "review-service", Set.of(Topics.REVIEW_EVENTS),
            "listing-service", Set.of(Topics.LISTING_EVENTS, Topics.LISTING_OFFICE_EVENTS),
            "notification-service", Set.of());
    /** ${NAME:?message}: a variable that must be set. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|JAAS|CREDENTIAL|TOKEN).*");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));

    @Test
    void only_the_gateway_and_keycloak_publish_ports_on_the_publish_address() {
        Map<String, List<String>> published = new TreeMap<>();
        services().forEach((name, service) -> {
            if (service.get("ports") != null) {
                published.put(name, strings(service.get("ports")));
            }
        });
        // Keycloak: the reviewer UI signs in with the authorization code flow, so the browser goes to Keycloak
        assertThat(published).containsOnlyKeys("gateway", "keycloak");
        assertThat(published.get("gateway")).containsExactly("${PUBLISH_ADDRESS:-127.0.0.1}:8080:8080");
        assertThat(published.get("keycloak")).containsExactly("${PUBLISH_ADDRESS:-127.0.0.1}:8180:8180");
        // and the gateway cannot reach the data stores at all
        assertThat(strings(service("gateway").get("networks"))).doesNotContain("data");
        assertThat(strings(service("keycloak").get("networks"))).doesNotContain("data");
    }

    @Test
    void no_secret_is_written_in_the_file_each_is_a_required_variable() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> secretsSeen = new TreeSet<>();
        services().forEach((name, service) -> environment(service).forEach((key, value) -> {
            Matcher variables = VARIABLE.matcher(value);
            while (variables.find()) {
                String variable = variables.group(1);
                if (SECRET_NAME.matcher(variable).matches()) {
                    secretsSeen.add(variable);
                    assertThat(variables.group(2)).as(name + " " + key + ": " + variable + " must be required, without a default")
                            .startsWith(":?");
                }
            }
            if (SECRET_NAME.matcher(key).matches() || key.equals("MONGODB_URI")) {
                String literal = value.replaceAll(VARIABLE.pattern(), "");
                assertThat(literal).as(name + " " + key + " holds a secret of its own").doesNotContainPattern("(?i)password=\"[^\"]+\"");
                if (!SECRET_NAME.matcher(key).matches() || key.contains("JAAS")) {
                    assertThat(value).as(name + " " + key).containsPattern(REQUIRED.pattern());
                } else {
                    assertThat(value).as(name + " " + key + " is a variable and nothing else").matches(REQUIRED.pattern());
                }
            }
        }));
        // every password of every service, the roots, the replica set key, Keycloak's and Grafana's
        assertThat(secretsSeen).contains("MONGO_ROOT_PASSWORD", "MONGO_REPLICA_SET_KEY", "KAFKA_ADMIN_PASSWORD",
                "KEYCLOAK_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "REVIEW_UI_CLIENT_SECRET", "GRAFANA_ADMIN_PASSWORD");
        // credentials in URIs only ever as a variable
        assertThat(text).doesNotContainPattern("://[^/\\s$@]+:[^$\\s@]+@");
        assertThat(text).doesNotContain("dev-only");
    }

    @Test
    void every_service_has_its_own_mongo_user_in_its_own_database_with_readwrite_there_only() throws IOException {
        String init = Files.readString(ROOT.resolve("infra/mongo/init-users.js"));
        Matcher entries = Pattern.compile("\\{ user: '([^']+)', db: '([^']+)', passwordEnv: '([A-Z_]+)' }").matcher(init);
        Map<String, String[]> created = new LinkedHashMap<>();
        while (entries.find()) {
            created.put(entries.group(1), new String[] {entries.group(2), entries.group(3)});
        }
        assertThat(created).containsOnlyKeys(SERVICES);
        assertThat(init).contains("roles: [{ role: 'readWrite', db: u.db }]").doesNotContain("readWriteAnyDatabase")
                .doesNotContain("dbOwner").doesNotContain("root'");
        Map<String, String> mongoEnvironment = environment(service("mongo"));
        Set<String> passwords = new LinkedHashSet<>();
        for (String name : SERVICES) {
            String database = (String) ((Map<?, ?>) ((Map<?, ?>) yaml(ROOT.resolve(name + "/src/main/resources/application.yml"))
                    .get("spring")).get("mongodb")).get("database");
            String[] user = created.get(name);
            assertThat(user[0]).as(name + "'s database").isEqualTo(database);
            String password = user[1];
            assertThat(passwords.add(password)).as("a password of its own for " + name).isTrue();
            assertThat(mongoEnvironment.get(password)).as("the mongo container gets " + password)
                    .isEqualTo("${" + password + ":?set " + password + "}");
            assertThat(environment(service(name)).get("MONGODB_URI")).as(name)
                    .isEqualTo("mongodb://" + name + ":${" + password + ":?set " + password + "}@mongo:27017/" + database
                            + "?replicaSet=rs0&authSource=" + database);
        }
        // access control on, with the replica set's key file; the init script in the image's init directory
        assertThat(strings(service("mongo").get("volumes"))).contains("./infra/mongo/init-users.js:/docker-entrypoint-initdb.d/init-users.js:ro");
        assertThat(Files.readString(ROOT.resolve("infra/mongo/start.sh"))).contains("--keyFile").contains("--replSet rs0");
        assertThat(mongoEnvironment).containsKeys("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD");
    }

    @Test
    void every_service_has_its_own_sasl_scram_user_and_the_broker_allows_nothing_else() throws IOException {
        Map<String, String> init = environment(service("kafka-init"));
        Set<String> passwords = new LinkedHashSet<>();
        for (String name : SERVICES) {
            Map<String, String> env = environment(service(name));
            String password = name.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD";
            assertThat(passwords.add(password)).isTrue();
            assertThat(env).as(name).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                            + "username=\"" + name + "\" password=\"${" + password + ":?set " + password + "}\";");
            assertThat(init).as("kafka-init sets " + name + "'s credential").containsKey(password);
        }
        String broker = Files.readString(ROOT.resolve("infra/kafka/start.sh"));
        assertThat(broker).contains("listeners=SASL_PLAINTEXT://:${PORT},CONTROLLER://localhost:${CONTROLLER_PORT}")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512")
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("auto.create.topics.enable=false")
                .contains("super.users=User:admin;User:ANONYMOUS")
                .doesNotContainPattern("(?<!SASL_)PLAINTEXT://");
        assertThat(strings(service("kafka").get("command"))).containsExactly("/qingdan/start.sh");
        assertThat(dependsOn(service("application-service")).get("kafka-init")).isEqualTo("service_completed_successfully");
    }

    @Test
    void the_acls_let_each_service_write_its_own_topics_and_read_what_it_consumes_in_its_group() throws IOException {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/kafka/acls.conf"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            assertThat(f).as(line).hasSize(5);
            assertThat(f[1]).as(line).isIn("Write", "Read");
            assertThat(f[2]).as(line).isIn("topic", "group");
            assertThat(f[3]).as(line).isIn("literal", "prefixed");
            acls.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1] + " " + f[2] + " " + f[3] + " " + f[4]);
        }
        assertThat(acls).containsOnlyKeys(SERVICES);
        for (String name : SERVICES) {
            Map<String, String> listeners = listeners(name);
            Set<String> consumed = new TreeSet<>(listeners.keySet());
            assertThat(consumed).as(name + " consumes").isNotEmpty();
            Set<String> expected = new TreeSet<>();
            PRODUCES.get(name).forEach(t -> expected.add("Write topic literal " + t));
            for (String t : consumed) {
                expected.add("Read topic literal " + t);
                expected.add("Write topic literal " + Topics.deadLetterOf(t));
                expected.add("Read topic literal " + Topics.deadLetterOf(t));
            }
            expected.add("Read group literal " + name);
            listeners.values().stream().filter(g -> !g.isEmpty()).forEach(g -> expected.add("Read group prefixed " + g));
            assertThat(acls.get(name)).as(name).containsExactlyInAnyOrderElementsOf(expected);
            // never the producer's topic of someone else
            Set<String> writes = acls.get(name).stream().filter(a -> a.startsWith("Write")).map(a -> a.substring(a.lastIndexOf(' ') + 1))
                    .collect(Collectors.toSet());
            assertThat(writes).allSatisfy(t -> assertThat(PRODUCES.get(name).contains(t) || t.endsWith(Topics.DEAD_LETTER_SUFFIX))
                    .as(name + " writes " + t).isTrue());
        }
        // every topic of the contracts is written by exactly one service
        for (String topic : Topics.ALL) {
            assertThat(PRODUCES.values().stream().filter(p -> p.contains(topic)).count()).as(topic).isEqualTo(1);
        }
    }

    @Test
    void the_topics_kafka_init_creates_are_the_contracts_topics_and_their_dead_letter_topics() throws IOException {
        List<String> topics = Files.readAllLines(ROOT.resolve("infra/kafka/topics.conf")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetterOf(t))).toList());
        assertThat(strings(service("kafka-init").get("volumes"))).contains("./infra/kafka/topics.conf:/qingdan/topics.conf:ro",
                "./infra/kafka/acls.conf:/qingdan/acls.conf:ro", "./infra/kafka/init.sh:/qingdan/init.sh:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloak_runs_in_production_mode_on_the_production_realm_and_the_overlay_on_the_demo_realm() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(strings(keycloak.get("command"))).contains("start").doesNotContain("start-dev");
        assertThat(strings(keycloak.get("volumes")))
                .containsExactly("./infra/keycloak/qingdan-realm.production.json:/opt/keycloak/data/import/qingdan-realm.json:ro");
        assertThat(environment(keycloak)).containsEntry("KC_DB", "postgres").containsEntry("KC_PROXY_HEADERS", "xforwarded")
                .containsKeys("KC_HOSTNAME", "KC_PROXY_TRUSTED_ADDRESSES");

        Map<String, Object> overlay = (Map<String, Object>) ((Map<String, Object>) yaml(ROOT.resolve("docker-compose.dev.yml"))
                .get("services")).get("keycloak");
        assertThat(strings(overlay.get("command"))).contains("start-dev");
        // the same container path, so the overlay's realm replaces the production one instead of joining it
        assertThat(strings(overlay.get("volumes")))
                .containsExactly("./infra/keycloak/qingdan-realm.json:/opt/keycloak/data/import/qingdan-realm.json:ro");
    }

    @Test
    void the_development_values_name_every_variable_the_file_requires() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> required = new TreeSet<>();
        Matcher m = REQUIRED.matcher(text);
        while (m.find()) {
            required.add(m.group(1));
        }
        Set<String> dev = Files.readAllLines(ROOT.resolve("infra/compose/dev.env")).stream()
                .filter(l -> l.contains("=") && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        assertThat(dev).containsAll(required);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Topic → group prefix ("" for the service's own group) of every @KafkaListener in a service's main sources. */
    private static Map<String, String> listeners(String service) throws IOException {
        Pattern listener = Pattern.compile("@KafkaListener\\(topics\\s*=\\s*(\\{[^}]*}|Topics\\.[A-Z_]+)(?:\\s*,\\s*groupId\\s*=\\s*\"([^\"$]*))?");
        Map<String, String> found = new HashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Matcher m = listener.matcher(Files.readString(source));
            while (m.find()) {
                String group = m.group(2) == null ? "" : m.group(2);
                Matcher constant = Pattern.compile("Topics\\.([A-Z_]+)").matcher(m.group(1));
                while (constant.find()) {
                    try {
                        String topic = (String) Topics.class.getField(constant.group(1)).get(null);
                        // a topic read in a group of its own (listing-sse-<uuid>) keeps that group's prefix
                        if (!group.isEmpty() || !found.containsKey(topic)) {
                            found.put(topic, group);
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError("Topics." + constant.group(1) + " in " + source, e);
                    }
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new TreeMap<>();
        Object e = service.get("environment");
        if (e instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new TreeMap<>();
        ((Map<String, Map<String, String>>) service.get("depends_on")).forEach((k, v) -> conditions.put(k, v.get("condition")));
        return conditions;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(file.toString(), e);
        }
    }
}
