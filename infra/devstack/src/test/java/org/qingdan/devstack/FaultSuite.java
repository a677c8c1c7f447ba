package org.qingdan.devstack;

import static org.qingdan.devstack.Load.background;
import static org.qingdan.devstack.Load.deleteRecursively;
import static org.qingdan.devstack.Load.runWorkers;
import static org.qingdan.devstack.Load.seconds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.qingdan.testsupport.OidcIssuer;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.testsupport.TcpProxy;
import org.qingdan.wireserver.WireServerBackends;

/**
 * Our own fault suite (issue #14 item 5): the four services as processes of their own, as the devstack runs
 * them, a Kafka broker as a process of its own (killed and restarted), each service's link to MongoDB and
 * every client's link to Kafka through a {@link TcpProxy} (cut, frozen), and the suite's OIDC issuer. Each
 * case puts load on the running system, injects its fault, asserts the invariant and prints one figure line
 * ({@code FAULTS |}). Run by {@code infra/devstack/faults} (and so by CI), not by {@code ./mvnw verify}.
 *
 * <p>Sizes: {@code -Dfaults.submissions} (2000) applications during the broker kills, {@code -Dfaults.cut}
 * (PT3M) for the MongoDB cut, {@code -Dfaults.freeze} (PT30S) for the Kafka freeze.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(FaultSuite.SaysWhatFailed.class)
class FaultSuite {

    /** A failed case says so in its figure line at once (surefire reports failures only when the class ends). */
    static final class SaysWhatFailed implements org.junit.jupiter.api.extension.TestWatcher {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            figure(context.getRequiredTestMethod().getName(), "FAILED: %s", String.valueOf(cause).lines().limit(6)
                    .collect(java.util.stream.Collectors.joining(" / ")));
        }
    }

    static final List<String> SERVICES = List.of("application-service", "review-service", "listing-service", "notification-service");
    static final Map<String, String> DATABASES = Map.of("application-service", "qingdan-application", "review-service", "qingdan-review",
            "listing-service", "qingdan-listing", "notification-service", "qingdan-notification");
    static final String CONTACT = "zhangsan@bank-a.example.cn";
    static final Duration PATIENCE = Duration.ofMinutes(4);
    /**
     * How long what waited during a fault may take to be applied after it: thousands of mails queue behind it. The
     * service-kill case's mail drained 394 s and 496 s after its restarts in two whole runs (the quiet machine puts
     * more load on, so more mail); 15 minutes leaves room without hiding a stall, which would never drain.
     */
    static final Duration CATCHING_UP = Duration.ofMinutes(15);

    final int submissions = Integer.getInteger("faults.submissions", 2000);
    final Duration cut = Duration.parse(System.getProperty("faults.cut", "PT3M"));
    final Duration freeze = Duration.parse(System.getProperty("faults.freeze", "PT30S"));

    MongoServer mongoServer;
    MongoClient mongo;
    final Map<String, TcpProxy> mongoLinks = new LinkedHashMap<>();
    TcpProxy kafkaLink;
    DevStack stack;
    EventLog log;
    FaultClient client;
    String callId;
    final AtomicInteger products = new AtomicInteger();
    final long suiteStarted = System.nanoTime();

    /** What each application should be at the end, by id: the status application-service must show. */
    final Map<String, String> expectedStatus = new ConcurrentHashMap<>();
    /** Applications the committee approved: the public list at the end is exactly these. */
    final Set<String> approved = ConcurrentHashMap.newKeySet();
    /** Accepted applications whose review case nobody touched yet: the kill case takes its cases from here. */
    final List<String> undecided = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        // a failure in a thread of the stack's own servers (an SMTP session the client dropped) is not the case's
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        Path repo = Path.of(System.getProperty("qingdan.repo", "../..")).toAbsolutePath().normalize();
        Path home = Path.of("target/fault-stack").toAbsolutePath();
        deleteRecursively(home); // a fresh broker log for a fresh in-memory database
        mongoServer = new MongoServer(WireServerBackends.memory());
        InetSocketAddress mongoAddress = mongoServer.bind(); // a free loopback port
        mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoAddress.getPort());
        kafkaLink = TcpProxy.to(DevStack.KAFKA_PORT);
        OidcIssuer oidc = RealInfrastructure.oidc();
        stack = new DevStack(repo, home, Map.of(), false)
                .only(SERVICES.toArray(String[]::new))
                .withEnv("OIDC_ISSUER_URI", oidc.issuerUri())
                .withEnv("MONGODB_URI", "mongodb://127.0.0.1:" + mongoAddress.getPort())
                .advertiseKafkaAt(kafkaLink.port())
                .countMailOnly();
        for (String service : SERVICES) {
            TcpProxy link = TcpProxy.to(mongoAddress.getPort());
            mongoLinks.put(service, link);
            stack.withAppEnv(service, "MONGODB_URI", "mongodb://127.0.0.1:" + link.port());
        }
        long started = System.nanoTime();
        stack.start();
        figure("stack", "broker and 4 services up in %.0f s", seconds(started));
        log = new EventLog("127.0.0.1:" + kafkaLink.port());
        client = new FaultClient(oidc);
        Walkthrough.REVIEWERS.forEach((id, org) -> client.expect(PATIENCE, "PUT", "/api/reviews/reviewers/" + id, "office",
                "{\"name\":\"专家" + id + "\",\"email\":\"" + id + "@qingdan.example.cn\",\"orgUscc\":\"" + org
                        + "\",\"orgName\":\"评审机构\",\"scenarios\":[\"RISK_MANAGEMENT\"],\"technologies\":[\"大数据\"],\"loadLimit\":50,\"active\":true}", 200));
        int year = java.time.LocalDate.now().getYear();
        callId = client.expect(PATIENCE, "POST", "/api/calls", "office", "{\"title\":\"" + year + "年度金融科技企业和产品清单征集\",\"year\":" + year
                + ",\"opensAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\",\"closesAt\":\""
                + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}", 201).field("id");
        client.expect(PATIENCE, "POST", "/api/calls/" + callId + "/open", "office", "", 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (stack != null) {
            stack.stop();
        }
        mongoLinks.values().forEach(TcpProxy::close);
        if (kafkaLink != null) {
            kafkaLink.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
        figure("suite", "all cases in %.0f s", seconds(suiteStarted));
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void hundred_concurrent_decisions_on_one_case_have_one_winner_and_one_ReviewCompleted() throws Exception {
        String id = submitAndAccept(true);
        readyForDecision(id);
        int contenders = 100;
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            boolean approve = i % 2 == 0;
            answers.add(threads.submit(() -> {
                go.await();
                return client.once("POST", "/api/reviews/cases/" + id + "/decision", "committee",
                        "{\"decision\":\"" + (approve ? "APPROVED" : "REJECTED") + "\",\"reasons\":[\"专家一致意见\"]}").status();
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Future<Integer> a : answers) {
            byStatus.merge(a.get(2, TimeUnit.MINUTES), 1, Integer::sum);
        }
        threads.shutdown();
        double took = seconds(started);
        assertThat(byStatus).as("answers by status").containsOnlyKeys(200, 409).containsEntry(200, 1);

        // once the case's outbox is empty, every event it raised is on the log
        await().atMost(PATIENCE).until(() -> caseOf(id).getList("pendingEvents", Document.class, List.of()).isEmpty());
        awaitLogCaughtUp();
        assertThat(log.distinct("review.completed.v1", id)).as("ReviewCompleted events of the case").isEqualTo(1);
        String status = await().atMost(PATIENCE).until(() -> applicationStatus(id), s -> s.equals("APPROVED") || s.equals("REJECTED"));
        expectedStatus.put(id, status);
        if (status.equals("APPROVED")) {
            approved.add(id);
        }
        figure("decision race", "%d concurrent decisions (half approve, half reject) on one case in %.1f s: answers %s, 1 ReviewCompleted, application %s",
                contenders, took, byStatus, status);
    }

    @Test
    @Order(2)
    void broker_killed_three_times_during_submissions_loses_and_duplicates_nothing() throws Exception {
        int before = client.serverErrors.size();
        List<String> ids = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        List<Double> downtimes = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        Future<?> killer = background(() -> {
            for (int k = 1; k <= 3; k++) {
                int at = submissions * k / 4;
                await().atMost(Duration.ofMinutes(10)).until(() -> done.get() >= at);
                long down = System.nanoTime();
                stack.kill("kafka");
                stack.restartKafka();
                downtimes.add(seconds(down));
            }
            return null;
        });
        AtomicInteger tickets = new AtomicInteger();
        runWorkers(6, () -> tickets.get() < submissions, () -> {
            if (tickets.getAndIncrement() < submissions) {
                ids.add(submitAndAccept(true));
                done.incrementAndGet();
            }
        });
        killer.get(10, TimeUnit.MINUTES);
        double load = seconds(started);
        assertThat(ids).hasSize(submissions);
        assertThat(client.serverErrors.subList(before, client.serverErrors.size())).as("5xx on commands that only write to MongoDB").isEmpty();

        long loaded = System.nanoTime();
        awaitApplied(ids);
        double applied = seconds(loaded);
        undecided.addAll(ids);
        awaitLogCaughtUp();
        Set<String> ours = Set.copyOf(ids);
        long submittedEvents = ids.stream().filter(id -> log.distinct("application.submitted.v1", id) == 1).count();
        long acceptedEvents = ids.stream().filter(id -> log.distinct("application.accepted.v1", id) == 1).count();
        Map<String, List<String>> order = log.typesByKey("application.events");
        // the lifecycle's own events in order (a joint application's participant-named events come before them)
        List<String> lifecycle = List.of("application.submitted.v1", "application.accepted.v1");
        long inOrder = ids.stream().filter(id -> order.getOrDefault(id, List.of()).stream().filter(lifecycle::contains).toList()
                .equals(lifecycle)).count();
        assertThat(submittedEvents).as("applications with exactly one ApplicationSubmitted on the log").isEqualTo(submissions);
        assertThat(acceptedEvents).as("applications with exactly one ApplicationAccepted on the log").isEqualTo(submissions);
        assertThat(inOrder).as("applications whose events are on the log in order (submitted, then accepted)").isEqualTo(submissions);
        assertThat(countCases(ours)).as("review cases opened (events consumed by review-service)").isEqualTo(submissions);
        assertNoDuplicateSideEffects();
        assertThat(log.deadLetters()).as("dead letters").isEmpty();
        figure("broker kill -9 ×3", "%d submissions+acceptances in %.0f s (%.0f/s), broker down %s s, all applied %.0f s after; %d + %d events produced = consumed "
                        + "(%d review cases, %d mails planned), %d copies on the log, 0 duplicate mails or inbox items, order kept for %d/%d, 0 5xx, 0 dead letters",
                submissions, load, submissions / load, downtimes.stream().map(d -> String.format("%.0f", d)).toList(), applied,
                submittedEvents, acceptedEvents, countCases(ours), mailsPlanned(ours), log.copies(), inOrder, submissions);
    }

    @Test
    @Order(3)
    void kafka_link_frozen_loses_no_request_and_delivers_everything_after() throws Exception {
        int before = client.serverErrors.size();
        long unansweredBefore = client.unanswered.get();
        List<String> ids = new CopyOnWriteArrayList<>();
        kafkaLink.freeze();
        long frozenAt = System.nanoTime();
        try {
            runWorkers(2, () -> System.nanoTime() - frozenAt < freeze.toNanos(), () -> ids.add(submitAndAccept(true)));
        } finally {
            kafkaLink.restore();
        }
        double frozen = seconds(frozenAt);
        assertThat(client.serverErrors.subList(before, client.serverErrors.size())).as("5xx while Kafka was frozen").isEmpty();
        assertThat(client.unanswered.get()).as("requests without an answer").isEqualTo(unansweredBefore);
        long restored = System.nanoTime();
        awaitApplied(ids);
        double after = seconds(restored);
        undecided.addAll(ids);
        assertNoDuplicateSideEffects();
        assertThat(log.deadLetters()).as("dead letters").isEmpty();
        figure("Kafka link frozen", "%.0f s frozen: %d applications submitted and accepted meanwhile, 0 5xx, 0 unanswered; all delivered %.1f s after the thaw",
                frozen, ids.size(), after);
    }

    @Test
    @Order(4)
    void mongodb_cut_answers_no_2xx_without_a_durable_write_dead_letters_nothing_and_applies_everything_after() throws Exception {
        List<String> consumers = List.of("review-service", "listing-service", "notification-service");
        List<String> accepted = new CopyOnWriteArrayList<>();
        Map<String, String> answeredOk = new ConcurrentHashMap<>(); // application id → the last step answered 2xx while its link was cut
        AtomicInteger refused = new AtomicInteger();
        long cutAt = System.nanoTime();
        consumers.forEach(s -> mongoLinks.get(s).cut());
        Duration third = cut.dividedBy(3);
        // first third: applications come in; their events reach the consumers, which cannot write
        runWorkers(2, () -> System.nanoTime() - cutAt < third.toNanos(), () -> accepted.add(submitAndAccept(false)));
        // second third: application-service's own link is cut too; every command is tried once
        mongoLinks.get("application-service").cut();
        long appCutAt = System.nanoTime();
        runWorkers(2, () -> System.nanoTime() - appCutAt < third.toNanos(), () -> onceThrough(answeredOk, refused));
        mongoLinks.get("application-service").restore();
        // last third: application-service writes again; the consumers still cannot
        runWorkers(2, () -> System.nanoTime() - cutAt < cut.toNanos(), () -> accepted.add(submitAndAccept(false)));
        consumers.forEach(s -> mongoLinks.get(s).restore());
        double outage = seconds(cutAt);
        long restored = System.nanoTime();
        awaitApplied(accepted);
        double after = seconds(restored);
        undecided.addAll(accepted);

        // every 2xx answered while application-service's link was cut is in its database
        for (Map.Entry<String, String> ok : answeredOk.entrySet()) {
            Document app = mongo.getDatabase("qingdan-application").getCollection("applications").find(Filters.eq("_id", ok.getKey())).first();
            assertThat(app).as("application %s answered 2xx to %s while its database was cut", ok.getKey(), ok.getValue()).isNotNull();
            if (ok.getValue().equals("submit")) {
                assertThat(app.getEmbedded(List.of("state", "status"), String.class)).isIn("SUBMITTED", "ACCEPTED");
            }
        }
        assertNoDuplicateSideEffects();
        assertThat(log.deadLetters()).as("dead letters").isEmpty();
        assertThat(deadLetteredMetric()).as("qingdan_kafka_dead_lettered_total of every service").isZero();
        figure("MongoDB link cut", "%.0f s cut for the consumers (%.0f s for application-service too): %d applications accepted meanwhile, "
                        + "%d commands refused and %d answered 2xx (each durable) while application-service was cut, 0 dead letters; all applied %.1f s after",
                outage, third.toSeconds() * 1.0, accepted.size(), refused.get(), answeredOk.size(), after);
    }

    @Test
    @Order(5)
    void each_service_killed_and_restarted_under_load_leaves_the_list_and_every_application_exact() throws Exception {
        List<String> kills = List.of("application-service", "review-service", "listing-service", "notification-service", "review-service");
        AtomicBoolean killing = new AtomicBoolean(true);
        List<String> decided = new CopyOnWriteArrayList<>();
        List<Double> restarts = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        Future<?> killer = background(() -> {
            for (String service : kills) {
                FaultClient.sleep(3_000);
                long down = System.nanoTime();
                if (service.equals("notification-service")) {
                    notificationKills.add(java.time.Instant.now());
                }
                stack.kill(service);
                stack.restartApp(service);
                restarts.add(seconds(down));
            }
            killing.set(false);
            return null;
        });
        // the office and the experts take cases to decision while services die; applicants keep submitting
        Future<?> decisions = background(() -> {
            int i = 0;
            while (killing.get() || i < 6) {
                String id = undecided.isEmpty() ? submitAndAccept(false) : undecided.remove(0);
                readyForDecision(id);
                boolean approve = i++ % 3 != 2;
                decide(id, approve);
                decided.add(id);
            }
            return null;
        });
        List<String> submitted = new CopyOnWriteArrayList<>();
        runWorkers(2, killing::get, () -> submitted.add(submitAndAccept(false)));
        killer.get(15, TimeUnit.MINUTES);
        decisions.get(10, TimeUnit.MINUTES);
        double load = seconds(started);
        awaitApplied(submitted);

        // the public notices end: the listing-service's clock moves past them
        client.expect(PATIENCE, "POST", "/dev/clock/advance", "admin", "{\"by\":\"P30D\"}", 200);
        await().atMost(PATIENCE).until(() -> listed().equals(approved));
        for (String id : decided) {
            assertThat(applicationStatus(id)).isEqualTo(expectedStatus.get(id));
        }
        Map<String, String> actual = new HashMap<>();
        // only the status: the whole documents of 5,000 applications came to over 48 MB, more than one reply may carry
        // (the wire server does not split a first batch at 16 MiB as MongoDB does)
        mongo.getDatabase("qingdan-application").getCollection("applications").find(Filters.in("_id", expectedStatus.keySet()))
                .projection(Projections.include("state.status")).batchSize(1_000)
                .forEach(d -> actual.put(d.getString("_id"), d.getEmbedded(List.of("state", "status"), String.class)));
        assertThat(actual).as("every application's state").isEqualTo(Map.copyOf(expectedStatus));
        Set<String> publicList = publicList();
        assertThat(publicList).as("the public list (listings.json)").isEqualTo(approved);
        double mailDrained = awaitAllMailSent();
        long sentAgain = mailLedger().assertRepeatsOnlyFromKills(notificationKills).stream().mapToLong(r -> r.copies() - 1).sum();
        assertThat(log.deadLetters()).as("dead letters").isEmpty();
        figure("services kill -9 ×5", "%s killed and restarted in %.0f s (restarts took %s s): %d decided and %d submitted meanwhile; "
                        + "%d applications' states exact, public list exact (%d listed), 0 dead letters; "
                        + "every mail of the suite received (the last %.0f s after), %d sent again with its Message-ID after notification-service's kill "
                        + "(sent, killed before its record), 0 inbox items twice",
                kills, load, restarts.stream().map(d -> String.format("%.0f", d)).toList(), decided.size(), submitted.size(),
                actual.size(), publicList.size(), mailDrained, sentAgain);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One application from draft to accepted, each step retried as a careful client does; answers its id. */
    String submitAndAccept(boolean strict) {
        String name = "容错测试产品" + products.incrementAndGet();
        String key = java.util.UUID.randomUUID().toString();
        FaultClient.Answer created = client.retrying(PATIENCE, "POST", "/api/applications", "applicant-a",
                "{\"callId\":\"" + callId + "\"}", "Idempotency-Key", key);
        assertThat(created.status()).as("create: " + created.body()).isIn(200, 201);
        String id = created.field("id");
        expectedStatus.put(id, "DRAFT");
        String attachment = uploadRetrying(id);
        client.expect(PATIENCE, "PUT", "/api/applications/" + id + "/form", "applicant-a",
                Walkthrough.form(name, attachment, attachment, attachment), 200);
        // Art. 8: the participant confirms its role before the submission (confirming again changes nothing)
        client.expect(PATIENCE, "POST", "/api/applications/" + id + "/participation/confirm", "vendor-z", "", 200);
        stepOnce(id, "submit", "applicant-a", "SUBMITTED");
        stepOnce(id, "accept", "office", "ACCEPTED");
        return id;
    }

    /** A state change tried until done; a 409 on a retry is the first attempt having been done (checked). */
    private void stepOnce(String id, String step, String user, String status) {
        FaultClient.Answer a = client.retrying(PATIENCE, "POST", "/api/applications/" + id + "/" + step, user, "");
        if (a.status() == 409 && applicationStatus(id).equals(status)) {
            expectedStatus.put(id, status);
            return;
        }
        assertThat(a.status()).as(step + " " + id + ": " + a.body()).isEqualTo(200);
        expectedStatus.put(id, status);
    }

    private String uploadRetrying(String id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            FaultClient.Answer a = client.upload(id, "申报表盖章扫描件.pdf");
            if (a.status() == 201) {
                return a.field("id");
            }
            if ((a.status() >= 0 && a.status() < 500 && a.status() != 429) || System.nanoTime() > deadline) {
                throw new IllegalStateException("upload to " + id + ": " + a);
            }
            FaultClient.sleep(500);
        }
    }

    /** Each step of one application tried once while application-service's database is cut: what answered 2xx is recorded. */
    private void onceThrough(Map<String, String> answeredOk, AtomicInteger refused) {
        FaultClient.Answer created = client.once("POST", "/api/applications", "applicant-a", "{\"callId\":\"" + callId + "\"}",
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        if (!created.ok()) {
            refused.incrementAndGet();
            FaultClient.sleep(200);
            return;
        }
        // a 2xx here must be durable; the application stays a draft (not part of the end state's expectations)
        answeredOk.put(created.field("id"), "create");
    }

    /** The case of an accepted application assigned automatically and reviewed by the three experts. */
    private void readyForDecision(String id) {
        await().atMost(PATIENCE).until(() -> client.once("GET", "/api/reviews/cases/" + id, "office", null).status() == 200);
        FaultClient.Answer assigned = client.retrying(PATIENCE, "POST", "/api/reviews/cases/" + id + "/assignments/auto", "office", "");
        assertThat(assigned.status()).as("assign " + id + ": " + assigned.body()).isIn(200, 409);
        for (String reviewer : Walkthrough.REVIEWERS.keySet()) {
            client.expect(PATIENCE, "PUT", "/api/reviews/cases/" + id + "/review", reviewer, Walkthrough.REVIEW, 200, 409);
            client.expect(PATIENCE, "POST", "/api/reviews/cases/" + id + "/review/submit", reviewer, "", 200, 409);
        }
        await().atMost(PATIENCE).until(() -> client.once("GET", "/api/reviews/cases/" + id, "office", null).body()
                .contains("\"status\":\"READY_FOR_DECISION\""));
    }

    private void decide(String id, boolean approve) {
        FaultClient.Answer a = client.retrying(PATIENCE, "POST", "/api/reviews/cases/" + id + "/decision", "committee",
                "{\"decision\":\"" + (approve ? "APPROVED" : "REJECTED") + "\",\"reasons\":[\"专家一致意见\"]}");
        assertThat(a.status()).as("decide " + id + ": " + a.body()).isIn(200, 409);
        expectedStatus.put(id, approve ? "APPROVED" : "REJECTED");
        if (approve) {
            approved.add(id);
        }
    }

    /**
     * Waits until every one of these accepted applications' events was applied: review-service opened its case,
     * notification-service planned its two mails to the applicant (submitted, accepted). Sending them is the
     * delivery schedule's business afterwards; {@link #awaitAllMailSent} checks that at the end.
     */
    private void awaitApplied(Collection<String> ids) {
        Set<String> ours = Set.copyOf(ids);
        await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> countCases(ours) == ours.size());
        await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> mailsPlanned(ours) == 2L * ours.size());
    }

    /**
     * The applicant's mails notification-service planned for these applications (one per event, however often
     * delivered): the applicant's mail notifications read by their aggregate id only, and counted here. Asked as
     * {@code aggregateId $in ids}, the wire server compared every notification with every id (the library's {@code $in}
     * is a list), thousands by thousands, under the collection's lock, once a second: it held notification-service back
     * while it caught up after the cut.
     */
    private long mailsPlanned(Set<String> ids) {
        long planned = 0;
        for (Document d : mongo.getDatabase("qingdan-notification").getCollection("notifications")
                .find(Filters.and(Filters.eq("recipient", "mailto:" + CONTACT), Filters.eq("channel", "EMAIL")))
                .projection(Projections.include("aggregateId")).batchSize(5_000)) {
            if (ids.contains(d.getString("aggregateId"))) {
                planned++;
            }
        }
        return planned;
    }

    /**
     * Waits until no mail waits, then: the SMTP server received each mail delivered to the applicant, and no other
     * (by Message-ID; a repeat is judged by {@link #assertNoDuplicateSideEffects}).
     */
    private double awaitAllMailSent() {
        long started = System.nanoTime();
        var notifications = mongo.getDatabase("qingdan-notification").getCollection("notifications");
        try {
            await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> notifications.countDocuments(Filters.and(
                    Filters.eq("channel", "EMAIL"), Filters.in("status", List.of("PENDING", "RETRYING", "SENDING")))) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // what still waits, and why: status, attempts, last error, next attempt
            notifications.aggregate(List.of(
                    new Document("$match", new Document("channel", "EMAIL").append("status", new Document("$in", List.of("PENDING", "RETRYING", "SENDING")))),
                    new Document("$group", new Document("_id", new Document("status", "$status").append("attempts", "$attempts")
                            .append("error", "$lastError")).append("n", new Document("$sum", 1)).append("next", new Document("$max", "$nextAttemptAt")))))
                    .forEach(d -> figure("mail waiting", "%s", d.toJson()));
            dumpMailThread();
            throw e;
        }
        mailLedger().assertReceivedAreDelivered(CONTACT);
        assertNoDuplicateSideEffects();
        return seconds(started);
    }

    /** What notification-service's mail sender is doing, and how much it sent: the evidence for a stuck queue. */
    private void dumpMailThread() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(stack.pid("notification-service")), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String thread : dump.split("\n\n")) {
                if (thread.startsWith("\"mail-")) {
                    figure("mail thread", "%s", thread);
                }
            }
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + DevStack.app("notification-service").managementPort() + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            metrics.body().lines().filter(l -> l.startsWith("qingdan_notifications") || l.startsWith("mongodb_driver_pool"))
                    .forEach(l -> figure("mail metrics", "%s", l));
        } catch (Exception e) {
            figure("mail thread", "no dump: %s", e);
        }
    }

    private long countCases(Set<String> ids) {
        return mongo.getDatabase("qingdan-review").getCollection("reviewCases").countDocuments(Filters.in("_id", ids));
    }

    /** Kills of notification-service (the service-kill case): each may leave one SMTP batch sent and not recorded. */
    private final List<java.time.Instant> notificationKills = new CopyOnWriteArrayList<>();

    private MailLedger mailLedger() {
        return new MailLedger(stack.mail(), mongo.getDatabase("qingdan-notification").getCollection("notifications"));
    }

    /**
     * No mail received twice (same recipient and Message-ID) but those a kill of notification-service explains (see
     * {@link MailLedger}), no notification planned twice (same event, recipient and channel).
     */
    private void assertNoDuplicateSideEffects() {
        mailLedger().assertRepeatsOnlyFromKills(notificationKills);
        List<Document> twice = mongo.getDatabase("qingdan-notification").getCollection("notifications").aggregate(List.of(
                new Document("$group", new Document("_id", new Document("event", "$eventId").append("to", "$recipient").append("channel", "$channel"))
                        .append("n", new Document("$sum", 1))),
                new Document("$match", new Document("n", new Document("$gt", 1))))).into(new ArrayList<>());
        assertThat(twice).as("notifications created twice").isEmpty();
    }

    private String applicationStatus(String id) {
        Document d = mongo.getDatabase("qingdan-application").getCollection("applications").find(Filters.eq("_id", id)).first();
        return d == null ? "none" : d.getEmbedded(List.of("state", "status"), String.class);
    }

    private Document caseOf(String id) {
        return mongo.getDatabase("qingdan-review").getCollection("reviewCases").find(Filters.eq("_id", id)).first();
    }

    private Set<String> listed() {
        Set<String> ids = new java.util.HashSet<>();
        mongo.getDatabase("qingdan-listing").getCollection("listings").find(Filters.eq("status", "LISTED"))
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** The ids on the public list as the association website reads it. */
    private Set<String> publicList() {
        FaultClient.Answer list = client.expect(PATIENCE, "GET", "/api/public/listings.json", null, null, 200);
        Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"applicationId\"\\s*:\\s*\"([^\"]+)\"").matcher(list.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The sum of qingdan_kafka_dead_lettered_total over the four services (0 where none was ever counted). */
    private double deadLetteredMetric() throws Exception {
        double sum = 0;
        HttpClient http = HttpClient.newHttpClient();
        for (int port : List.of(9081, 9082, 9083, 9084)) { // the management ports
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("qingdan_kafka_dead_lettered_total")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    /** Waits until the suite's event log has read everything on our topics now. */
    private void awaitLogCaughtUp() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + kafkaLink.port());
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            probe.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (topic.matches("(application|review|listing)\\.[a-z.]*events(\\.DLT)?")) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            });
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions, Duration.ofSeconds(30));
            await().atMost(PATIENCE).until(() -> log.caughtUpWith(ends));
        }
    }

    /** Runs {@code work} on {@code n} threads while {@code more} holds; the first failure fails the case. */

    static void figure(String fault, String format, Object... args) {
        System.out.printf("FAULTS | %-20s | %s%n", fault, String.format(format, args));
    }
}
