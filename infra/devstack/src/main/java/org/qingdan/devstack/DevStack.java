package org.qingdan.devstack;

import de.bwaldvogel.mongo.MongoServer;
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
import java.util.concurrent.TimeUnit;
import org.qingdan.wireserver.WireServerBackends;

/**
 * Starts the whole system on one machine without Docker, each part health-checked: the MongoDB wire server
 * (H2 file persistence, or an external MongoDB when MONGODB_URI is set) and the SMTP server in this JVM, then
 * a Kafka broker in KRaft mode and Keycloak with the qingdan realm side by side, then the four services and
 * the gateway with small heaps, side by side as soon as what each needs to start is up. Each application
 * runs from its extracted jar with a class-data sharing archive of its own, written when it stops the first
 * time after a build and used from the next start on; so does Kafka. Data stays in {@code .devstack/} between
 * runs; Ctrl-C stops everything, the applications first. {@code DEVSTACK_INSTANCES=2} runs a second instance
 * of each of the four services on ports of its own, the gateway balancing each route over both.
 */
public final class DevStack {

    /**
     * One application of ours: module, port, its actuator's management port (health, info, metrics: never
     * routed by the gateway), and whether it needs Keycloak to start (review-service's reviewer UI and
     * application-service's applicant portal read Keycloak's OIDC discovery while they start; the others fetch the
     * issuer's keys at the first token).
     * All of them need Kafka and MongoDB. The ports are the applications' own defaults.
     */
    record App(String module, int port, int managementPort, boolean needsKeycloakToStart, String name) {
        App(String module, int port, int managementPort, boolean needsKeycloakToStart) {
            this(module, port, managementPort, needsKeycloakToStart, module);
        }

        /** The ports it holds, and what for. */
        List<Parts.Port> ports() {
            return List.of(new Parts.Port(port, "needed by " + name), new Parts.Port(managementPort, "needed by " + name + " (its actuator: health, info, metrics)"));
        }

        /** http://localhost and its port. */
        String url() {
            return "http://localhost:" + port;
        }

        /** The second instance of a service ({@code DEVSTACK_INSTANCES=2}): its own ports, its name with "-2". */
        App second() {
            return new App(module, port + SECOND_INSTANCE_PORT_OFFSET, managementPort + SECOND_INSTANCE_MANAGEMENT_OFFSET,
                    needsKeycloakToStart, module + "-2");
        }
    }

    /**
     * Where the second instances listen: 8091 … 8094, their actuators on 9181 … 9184 (not 9091 … 9094, whose
     * 9092 and 9093 are Kafka's).
     */
    static final int SECOND_INSTANCE_PORT_OFFSET = 10;
    static final int SECOND_INSTANCE_MANAGEMENT_OFFSET = 100;
    /** The four services, which run twice with {@code DEVSTACK_INSTANCES=2} (the gateway runs once). */
    static final List<String> SERVICES = List.of("application-service", "review-service", "listing-service", "notification-service");

    static final List<App> APPS = List.of(
            new App("application-service", 8081, 9081, true),
            new App("review-service", 8082, 9082, true),
            new App("listing-service", 8083, 9083, false),
            new App("notification-service", 8084, 9084, false),
            new App("gateway", 8080, 9080, false));

    /** The application of this module (its first instance). */
    static App app(String module) {
        return APPS.stream().filter(a -> a.module().equals(module)).findFirst().orElseThrow();
    }

