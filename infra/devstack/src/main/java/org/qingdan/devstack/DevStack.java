package org.qingdan.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on one machine without Docker, in dependency order, each part health-checked:
 * the MongoDB wire server (H2 file persistence, or an external MongoDB when MONGODB_URI is set), a Kafka
 * broker in KRaft mode, Keycloak with the qingdan realm, then the four services and the gateway with small
 * heaps. Data stays in {@code .devstack/} between runs; Ctrl-C stops everything, newest first.
 */
public final class DevStack {

    /** One application of ours: module, port, and what it needs to be up first. */
    record App(String module, int port) {
    }

    static final List<App> APPS = List.of(
            new App("application-service", 8081),
            new App("review-service", 8082),
            new App("listing-service", 8083),
            new App("notification-service", 8084),
            new App("gateway", 8080));

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;
    static final int KEYCLOAK_PORT = 8180;
    static final int SMTP_PORT = 3025;
    static final String KEYCLOAK_VERSION = "26.5.6";
    /** How often listing-service looks for ended notices here (30 s by default). */
    static final Duration NOTICE_SCHEDULE = Duration.ofSeconds(2);

    private final Path repo;
    private final Path home;
    private final Map<String, String> env = System.getenv();
    private final List<Child> children = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private MongoServer mongo;
    /** How long each part took from launch to healthy, in start order. */
    final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private MailCatcher mail;

    private final Map<String, String> extraAppEnv;

    DevStack(Path repo, Path home) {
        this(repo, home, Map.of());
    }

