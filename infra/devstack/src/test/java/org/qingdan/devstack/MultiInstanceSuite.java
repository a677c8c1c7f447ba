package org.qingdan.devstack;

import static org.qingdan.devstack.Load.background;
import static org.qingdan.devstack.Load.deleteRecursively;
import static org.qingdan.devstack.Load.runWorkers;
import static org.qingdan.devstack.Load.seconds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qingdan.testsupport.OidcIssuer;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.wireserver.WireServerBackends;

/**
 * Several instances proven (issue #19 item 3): the devstack with {@code DEVSTACK_INSTANCES=2} (two instances of
 * each of the four services, the gateway balancing every route over both), the suite's OIDC issuer instead of
 * Keycloak, an in-memory MongoDB. Through the gateway it drives the walk-through and a burst of submissions
 * (some taken to a decision, one returned for correction); half-way through the burst it kills the second
 * instance of each service (SIGKILL), the burst goes on against the first, then the killed instances start
 * again and a second walk-through runs. It checks: every event applied once (one review case per accepted
 * application, no listing event twice for a listing, no notification twice), each schedule fired once (the
 * public notice ends: one ProductListed per approval; the correction reminder: one notification and one
 * mail), every mail sent once, and SSE clients on either instance of listing-service receive every public
 * change, whichever instance made it. Prints {@code INSTANCES |} figure lines. Run by
 * {@code infra/devstack/instances}, not by {@code ./mvnw verify} (its name ends in Suite, as FaultSuite's).
 *
 * <p>Size: {@code -Dinstances.submissions} (100) applications in the burst.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceSuite {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final List<String> SERVICES = DevStack.SERVICES;
    static final Duration PATIENCE = Duration.ofMinutes(4);
    static final Duration CATCHING_UP = Duration.ofMinutes(6);
    static final String CONTACT = "zhangsan@bank-a.example.cn";

    final int submissions = Integer.getInteger("instances.submissions", 100);

    MongoServer mongoServer;
    MongoClient mongo;
    DevStack stack;
    EventLog log;
    FaultClient client;
    OidcIssuer oidc;
    String callId;
    final AtomicInteger products = new AtomicInteger();
    final long suiteStarted = System.nanoTime();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    /** Accepted applications (their review case must open once). */
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Applications the committee approved: each must be listed once when its notice ends. */
    final Set<String> approved = ConcurrentHashMap.newKeySet();
    final Set<String> rejected = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void start() throws Exception {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        Path repo = Path.of(System.getProperty("qingdan.repo", "../..")).toAbsolutePath().normalize();
        Path home = Path.of("target/instances-stack").toAbsolutePath();
        deleteRecursively(home); // a fresh broker log for a fresh in-memory database
        mongoServer = new MongoServer(WireServerBackends.memory());
        InetSocketAddress mongoAddress = mongoServer.bind();
        String mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort();
        mongo = MongoClients.create(mongoUri);
        oidc = RealInfrastructure.oidc();
        stack = new DevStack(repo, home, Map.of(
                // the correction reminders are looked for every 2 s, not every 5 minutes
                "QINGDAN_NOTIFICATIONS_REMINDERINTERVAL", "PT2S"), false)
                .withEnv("DEVSTACK_INSTANCES", "2")
                .withEnv("OIDC_ISSUER_URI", oidc.issuerUri())
                .withEnv("MONGODB_URI", mongoUri)
                .countMailOnly();
        long started = System.nanoTime();
        stack.start();
        figure("stack", "broker, 2 × 4 services and the gateway up in %.0f s", seconds(started));
        log = new EventLog("127.0.0.1:" + DevStack.KAFKA_PORT);
        client = new FaultClient(oidc, GATEWAY);
    }

    @AfterAll
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (stack != null) {
            stack.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
        figure("suite", "all in %.0f s", seconds(suiteStarted));
    }

    @Test
    void two_instances_of_each_service_one_killed_mid_way_apply_every_event_fire_every_schedule_and_send_every_mail_once() throws Exception {
        // SSE clients on either instance of listing-service, from before anything public happened
        SseClient onFirst = SseClient.open(http, "http://127.0.0.1:8083/api/public/stream");
        SseClient onSecond = SseClient.open(http, "http://127.0.0.1:" + (8083 + DevStack.SECOND_INSTANCE_PORT_OFFSET) + "/api/public/stream");
        await().atMost(PATIENCE).until(() -> onFirst.connected() && onSecond.connected());
        FaultClient.sleep(3_000); // the streams' consumers (a group per instance) have their partitions
        Set<String> before = listingEventIds();

        // the walk-through, through the gateway, on both instances of each service
        long walked = System.nanoTime();
        Walkthrough walk = new Walkthrough(GATEWAY, null, "http://127.0.0.1:8083").tokensFrom(client::token);
        walk.pool();
        callId = walk.openCall();
        String firstName = "多实例产品" + products.incrementAndGet();
        String firstId = walk.draft(callId, firstName);
        walk.submit(firstId);
        Walkthrough.Result first = walk.afterSubmission(firstId, firstName);
        // the notice end moved instance 1's development clock by a week: instance 2 follows (it read the offset only
        // when it started, and stayed a week behind: its notice ends fell in the past, its leases looked expired)
        Duration apart = assertClocksAgree(8083, "listing-service");
        figure("walk-through", "one product from the call to delisted in %.0f s through the gateway over two instances each "
                + "(accept → case %d ms, approve → notice %d ms, notice end → listed %d ms)", seconds(walked),
                first.acceptToCaseOpen().toMillis(), first.approveToNotice().toMillis(), first.noticeEndToListed().toMillis());
        figure("dev clock", "listing-service's clock moved forward %s on instance 1 by the walk-through; instance 2 within %d ms of it",
                Duration.parse(Walkthrough.field(devClock(8083, null), "offset")), apart.toMillis());

        // the burst; half-way, the second instance of each service is killed
        List<String> submitted = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        String returned = submitAndReturn();
        List<String> killedAt = new CopyOnWriteArrayList<>();
        Set<String> beforeKill = ConcurrentHashMap.newKeySet();
        long burst = System.nanoTime();
        Future<?> killer = background(() -> {
            await().atMost(CATCHING_UP).until(() -> submitted.size() >= submissions / 2);
            // SSE on the second instance got everything public so far, whichever instance made it
            beforeKill.addAll(listingEventIds());
            beforeKill.removeAll(before);
            awaitReceived(onSecond, beforeKill, "the SSE client on listing-service-2 before the kill");
            killedInstant = Instant.now();
            for (String service : SERVICES) {
                stack.kill(service + "-2");
            }
            killedAt.add(String.format("%.0f s", seconds(burst)));
            return null;
        });
        runWorkers(2, () -> started.incrementAndGet() <= submissions, () -> {
            String id = submitAndAccept();
            submitted.add(id);
            int n = submitted.size();
            if (n % 3 == 0) {
                readyForDecision(id);
                decide(id, n % 2 == 0 || n % 9 != 0);
            }
        });
        killer.get(5, TimeUnit.MINUTES);
        double burstTook = seconds(burst);
        awaitApplied(submitted);
        figure("burst", "%d submissions (%d decided: %d approved, %d rejected) and one return for correction in %.0f s; "
                        + "the second instance of each service killed (SIGKILL) at %s; %d answers 5xx (%s), %d unanswered, over %d requests, "
                        + "each retried by the client",
                submitted.size(), approved.size() + rejected.size(), approved.size(), rejected.size(), burstTook,
                killedAt, client.serverErrors.size(), serverErrorsByKind(), client.unanswered.get(), client.requests.get());

        // the killed instances start again; a new SSE client on the second instance; a second walk-through
        long restarting = System.nanoTime();
        ExecutorService restarts = Executors.newFixedThreadPool(SERVICES.size());
        List<Future<?>> restarted = new ArrayList<>();
        for (String service : SERVICES) {
            restarted.add(restarts.submit(() -> stack.restartApp(service + "-2")));
        }
        for (Future<?> f : restarted) {
            f.get(6, TimeUnit.MINUTES);
        }
        restarts.shutdown();
        double restartTook = seconds(restarting);

        // the correction reminder: notification-service's clock moves past the reminder's time on instance 1, instance 2
        // follows, and both look for due reminders every 2 s
        Instant due = Instant.parse(Walkthrough.field(client.once("GET", "/api/applications/" + returned, "office", null).body(), "correctionDueAt"));
        Instant notificationNow = Instant.parse(Walkthrough.field(devClock(8084, null), "now"));
        devClock(8084, Duration.between(notificationNow, due).minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Duration notificationApart = assertClocksAgree(8084, "notification-service");
        SseClient onSecondAgain = SseClient.open(http, "http://127.0.0.1:" + (8083 + DevStack.SECOND_INSTANCE_PORT_OFFSET) + "/api/public/stream");
        await().atMost(PATIENCE).until(onSecondAgain::connected);
        FaultClient.sleep(5_000); // its stream's consumer has its partitions
        Set<String> beforeSecondWalk = listingEventIds();
        String name = "多实例产品" + products.incrementAndGet();
        String again = walk.draft(callId, name);
        walk.submit(again);
        Walkthrough.Result second = walk.afterSubmission(again, name);
        accepted.add(first.applicationId());
        accepted.add(second.applicationId());
        figure("restart", "the four killed instances healthy again in %.0f s; notification-service's clock moved on "
                        + "instance 1, instance 2 within %d ms of it; a second walk-through in %.0f s",
                restartTook, notificationApart.toMillis(), seconds(restarting) - restartTook);

        // every notice ends: the listing-service's clock moves past them (on instance 1; instance 2 follows)
        client.expect(PATIENCE, "POST", "/dev/clock/advance", "admin", "{\"by\":\"P30D\"}", 200);
        await().atMost(CATCHING_UP).until(() -> listed().containsAll(approved));
        awaitLogCaughtUp();

        // every event applied once
        long cases = mongo.getDatabase("qingdan-review").getCollection("reviewCases").countDocuments(Filters.in("_id", accepted));
        assertThat(cases).as("review cases of the accepted applications").isEqualTo(accepted.size());
        Set<String> decided = new HashSet<>(approved);
        decided.addAll(rejected);
        for (String id : decided) {
            assertThat(log.distinct("review.completed.v1", id)).as("ReviewCompleted of " + id).isEqualTo(1);
        }
        Map<String, List<String>> listingEvents = log.typesByKey("listing.events");
        List<String> repeated = listingEvents.entrySet().stream()
                .filter(e -> e.getValue().stream().filter(t -> !t.startsWith("listing.objection")).distinct().count()
                        != e.getValue().stream().filter(t -> !t.startsWith("listing.objection")).count())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertThat(repeated).as("listings with an event twice").isEmpty();
        // the notice-end schedule fired once per approval, on whichever instance held its lease
        for (String id : approved) {
            assertThat(log.distinct("listing.product-listed.v1", id)).as("ProductListed of " + id).isEqualTo(1);
        }
        Set<String> listedNow = listed();
        assertThat(listedNow).as("listed = approved (the two walk-throughs' products were delisted)").containsAll(approved);
        assertThat(log.deadLetters()).as("dead letters").isEmpty();

        // the correction reminder: once, though two instances look for due reminders every 2 s
        var notifications = mongo.getDatabase("qingdan-notification").getCollection("notifications");
        await().atMost(PATIENCE).until(() -> notifications.countDocuments(Filters.and(Filters.eq("aggregateId", returned),
                Filters.eq("eventType", "application.correction-reminder"))) > 0);
        FaultClient.sleep(5_000); // both instances looked again
        List<Document> reminders = notifications.find(Filters.and(Filters.eq("aggregateId", returned),
                Filters.eq("eventType", "application.correction-reminder"), Filters.eq("channel", "EMAIL"))).into(new ArrayList<>());
        assertThat(reminders).as("correction reminder mails planned").hasSize(1);

        // every mail sent once
        double drained = awaitAllMailSent();
        String reminderSubject = reminders.get(0).getString("subject");
        assertThat(stack.mail().received().stream().filter(m -> m.subject().equals(reminderSubject)).count())
                .as("correction reminder mails received").isEqualTo(1);

        // SSE: each client got every public change of its time, whichever instance made it
        Set<String> all = listingEventIds();
        Set<String> sinceFirst = new HashSet<>(all);
        sinceFirst.removeAll(before);
        awaitReceived(onFirst, sinceFirst, "the SSE client on listing-service (the whole run)");
        Set<String> sinceRestart = new HashSet<>(all);
        sinceRestart.removeAll(beforeSecondWalk);
        awaitReceived(onSecondAgain, sinceRestart, "the SSE client on listing-service-2 after its restart");
        onFirst.close();
        onSecond.close();
        onSecondAgain.close();

        figure("applied once", "%d review cases for %d accepted applications, one ReviewCompleted for each of %d decided; "
                        + "%d listings, no listing event twice; "
                        + "%d ProductListed for %d approvals (notice-end schedule on two instances); 0 dead letters",
                cases, accepted.size(), decided.size(), listingEvents.size(), approved.stream().mapToLong(id -> log.distinct("listing.product-listed.v1", id)).sum(),
                approved.size());
        long sentAgain = sentTwiceInCrashWindow.stream().mapToLong(r -> r.copies() - 1).sum();
        figure("mail", "%d mails received by the SMTP server for %d notifications; sent again: %s; the correction reminder once "
                        + "(two instances looking every 2 s); the queue empty %.0f s after the last step", stack.mail().received().size(),
                stack.mail().received().size() - sentAgain,
                sentAgain == 0 ? "none" : sentAgain + " (a killed instance's claim taken over after its lease, same Message-ID)",
                drained);
        figure("SSE", "client on listing-service: %d/%d public changes of the run; on listing-service-2: %d/%d before its kill, "
                        + "and after its restart %d/%d (each instance reads listing.events in a group of its own)",
                count(onFirst, sinceFirst), sinceFirst.size(), count(onSecond, beforeKill), beforeKill.size(),
                count(onSecondAgain, sinceRestart), sinceRestart.size());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One application from draft to accepted, each step retried as a careful client does; answers its id. */
    String submitAndAccept() {
        String id = submitted("多实例测试产品" + products.incrementAndGet());
        stepOnce(id, "accept", "office", "", "ACCEPTED");
        accepted.add(id);
        return id;
    }

    /** One application submitted and returned for correction (its reminder is due three days before the deadline). */
    String submitAndReturn() {
        String id = submitted("补正测试产品" + products.incrementAndGet());
        stepOnce(id, "return", "office", "{\"comments\":[{\"field\":\"applicant.registeredAddress\",\"comment\":\"请补充详细地址\"}]}", "RETURNED");
        return id;
    }

    private String submitted(String name) {
        FaultClient.Answer created = client.retrying(PATIENCE, "POST", "/api/applications", "applicant-a",
                "{\"callId\":\"" + callId + "\"}", "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(created.status()).as("create: " + created.body()).isIn(200, 201);
        String id = created.field("id");
        String attachment = uploadRetrying(id);
        client.expect(PATIENCE, "PUT", "/api/applications/" + id + "/form", "applicant-a",
                Walkthrough.form(name, attachment, attachment, attachment), 200);
        // Art. 8: the sample's participant confirms its role before the submission (confirming again changes nothing)
        client.expect(PATIENCE, "POST", "/api/applications/" + id + "/participation/confirm", "vendor-z", "", 200);
        stepOnce(id, "submit", "applicant-a", "", "SUBMITTED");
        return id;
    }

    /** A state change tried until done; a 409 on a retry is the first attempt having been done (checked). */
    private void stepOnce(String id, String step, String user, String body, String status) {
        FaultClient.Answer a = client.retrying(PATIENCE, "POST", "/api/applications/" + id + "/" + step, user, body);
        if (a.status() == 409 && applicationStatus(id).equals(status)) {
            return;
        }
        assertThat(a.status()).as(step + " " + id + ": " + a.body()).isEqualTo(200);
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
        (approve ? approved : rejected).add(id);
    }

    /** Every accepted application's case opened, and its two mails to the applicant planned (submitted, accepted). */
    private void awaitApplied(List<String> ids) {
        Set<String> ours = Set.copyOf(ids);
        await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> mongo.getDatabase("qingdan-review")
                .getCollection("reviewCases").countDocuments(Filters.in("_id", ours)) == ours.size());
        await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> mongo.getDatabase("qingdan-notification")
                .getCollection("notifications").countDocuments(Filters.and(Filters.in("aggregateId", ours),
                        Filters.eq("recipient", "mailto:" + CONTACT), Filters.eq("channel", "EMAIL"),
                        Filters.in("eventType", List.of("application.submitted.v1", "application.accepted.v1")))) == 2L * ours.size());
    }

    /** Mails received again after the second instances' kill (see {@link #awaitAllMailSent}); set by it. */
    final List<MailLedger.Repeat> sentTwiceInCrashWindow = new CopyOnWriteArrayList<>();
    /** When the second instances were killed. */
    volatile Instant killedInstant;

    /**
     * Waits until no mail waits; then no notification was planned twice, every delivered mail was received (by
     * Message-ID), and none was received twice but in the one window NotificationService documents: an instance
     * killed after the SMTP server accepted a mail and before its DELIVERED record, whose claim another instance
     * takes once its lease ran out and sends again with the same Message-ID (see {@link MailLedger}; the suite kills
     * notification-service-2 once). Each such repeat is printed. Answers how long the queue took to drain.
     */
    private double awaitAllMailSent() {
        long started = System.nanoTime();
        var notifications = mongo.getDatabase("qingdan-notification").getCollection("notifications");
        await().atMost(CATCHING_UP).pollInterval(Duration.ofSeconds(1)).until(() -> notifications.countDocuments(Filters.and(
                Filters.eq("channel", "EMAIL"), Filters.in("status", List.of("PENDING", "RETRYING", "SENDING")))) == 0);
        List<Document> twice = notifications.aggregate(List.of(
                new Document("$group", new Document("_id", new Document("event", "$eventId").append("to", "$recipient").append("channel", "$channel"))
                        .append("n", new Document("$sum", 1))),
                new Document("$match", new Document("n", new Document("$gt", 1))))).into(new ArrayList<>());
        assertThat(twice).as("notifications created twice").isEmpty();
        MailLedger ledger = new MailLedger(stack.mail(), notifications);
        ledger.repeats().forEach(r -> figure("mail twice", "%s", r));
        sentTwiceInCrashWindow.addAll(ledger.assertRepeatsOnlyFromKills(killedInstant == null ? List.of() : List.of(killedInstant)));
        ledger.assertReceivedAreDelivered(null);
        return seconds(started);
    }

    private String applicationStatus(String id) {
        Document d = mongo.getDatabase("qingdan-application").getCollection("applications").find(Filters.eq("_id", id)).first();
        return d == null ? "none" : d.getEmbedded(List.of("state", "status"), String.class);
    }

    private Set<String> listed() {
        Set<String> ids = new HashSet<>();
        mongo.getDatabase("qingdan-listing").getCollection("listings").find(Filters.eq("status", "LISTED"))
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** The ids of the events on listing.events the suite's log read so far. */
    private Set<String> listingEventIds() {
        Set<String> ids = new HashSet<>();
        log.entries().stream().filter(e -> e.topic().equals("listing.events")).forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static void awaitReceived(SseClient sse, Set<String> ids, String who) {
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> sse.ids.containsAll(ids));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(sse.ids);
            throw new AssertionError(who + " missed " + missing.size() + " of " + ids.size() + " public changes: " + missing);
        }
    }

    private static long count(SseClient sse, Set<String> ids) {
        return ids.stream().filter(sse.ids::contains).count();
    }

    /** The 5xx answers the client met, by method, route and status. */
    private Map<String, Long> serverErrorsByKind() {
        Map<String, Long> by = new java.util.TreeMap<>();
        client.serverErrors.forEach(e -> by.merge(e.replaceAll("/api/([a-z]+)/.*? ", "/api/$1/… "), 1L, Long::sum));
        return by;
    }

    /** Both instances' development clocks of a service agree (within the second each takes to follow); answers how far apart. */
    private Duration assertClocksAgree(int firstPort, String service) throws Exception {
        Duration[] apart = new Duration[1];
        await(service + ": both instances' development clocks agree").atMost(Duration.ofSeconds(30)).until(() -> {
            Instant first = Instant.parse(Walkthrough.field(devClock(firstPort, null), "now"));
            Instant second = Instant.parse(Walkthrough.field(devClock(firstPort + DevStack.SECOND_INSTANCE_PORT_OFFSET, null), "now"));
            apart[0] = Duration.between(first, second).abs();
            return apart[0].compareTo(Duration.ofSeconds(3)) < 0;
        });
        return apart[0];
    }

    /** Reads (by null) or moves a service's development clock on the instance at this port, as admin. */
    private String devClock(int port, Duration by) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/clock" + (by == null ? "" : "/advance")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + client.token("admin"));
        HttpResponse<String> r = http.send(by == null ? b.GET().build() : b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"" + by + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("dev clock on " + port + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** Waits until the suite's event log has read everything on our topics now. */
    private void awaitLogCaughtUp() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + DevStack.KAFKA_PORT);
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

    /** An SSE client of the public stream: the ids of the events it received. */
    static final class SseClient implements AutoCloseable {
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        private volatile boolean connected;
        private volatile Stream<String> lines;
        private final Thread reader;

        private SseClient(HttpClient http, String url) {
            reader = new Thread(() -> {
                try {
                    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build(),
                            HttpResponse.BodyHandlers.ofLines());
                    lines = r.body();
                    r.body().forEach(line -> {
                        connected = true;
                        if (line.startsWith("id:")) {
                            ids.add(line.substring(3).trim());
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    // the stream ended (its instance was killed, or we closed it)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sse-" + url);
            reader.setDaemon(true);
            reader.start();
        }

        static SseClient open(HttpClient http, String url) {
            return new SseClient(http, url);
        }

        boolean connected() {
            return connected;
        }

        @Override
        public void close() {
            Stream<String> open = lines;
            if (open != null) {
                open.close();
            }
            reader.interrupt();
        }
    }

    static void figure(String what, String format, Object... args) {
        System.out.printf("INSTANCES | %-14s | %s%n", what, String.format(format, args));
    }
}