    static final int KAFKA_PORT = 9092;
    /**
     * How often the gateway asks each instance's actuator whether it is healthy, with several instances; also
     * how long it waits for the answer (Spring Cloud LoadBalancer's health check), so not shorter than a busy
     * instance's health takes on 2 cores (it asks MongoDB and Kafka).
     */
    static final Duration INSTANCE_HEALTH_INTERVAL = Duration.ofSeconds(3);
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;
    static final int KEYCLOAK_PORT = 8180;
    static final int SMTP_PORT = 3025;
    static final String KEYCLOAK_VERSION = "26.5.6";
    static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    static final String KEYCLOAK_ISSUER = KEYCLOAK_URL + "/realms/qingdan";
    static final Parts.Port MONGO = new Parts.Port(MONGO_PORT, "needed by the MongoDB wire server; or set MONGODB_URI to use your own MongoDB");
    static final Parts.Port SMTP = new Parts.Port(SMTP_PORT, "needed by the SMTP server that catches the mail");
    static final List<Parts.Port> KAFKA = List.of(new Parts.Port(KAFKA_PORT, "needed by Kafka"), new Parts.Port(KAFKA_CONTROLLER_PORT, "needed by Kafka"));
    static final Parts.Port KEYCLOAK = new Parts.Port(KEYCLOAK_PORT, "needed by Keycloak; or set OIDC_ISSUER_URI to use your own issuer");
    /** How often listing-service looks for ended notices here (30 s by default). */
    static final Duration NOTICE_SCHEDULE = Duration.ofSeconds(2);

    private final Path repo;
    private final Path home;
    /** The environment the stack decides by: this JVM's, with what {@link #withEnv} added. */
    private final Map<String, String> env = new LinkedHashMap<>(System.getenv());
    /** The processes this stack started. */
    private final Processes processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private MongoServer mongo;
    /** How long each application took from launch to healthy, in the order they became healthy. */
    final Map<String, Duration> startupTimes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private MailCatcher mail;

    private final Map<String, String> extraAppEnv;
    /** Whether the JVMs of the stack use class-data sharing archives (kept in the stack's directory). */
    private final boolean classDataSharing;
    /** More environment for one application only, by module (the fault suite gives each its own link to MongoDB). */
    private final Map<String, Map<String, String>> appEnvByModule = new LinkedHashMap<>();
    /** The applications this stack starts (all five unless {@link #only} chose). */
    private List<App> apps = APPS;
    /** Where clients reach Kafka: its own port, or a proxy in front of it ({@link #advertiseKafkaAt}). */
    private int kafkaAdvertisedPort = KAFKA_PORT;
    /** Whether mail is only kept in memory, not saved as files nor printed. */
    private boolean countMailOnly;
    /** The environment every application started with, kept for restarts. */
    private Map<String, String> appEnv;
    /** The broker's command, kept for restarts. */
    private List<String> kafkaCommand;

    DevStack(Path repo, Path home) {
        this(repo, home, Map.of());
    }

    /** {@code extraAppEnv}: more environment for the five applications (tests tighten settings this way). */
    DevStack(Path repo, Path home, Map<String, String> extraAppEnv) {
        this(repo, home, extraAppEnv, true);
    }