    /** {@code extraAppEnv}: more environment for the five applications (tests tighten settings this way). */
    DevStack(Path repo, Path home, Map<String, String> extraAppEnv) {
        this.repo = repo;
        this.home = home;
        this.extraAppEnv = extraAppEnv;
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("qingdan.repo", ".")).toAbsolutePath().normalize();
        Path home = repo.resolve(System.getenv().getOrDefault("DEVSTACK_DIR", ".devstack"));
        DevStack stack = new DevStack(repo, home);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        try {
            stack.start();
        } catch (StartFailure e) {
            System.err.println();
            System.err.println("✗ " + e.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    /** A failure the user can act on, said in one message. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }

    /** Starts everything; on a failure, stops what already runs and throws StartFailure. */
    void start() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        List<Integer> ports = new ArrayList<>(List.of(KAFKA_PORT, KAFKA_CONTROLLER_PORT));
        if (!env.containsKey("MONGODB_URI")) {
            ports.add(MONGO_PORT);
        }
        ports.add(KEYCLOAK_PORT);
        ports.add(SMTP_PORT);
        APPS.forEach(a -> ports.add(a.port()));
        for (int port : ports) {
            requireFree(port);
        }
        long started = System.nanoTime();
        String mongoUri = startMongo();
        mail = MailCatcher.start(SMTP_PORT, home.resolve("mail"));
        step("SMTP", "mail server on localhost:" + SMTP_PORT + ", every mail saved in " + repo.relativize(home.resolve("mail")) + "/");
        startKafka();
        String issuer = startKeycloak();
        Map<String, String> appEnv = new LinkedHashMap<>(Map.of(
                "MONGODB_URI", mongoUri,
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PORT,
                "OIDC_ISSUER_URI", issuer,
                // development only: an admin may move a service's clock forward (the end of a public notice
                // without waiting days; see README "Time in the devstack"), and notice ends are looked for often
                "QINGDAN_DEV_CLOCKCONTROL", "true",
                "QINGDAN_LISTING_SCHEDULEINTERVAL", NOTICE_SCHEDULE.toString()));
        appEnv.putAll(extraAppEnv);
        for (App app : APPS) {
            startApp(app, appEnv);
        }
        banner(Duration.ofNanos(System.nanoTime() - started));
    }

    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartFailure("Port " + port + " is in use (" + portOwner(port) + "). Stop what listens there "
                    + "(ss -ltnp 'sport = :" + port + "' shows it), or an earlier devstack (Ctrl-C in its terminal).");
        }
    }

    static String portOwner(int port) {
        if (port == KAFKA_PORT || port == KAFKA_CONTROLLER_PORT) {
            return "needed by Kafka";
        }
        if (port == MONGO_PORT) {
            return "needed by the MongoDB wire server; or set MONGODB_URI to use your own MongoDB";
        }
        if (port == SMTP_PORT) {
            return "needed by the SMTP server that catches the mail";
        }
        if (port == KEYCLOAK_PORT) {
            return "needed by Keycloak";
        }
        return APPS.stream().filter(a -> a.port() == port).map(a -> "needed by " + a.module()).findFirst().orElse("needed");
    }

    private String startMongo() {
        if (env.containsKey("MONGODB_URI")) {
            step("MongoDB", "using " + env.get("MONGODB_URI"));
            return env.get("MONGODB_URI");
        }
        try {
            Files.createDirectories(home.resolve("mongo"));
        } catch (IOException e) {
            throw new StartFailure("Cannot create " + home.resolve("mongo") + ": " + e.getMessage());
        }
        mongo = new MongoServer(new H2Backend(home.resolve("mongo/qingdan.mv").toString()));
        mongo.bind("127.0.0.1", MONGO_PORT);
        step("MongoDB", "wire server on 127.0.0.1:" + MONGO_PORT + ", data in " + repo.relativize(home.resolve("mongo")));
        return "mongodb://localhost:" + MONGO_PORT;
    }

    private void startKafka() throws Exception {
        Path dir = home.resolve("kafka");
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + KAFKA_CONTROLLER_PORT,
                "listeners=PLAINTEXT://localhost:" + KAFKA_PORT + ",CONTROLLER://localhost:" + KAFKA_CONTROLLER_PORT,
                "advertised.listeners=PLAINTEXT://localhost:" + KAFKA_PORT,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""), StandardCharsets.UTF_8);
        Path clusterIdFile = dir.resolve("cluster-id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, kafkaClusterId());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        List<String> format = java("256m", "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                config.toString(), "--ignore-formatted");
        Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(home.resolve("logs/kafka-format.log").toFile()).start();
        if (formatting.waitFor() != 0) {
            throw new StartFailure("Formatting Kafka's log directory failed; see " + home.resolve("logs/kafka-format.log"));
        }
        Child kafka = spawn("kafka", java("384m", "kafka.Kafka", config.toString()), Map.of(), null);
        waitFor("Kafka", kafka, () -> portOpen(KAFKA_PORT), Duration.ofSeconds(60));
        step("Kafka", "KRaft broker on localhost:" + KAFKA_PORT);
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    static String kafkaClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private String startKeycloak() throws Exception {
        if (env.containsKey("OIDC_ISSUER_URI")) {
            step("Keycloak", "using " + env.get("OIDC_ISSUER_URI"));
            return env.get("OIDC_ISSUER_URI");
        }
        Path installed = home.resolve("keycloak-" + KEYCLOAK_VERSION);
        if (!Files.exists(installed.resolve("bin/kc.sh"))) {
            Path zip = home.resolve("keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip");
            if (!Files.exists(zip)) {
                throw new StartFailure("Keycloak's distribution is missing (" + zip + "). The run script fetches it from Maven "
                        + "Central; check the network to the Maven registry and run it again.");
            }
            step("Keycloak", "unpacking " + zip.getFileName());
            Unzip.extract(zip, home);
            installed.resolve("bin/kc.sh").toFile().setExecutable(true);
        }
        Path imports = installed.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(repo.resolve("infra/keycloak/qingdan-realm.json"), imports.resolve("qingdan-realm.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> kcEnv = new LinkedHashMap<>();
        kcEnv.put("KC_BOOTSTRAP_ADMIN_USERNAME", env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin"));
        kcEnv.put("KC_BOOTSTRAP_ADMIN_PASSWORD", env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin"));
        kcEnv.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Child keycloak = spawn("keycloak", List.of(installed.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + KEYCLOAK_PORT, "--hostname=http://localhost:" + KEYCLOAK_PORT, "--import-realm"), kcEnv, installed);
        String issuer = "http://localhost:" + KEYCLOAK_PORT + "/realms/qingdan";
        step("Keycloak", "starting (the first start builds Keycloak and takes about a minute)");
        waitFor("Keycloak", keycloak, () -> httpOk(issuer + "/.well-known/openid-configuration"), Duration.ofSeconds(240));
        step("Keycloak", "realm qingdan at " + issuer);
        return issuer;
    }

    private void startApp(App app, Map<String, String> appEnv) {
        Path jar = repo.resolve(app.module()).resolve("target").resolve(app.module() + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new StartFailure(jar + " is missing: build first with ./mvnw -DskipTests package (the run script does).");
        }
        List<String> command = List.of(javaExecutable(), "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=192m", "-jar", jar.toString());
        long launched = System.nanoTime();
        Child child = spawn(app.module(), command, appEnv, repo);
        waitFor(app.module(), child, () -> httpOk("http://localhost:" + app.port() + "/actuator/health"), Duration.ofSeconds(180));
        startupTimes.put(app.module(), Duration.ofNanos(System.nanoTime() - launched));
        step(app.module(), "up on http://localhost:" + app.port());
    }

    private List<String> java(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + home.resolve("kafka/logback.xml"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        writeKafkaLogConfig();
        return command;
    }

    private void writeKafkaLogConfig() {
        try {
            Files.createDirectories(home.resolve("kafka"));
            Files.writeString(home.resolve("kafka/logback.xml"), """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new StartFailure("Cannot write Kafka's log configuration: " + e.getMessage());
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Child spawn(String name, List<String> command, Map<String, String> extraEnv, Path directory) {
        Path log = home.resolve("logs").resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(extraEnv);
        try {
            Child child = new Child(name, builder.start(), log);
            children.add(child);
            return child;
        } catch (IOException e) {
            throw new StartFailure("Cannot start " + name + ": " + e.getMessage());
        }
    }

    record Child(String name, Process process, Path log) {
    }

    /** The resident memory of a running part, from /proc (Linux), in MiB; -1 where unknown. */
    long residentMiB(String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst().map(c -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + c.process().pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or gone
            }
            return -1L;
        }).orElse(-1L);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private void waitFor(String what, Child child, Check check, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.process().isAlive()) {
                throw new StartFailure(what + " stopped while starting (exit " + child.process().exitValue() + "). Last lines of "
                        + child.log() + ":\n" + tail(child.log(), 25));
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            sleep(500);
        }
        throw new StartFailure(what + " did not become healthy within " + limit.toSeconds() + " s. Last lines of "
                + child.log() + ":\n" + tail(child.log(), 25));
    }

    private boolean httpOk(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private static boolean portOpen(int port) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted");
        }
    }

    private static void step(String what, String message) {
        System.out.printf("  ✓ %-22s %s%n", what, message);
    }

    private void banner(Duration took) {
        System.out.println();
        System.out.println("qingdan 清单 is running (started in " + took.toSeconds() + " s). Ctrl-C stops everything; data stays in "
                + repo.relativize(home) + "/.");
        System.out.println();
        System.out.println("  gateway                http://localhost:8080");
        for (App app : APPS.subList(0, 4)) {
            System.out.printf("  %-22s http://localhost:%d/swagger-ui.html%n", app.module(), app.port());
        }
        System.out.println("  Keycloak               http://localhost:8180/admin  (kcadmin / kcadmin, dev only)");
        System.out.println("  mail (SMTP :3025)      " + repo.relativize(home.resolve("mail")) + "/*.eml");
        System.out.println("  logs                   " + repo.relativize(home.resolve("logs")) + "/");
        System.out.println("  time (dev only)        POST http://localhost:8083/dev/clock/advance {\"by\":\"P8D\"} as admin ends a public notice");
        System.out.println();
        System.out.println("  demo users (password = user name, dev only):");
        System.out.println("    office, committee, admin, reviewer1..reviewer4, applicant-a and vendor-a (甲银行), applicant-b (乙银行)");
        System.out.println();
        System.out.println("  a token:  curl -s -d grant_type=password -d client_id=qingdan-cli -d username=office -d password=office \\");
        System.out.println("              http://localhost:8180/realms/qingdan/protocol/openid-connect/token");
    }

    void stop() {
        List<Child> running = new ArrayList<>(children);
        java.util.Collections.reverse(running);
        for (Child child : running) {
            if (child.process().isAlive()) {
                System.out.println("  stopping " + child.name());
                child.process().destroy();
                try {
                    if (!child.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        child.process().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    child.process().destroyForcibly();
                }
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (mongo != null) {
            System.out.println("  stopping MongoDB wire server");
            mongo.shutdown();
        }
    }
}