    /** {@code classDataSharing}: false where a stack starts once (a test in a fresh clone): archives would cost, not save. */
    DevStack(Path repo, Path home, Map<String, String> extraAppEnv, boolean classDataSharing) {
        this.repo = repo;
        this.home = home;
        this.extraAppEnv = extraAppEnv;
        this.classDataSharing = classDataSharing;
        this.processes = new Processes(home.resolve("logs"));
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
        if (instances() == 2) {
            List<App> both = new ArrayList<>(apps);
            apps.stream().filter(a -> SERVICES.contains(a.module())).forEach(a -> both.add(a.second()));
            apps = List.copyOf(both);
        }
        List<Parts.Part> parts = parts();
        for (Parts.Part part : parts) {
            part.ports().forEach(port -> requireFree(port.number()));
        }
        long started = System.nanoTime();
        appEnv = new LinkedHashMap<>(Map.of(
                "MONGODB_URI", env.getOrDefault("MONGODB_URI", "mongodb://localhost:" + MONGO_PORT),
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaAdvertisedPort,
                "OIDC_ISSUER_URI", env.getOrDefault("OIDC_ISSUER_URI", KEYCLOAK_ISSUER),
                // development only: an admin may move a service's clock forward (the end of a public notice
                // without waiting days; see README "Time in the devstack"), and notice ends are looked for often
                "QINGDAN_DEV_CLOCKCONTROL", "true",
                "QINGDAN_LISTING_SCHEDULEINTERVAL", NOTICE_SCHEDULE.toString(),
                // development only: webhooks may go over http to receivers on this machine (production: https to public addresses)
                "QINGDAN_WEBHOOKS_DEVELOPMENT_HOSTS", "localhost,127.0.0.1"));
        appEnv.putAll(extraAppEnv);
        if (instances() == 2) {
            gatewayOverInstances();
        }
        Parts.start(parts);
        banner(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The stack, part by part: what each holds and waits for. MongoDB, the mail server, Kafka and Keycloak start side
     * by side while each application's jar is made ready (once per module: a second instance uses its first's); each
     * application starts as soon as what it needs is up. Review-service's reviewer UI and application-service's
     * applicant portal read Keycloak's OIDC discovery while they start; the others fetch its keys at the first token.
     */
    List<Parts.Part> parts() {
        List<Parts.Part> parts = new ArrayList<>();
        parts.add(new Parts.Part("MongoDB", env.containsKey("MONGODB_URI") ? List.of() : List.of(MONGO), List.of(), this::startMongo));
        parts.add(new Parts.Part("SMTP", List.of(SMTP), List.of(), this::startMail));
        parts.add(new Parts.Part("Kafka", KAFKA, List.of(), this::startKafka));
        parts.add(new Parts.Part("Keycloak", env.containsKey("OIDC_ISSUER_URI") ? List.of() : List.of(KEYCLOAK), List.of(), this::startKeycloak));
        Map<String, Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();
        for (App app : apps) {
            if (app.name().equals(app.module())) {
                parts.add(new Parts.Part("jar of " + app.module(), List.of(), List.of(), () -> launches.put(app.module(), prepare(app))));
            }
        }
        for (App app : apps) {
            List<String> after = new ArrayList<>(List.of("MongoDB", "SMTP", "Kafka", "jar of " + app.module()));
            if (app.needsKeycloakToStart()) {
                after.add("Keycloak");
            }
            parts.add(new Parts.Part(app.name(), app.ports(), after, () -> {
                Launch launch = launches.get(app.module());
                startApp(app, app.name().equals(app.module()) ? launch : readOnly(launch), appEnv);
            }));
        }
        return parts;
    }

    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartFailure("Port " + port + " is in use (" + portOwner(port) + "). Stop what listens there "
                    + "(ss -ltnp 'sport = :" + port + "' shows it), or an earlier devstack (Ctrl-C in its terminal).");
        }
    }

    /** What a port of the stack is for, from the parts' own ports (second instances included). */
    static String portOwner(int port) {
        List<Parts.Port> all = new ArrayList<>(List.of(MONGO, SMTP, KEYCLOAK));
        all.addAll(KAFKA);
        APPS.forEach(a -> all.addAll(a.ports()));
        APPS.stream().filter(a -> SERVICES.contains(a.module())).forEach(a -> all.addAll(a.second().ports()));
        return all.stream().filter(p -> p.number() == port).map(Parts.Port::purpose).findFirst().orElse("needed");
    }

    private void startMongo() throws IOException {
        if (env.containsKey("MONGODB_URI")) {
            step("MongoDB", "using " + env.get("MONGODB_URI"));
            return;
        }
        Files.createDirectories(home.resolve("mongo"));
        mongo = new MongoServer(WireServerBackends.h2(home.resolve("mongo/qingdan.mv").toString()));
        mongo.bind("127.0.0.1", MONGO_PORT);
        step("MongoDB", "wire server on 127.0.0.1:" + MONGO_PORT + ", data in " + repo.relativize(home.resolve("mongo")));
    }

    private void startMail() throws IOException {
        if (countMailOnly) {
            mail = MailCatcher.counting(SMTP_PORT);
            step("SMTP", "mail server on localhost:" + SMTP_PORT + ", mail kept in memory");
        } else {
            mail = MailCatcher.start(SMTP_PORT, home.resolve("mail"));
            step("SMTP", "mail server on localhost:" + SMTP_PORT + ", every mail saved in " + repo.relativize(home.resolve("mail")) + "/");
        }
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
                "advertised.listeners=PLAINTEXT://localhost:" + kafkaAdvertisedPort,
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
        // an id that starts with "-" (one in 64, from an earlier version) could never be formatted: the next start draws anew
        if (!Files.exists(clusterIdFile) || Files.readString(clusterIdFile).startsWith("-")) {
            Files.writeString(clusterIdFile, kafkaClusterId());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            List<String> format = java("256m", "kafka.tools.StorageTool", List.of(), "format", "-t", clusterId, "-c",
                    config.toString(), "--ignore-formatted");
            Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(home.resolve("logs/kafka-format.log").toFile()).start();
            if (formatting.waitFor() != 0) {
                throw new StartFailure("Formatting Kafka's log directory failed; see " + home.resolve("logs/kafka-format.log"));
            }
        }
        ClassDataSharing cds = classDataSharing ? ClassDataSharing.in(dir.resolve("cds"), kafkaClassPath()) : null;
        kafkaCommand = java("384m", "kafka.Kafka", cds == null ? List.of() : cds.options(), config.toString());
        Processes.Child kafka = processes.spawn("kafka", kafkaCommand, Map.of(), null, cds, false);
        Processes.waitFor("Kafka", kafka, () -> portOpen(KAFKA_PORT), Duration.ofSeconds(60));
        step("Kafka", "KRaft broker on localhost:" + KAFKA_PORT);
    }

    /** More environment for the stack's own decisions, as if set in this JVM's (MONGODB_URI, OIDC_ISSUER_URI). */
    DevStack withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** More environment for one application only. */
    DevStack withAppEnv(String module, String name, String value) {
        appEnvByModule.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Starts only these applications (by module), e.g. the four services without the gateway. */
    DevStack only(String... modules) {
        List<String> wanted = List.of(modules);
        apps = APPS.stream().filter(a -> wanted.contains(a.module())).toList();
        return this;
    }

    /** Clients reach Kafka at this port (a proxy in front of the broker's own port), which the broker advertises. */
    DevStack advertiseKafkaAt(int port) {
        kafkaAdvertisedPort = port;
        return this;
    }

    /** Each running part's process id, by name. */
    Map<String, Long> pids() {
        return processes.pids();
    }

    /** The process id of a running part (for a thread dump when a fault test times out). */
    long pid(String name) {
        return processes.pid(name);
    }

    /** Kills a part of the stack at once (SIGKILL: no shutdown hook, no flush), and waits until it is gone. */
    void kill(String name) throws InterruptedException {
        processes.kill(name);
    }

    /** The resident memory of a running part, in MiB; -1 where unknown. */
    long residentMiB(String name) {
        return processes.residentMiB(name);
    }

    /** Starts the broker again on its data directory (after {@link #kill}); returns when it listens. */
    void restartKafka() {
        Processes.Child kafka = processes.spawn("kafka", kafkaCommand, Map.of(), null, null, false);
        Processes.waitFor("Kafka", kafka, () -> portOpen(KAFKA_PORT), Duration.ofSeconds(60));
    }

    /** Starts one application again (after {@link #kill}), by name (a second instance's: module + "-2"); returns when it is healthy. */
    void restartApp(String name) {
        App app = apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not part of this stack"));
        Launch launch = prepare(app);
        startApp(app, app.name().equals(app.module()) ? launch : readOnly(launch), appEnv);
    }

    /** The JVM settings the applications run with: {@code DEVSTACK_JVM}, {@code startup} (default) or {@code production}. */
    JvmSettings jvm() {
        return JvmSettings.named(env.getOrDefault("DEVSTACK_JVM", "startup"));
    }

    /** How many instances of each of the four services run: {@code DEVSTACK_INSTANCES}, 1 (default) or 2. */
    int instances() {
        String wanted = env.getOrDefault("DEVSTACK_INSTANCES", "1").trim();
        if (!wanted.equals("1") && !wanted.equals("2")) {
            throw new StartFailure("DEVSTACK_INSTANCES is " + wanted + ": 1 (the default) or 2 instances of each service.");
        }
        return Integer.parseInt(wanted);
    }

    /** The applications this stack runs (the second instances too, once started). */
    List<App> apps() {
        return apps;
    }

    /**
     * With two instances of each service, the gateway balances each route over both: its routes go to
     * {@code lb://<service>}, whose instances are a static list (Spring Cloud's simple discovery client), each
     * instance asked every {@link #INSTANCE_HEALTH_INTERVAL} on its actuator whether it is ready; one that
     * does not answer gets no request until it does again.
     */
    private void gatewayOverInstances() {
        StringBuilder instancesJson = new StringBuilder();
        for (String service : SERVICES) {
            List<App> its = apps.stream().filter(a -> a.module().equals(service)).toList();
            if (its.isEmpty()) {
                continue;
            }
            appEnvByModule.computeIfAbsent("gateway", m -> new LinkedHashMap<>())
                    .put(service.replace("-service", "").toUpperCase() + "_SERVICE_URI", "lb://" + service);
            instancesJson.append(instancesJson.isEmpty() ? "" : ",").append('"').append(service).append("\":[")
                    .append(its.stream().map(a -> "{\"uri\":\"http://localhost:" + a.port() + "\",\"metadata\":{\"management-port\":\""
                            + a.managementPort() + "\"}}").collect(java.util.stream.Collectors.joining(","))).append(']');
        }
        appEnvByModule.computeIfAbsent("gateway", m -> new LinkedHashMap<>()).put("SPRING_APPLICATION_JSON",
                "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{" + instancesJson + "}}}},"
                        + "\"loadbalancer\":{\"health-check\":{\"interval\":\"" + INSTANCE_HEALTH_INTERVAL.toMillis() + "ms\"}}}}}");
    }

    /** The same launch for a second instance: it uses the first's class-data sharing archive if there is one, never writes it. */
    static Launch readOnly(Launch launch) {
        if (launch.cds() == null || launch.cds().used()) {
            return new Launch(launch.command(), null);
        }
        List<String> command = new ArrayList<>(launch.command());
        command.removeAll(launch.cds().options());
        return new Launch(List.copyOf(command), null);
    }

    /** Mail is kept in memory only: neither saved nor printed (the fault suite sends thousands). */
    DevStack countMailOnly() {
        countMailOnly = true;
        return this;
    }

    /** The mail the services sent so far. */
    MailCatcher mail() {
        return mail;
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, never starting with "-" (the storage tool's
     * argument parser reads such an id as an option and refuses to format; Kafka's own Uuid.randomUuid draws again too).
     */
    static String kafkaClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private void startKeycloak() throws Exception {
        if (env.containsKey("OIDC_ISSUER_URI")) {
            step("Keycloak", "using " + env.get("OIDC_ISSUER_URI"));
            return;
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
        if (importRealm(installed, Files.readAllBytes(repo.resolve("infra/keycloak/qingdan-realm.json")))) {
            step("Keycloak", "the realm file changed since its import (new demo users?): development database reset, the realm is imported again");
        }
        Map<String, String> kcEnv = new LinkedHashMap<>();
        kcEnv.put("KC_BOOTSTRAP_ADMIN_USERNAME", env.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin"));
        kcEnv.put("KC_BOOTSTRAP_ADMIN_PASSWORD", env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin"));
        kcEnv.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // start-dev builds the server for development the first time (about a minute; the dist comes built for
        // production) and keeps the build in lib/quarkus/, which later starts reuse. Only the JIT's first tier,
        // as for the applications: half the CPU to start, plenty for development. (No class-data sharing: most
        // of Keycloak's classes come through Quarkus's own class loader, and an archive saved less than writing
        // it cost.)
        Path built = installed.resolve("lib/quarkus/.qingdan-dev-build");
        kcEnv.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Processes.Child keycloak = processes.spawn("keycloak", List.of(installed.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + KEYCLOAK_PORT, "--hostname=http://localhost:" + KEYCLOAK_PORT, "--import-realm"), kcEnv, installed,
                null, false);
        step("Keycloak", Files.exists(built) ? "starting" : "starting (the first start builds Keycloak: about a minute)");
        Processes.waitFor("Keycloak", keycloak, () -> httpOk(KEYCLOAK_ISSUER + "/.well-known/openid-configuration"), Duration.ofSeconds(240));
        Files.writeString(built, "start-dev built this server for development\n");
        step("Keycloak", "realm qingdan at " + KEYCLOAK_ISSUER);
    }

    /** How an application is launched: its command, and its class-data sharing archive. */
    record Launch(List<String> command, ClassDataSharing cds) {
    }

    /**
     * Makes an application ready to launch: its jar extracted into {@code apps/<module>/} (again only after a
     * build changed the jar), the layout class-data sharing needs, and its archive there.
     */
    Launch prepare(App app) {
        Path jar = repo.resolve(app.module()).resolve("target").resolve(app.module() + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new StartFailure(jar + " is missing: build first with ./mvnw -DskipTests package (the run script does).");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvm().options());
        if (!classDataSharing) {
            command.addAll(List.of("-jar", jar.toString()));
            return new Launch(List.copyOf(command), null);
        }
        Path dir = home.resolve("apps").resolve(app.module());
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        try {
            Path stamp = dir.resolve("extracted-from");
            String from = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            if (!Files.exists(extracted) || !Files.exists(stamp) || !Files.readString(stamp).equals(from)) {
                deleteRecursively(dir.resolve("app"));
                Files.deleteIfExists(stamp);
                Files.createDirectories(dir);
                Path log = home.resolve("logs").resolve(app.module() + "-extract.log");
                Process extract = new ProcessBuilder(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools",
                        "-jar", jar.toString(), "extract",
                        "--destination", dir.resolve("app").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(extracted)) {
                    extract.destroyForcibly();
                    throw new StartFailure("Could not extract " + jar + ". Last lines of " + log + ":\n" + Processes.tail(log, 25));
                }
                Files.writeString(stamp, from);
            }
            ClassDataSharing cds = ClassDataSharing.in(dir, from);
            command.addAll(cds.options());
            command.addAll(List.of("-jar", extracted.toString()));
            return new Launch(List.copyOf(command), cds);
        } catch (IOException e) {
            throw new StartFailure("Could not prepare " + app.module() + " in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted");
        }
    }

    /**
     * Puts the realm where start-dev imports it. start-dev skips a realm that exists already, so a realm file that changed
     * since the last import (a new demo user, say) would never arrive: then Keycloak's development database
     * ({@code data/h2}, demo data only) is removed and the realm imported whole on this start. Answers whether it was.
     */
    static boolean importRealm(Path keycloakHome, byte[] realm) throws IOException {
        Path imports = keycloakHome.resolve("data/import");
        Files.createDirectories(imports);
        Path imported = imports.resolve("qingdan-realm.json");
        boolean changed = Files.exists(imported) && !java.util.Arrays.equals(Files.readAllBytes(imported), realm);
        if (changed) {
            deleteRecursively(keycloakHome.resolve("data/h2"));
        }
        Files.write(imported, realm);
        return changed;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void startApp(App app, Launch launch, Map<String, String> appEnv) {
        long launched = System.nanoTime();
        Map<String, String> environment = new LinkedHashMap<>(appEnv);
        environment.putAll(appEnvByModule.getOrDefault(app.module(), Map.of()));
        environment.putAll(appEnvByModule.getOrDefault(app.name(), Map.of()));
        if (!app.name().equals(app.module())) {
            environment.put("PORT", String.valueOf(app.port()));
            environment.put("MANAGEMENT_PORT", String.valueOf(app.managementPort()));
        }
        Processes.Child child = processes.spawn(app.name(), launch.command(), environment, repo, launch.cds(), true);
        Processes.waitFor(app.name(), child, () -> httpOk("http://localhost:" + app.managementPort() + "/actuator/health"), Duration.ofSeconds(240));
        startupTimes.put(app.name(), Duration.ofNanos(System.nanoTime() - launched));
        step(app.name(), String.format("up on http://localhost:%d in %.1f s%s", app.port(), (System.nanoTime() - launched) / 1e9,
                launch.cds() == null ? "" : launch.cds().used() ? " (class-data sharing)" : " (its class-data sharing archive is written when it stops)"));
    }

    /** A JVM for Kafka's classes, which are on this JVM's class path (our own classes left out). */
    private List<String> java(String heap, String mainClass, List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + home.resolve("kafka/logback.xml")));
        command.addAll(options);
        command.addAll(List.of("-cp", kafkaClassPath(), mainClass));
        command.addAll(List.of(args));
        writeKafkaLogConfig();
        return command;
    }

    /** This JVM's class path without directories (our classes): class-data sharing takes jars only. */
    private static String kafkaClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Files.isDirectory(Path.of(entry))).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
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

    private static void step(String what, String message) {
        System.out.printf("  ✓ %-22s %s%n", what, message);
    }

    private void banner(Duration took) {
        String fromCommand = "";
        String commandStarted = env.getOrDefault("DEVSTACK_STARTED_AT", ""); // ms, set by infra/devstack/run
        if (commandStarted.matches("[0-9]{1,18}")) {
            fromCommand = String.format(", %.0f s from the command", (System.currentTimeMillis() - Long.parseLong(commandStarted)) / 1000.0);
        }
        System.out.println();
        System.out.printf("qingdan 清单 is running (the stack started in %.0f s%s). Ctrl-C stops everything; data stays in %s/.%n",
                took.toMillis() / 1000.0, fromCommand, repo.relativize(home));
        System.out.println();
        String gateway = app("gateway").url();
        System.out.println("  gateway                " + gateway);
        System.out.println("  applicant portal       " + gateway + "/portal/   (applicant-a, vendor-a, vendor-z ...)");
        System.out.println("  reviewer UI            " + gateway + "/review/   (reviewer1..4, office, committee)");
        for (String service : SERVICES) {
            System.out.printf("  %-22s %s/swagger-ui.html%n", service, app(service).url());
        }
        System.out.printf("  actuator (internal)    http://localhost:%d … %d/actuator/health, /info, /prometheus (the gateway's, then each service's)%n",
                APPS.stream().mapToInt(App::managementPort).min().orElseThrow(), APPS.stream().mapToInt(App::managementPort).max().orElseThrow());
        if (apps.stream().anyMatch(a -> !a.name().equals(a.module()))) {
            List<App> seconds = apps.stream().filter(a -> !a.name().equals(a.module())).toList();
            System.out.printf("  second instances       http://localhost:%d … %d, actuators %d … %d; the gateway balances over both%n",
                    seconds.get(0).port(), seconds.get(seconds.size() - 1).port(), seconds.get(0).managementPort(),
                    seconds.get(seconds.size() - 1).managementPort());
        }
        System.out.println("  Keycloak               " + KEYCLOAK_URL + "/admin  (kcadmin / kcadmin, dev only)");
        System.out.println("  mail (SMTP :" + SMTP_PORT + ")      " + repo.relativize(home.resolve("mail")) + "/*.eml");
        System.out.println("  logs                   " + repo.relativize(home.resolve("logs")) + "/");
        System.out.println("  time (dev only)        POST " + app("listing-service").url() + "/dev/clock/advance {\"by\":\"P8D\"} as admin ends a public notice");
        System.out.println();
        System.out.println("  demo users (password = user name, dev only):");
        System.out.println("    office, committee, admin, reviewer1..reviewer4, applicant-a and vendor-a (甲银行), applicant-b (乙银行), vendor-z (北京智信, the sample's participant)");
        System.out.println();
        System.out.println("  a token:  curl -s -d grant_type=password -d client_id=qingdan-cli -d username=office -d password=office \\");
        System.out.println("              " + KEYCLOAK_ISSUER + "/protocol/openid-connect/token");
    }

    /** Stops everything this stack started: the applications together, then Keycloak and Kafka, then MongoDB. */
    void stop() {
        processes.stopAll();
        if (mail != null) {
            mail.stop();
        }
        if (mongo != null) {
            System.out.println("  stopping MongoDB wire server");
            mongo.shutdown();
        }
    }
}
