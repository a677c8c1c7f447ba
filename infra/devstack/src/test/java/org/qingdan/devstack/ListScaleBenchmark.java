package org.qingdan.devstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.support.kafka.EventSerializer;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.wireserver.WireServerBackends;

/**
 * The public list at 100, 1,000 and 10,000 listings (issue "The list holds at scale"). Runs listing-service
 * as the devstack does (its jar, 192 MB heap, the MongoDB wire server with H2 files, a real broker), puts
 * approvals on {@code review.events} exactly as review-service publishes them, and prints for each size:
 * approvals applied per second (approval → PublicNoticeStarted on {@code listing.events}), a public page
 * read, one listing read and a 304 (p50/p99), the edition chain's verification, and listing-service's RSS.
 * A benchmark: it prints figures and asserts nothing. Run with {@code infra/devstack/bench-list}.
 */
public final class ListScaleBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int SAMPLE = 200;

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("qingdan.repo", ".")).toAbsolutePath().normalize();
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("bench.sizes", "100,1000,10000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        int reads = Integer.getInteger("bench.reads", 1000);
        Path home = Files.createTempDirectory("qingdan-list-bench");
        MongoServer mongo = new MongoServer(WireServerBackends.h2(home.resolve("qingdan.mv").toString()));
        String mongoUri = "mongodb://" + mongo.bind().getHostString() + ":" + mongo.getLocalAddress().getPort();
        String kafka = RealInfrastructure.kafka().bootstrapServers();
        String issuer = RealInfrastructure.oidc().issuerUri();
        int port = freePort();
        int managementPort = freePort();
        Path jar = repo.resolve("listing-service/target/listing-service-0.1.0-SNAPSHOT.jar");
        Map<String, String> env = Map.of("MONGODB_URI", mongoUri, "KAFKA_BOOTSTRAP_SERVERS", kafka, "OIDC_ISSUER_URI", issuer,
                "PORT", String.valueOf(port), "MANAGEMENT_PORT", String.valueOf(managementPort));
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
                "-jar", jar.toString())).redirectErrorStream(true).redirectOutput(home.resolve("listing-service.log").toFile());
        builder.environment().putAll(env);
        Process listing = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(listing::destroy));
        String base = "http://localhost:" + port;
        waitUntil(Duration.ofSeconds(120), () -> status("http://localhost:" + managementPort + "/actuator/health") == 200, "listing-service did not start; see "
                + home.resolve("listing-service.log"));
        System.out.println("listing-service up (pid " + listing.pid() + "), data in " + home);

        AtomicLong noticed = new AtomicLong();
        Thread website = website(kafka, noticed);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("linger.ms", "5");
        List<String[]> rows = new ArrayList<>();
        try (var producer = new KafkaProducer<Object, Object>(p, (org.apache.kafka.common.serialization.Serializer) new StringSerializer(),
                new EventSerializer())) {
            int sent = 0;
            for (int size : sizes) {
                int sample = Math.min(SAMPLE, size - sent);
                sent = approve(producer, sent, size - sample);
                long before = sent;
                waitUntil(Duration.ofMinutes(30), () -> noticed.get() >= before, "approvals not applied");
                long t0 = System.nanoTime();
                sent = approve(producer, sent, size);
                long target = sent;
                waitUntil(Duration.ofMinutes(30), () -> noticed.get() >= target, "approvals not applied");
                double rate = sample / ((System.nanoTime() - t0) / 1e9);
                int pages = Math.max(1, size / 20);
                Load page = load(reads, () -> get(base + "/api/public/listings?status=PUBLIC_NOTICE&size=20&page="
                        + ThreadLocalRandom.current().nextInt(pages), null));
                Load search = load(reads / 4, () -> get(base + "/api/public/listings?status=PUBLIC_NOTICE&q="
                        + java.net.URLEncoder.encode("基准产品" + ThreadLocalRandom.current().nextInt(size), java.nio.charset.StandardCharsets.UTF_8), null));
                Load one = load(reads, () -> get(base + "/api/public/listings/bench-" + ThreadLocalRandom.current().nextInt(size), null));
                String etag = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/public/listings")).build(),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
                Load notModified = load(reads, () -> get(base + "/api/public/listings", etag));
                long v0 = System.nanoTime();
                long next = 1;
                while (next > 0) {
                    String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/public/editions/verification?from=" + next)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    next = body.contains("\"next\":") ? Long.parseLong(body.replaceAll(".*\"next\":(\\d+).*", "$1")) : 0;
                }
                double fullVerify = (System.nanoTime() - v0) / 1e6;
                get(base + "/api/public/editions/verification", null); // records where it got to
                long i0 = System.nanoTime();
                get(base + "/api/public/editions/verification", null);
                double incremental = (System.nanoTime() - i0) / 1e6;
                long rss = rss(listing.pid());
                rows.add(new String[] {String.format("%,d", size), String.format("%.0f", rate),
                        ms(page, 0.5) + " / " + ms(page, 0.99), ms(search, 0.5) + " / " + ms(search, 0.99),
                        ms(one, 0.5) + " / " + ms(one, 0.99), ms(notModified, 0.5),
                        String.format("%.0f / %.0f", fullVerify, incremental), (rss / 1024) + " MiB"});
                System.out.println("measured at " + size + ": " + String.join(" | ", rows.get(rows.size() - 1)));
            }
        } finally {
            website.interrupt();
            listing.destroy();
            listing.waitFor();
            mongo.shutdownNow();
        }
        System.out.println();
        System.out.println("| listings | approvals applied /s | public page p50 / p99 ms | search p50 / p99 ms | one listing p50 / p99 ms "
                + "| 304 p50 ms | verify all / since last ms | listing-service RSS |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.exit(0);
    }

    /** Sends approvals number {@code from} to {@code to - 1}; returns {@code to}. */
    private static int approve(KafkaProducer<Object, Object> producer, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(CloudEventRecords.of(approval(i), "/review-service"));
        }
        producer.flush();
        return to;
    }

    static ReviewCompleted approval(int i) {
        String id = "bench-" + i;
        ApplicationScenario[] scenarios = ApplicationScenario.values();
        PublicProduct product = new PublicProduct(id, 2024 + i % 3, "基准产品" + i, "用于规模测试的产品简介，第 " + i + " 号。",
                ProductType.values()[i % ProductType.values().length], List.of(scenarios[i % scenarios.length]), null,
                List.of("大数据", "人工智能"), java.time.LocalDate.of(2024, 3, 1),
                new PublicProduct.Organisation("基准科技有限公司" + (i % 50), "91110108551385082Q", null),
                new PublicProduct.Organisation("甲银行股份有限公司", "91130100100003962C", "牵头申报单位"),
                List.of(new PublicProduct.Organisation("基准科技有限公司" + (i % 50), "91110108551385082Q", "研发")),
                List.of(new PublicProduct.PublicHonour(HonourKind.PATENT, "一种方法", java.time.LocalDate.of(2023, 1, 1), "国家知识产权局")));
        return new ReviewCompleted(UUID.randomUUID(), Instant.now(), "case-" + id, 9, id,
                new CallSummary("call-bench", "基准征集", 2026, 7, 3), ReviewCompleted.Decision.APPROVED, List.of("专家一致推荐"), 3,
                List.of(), product, "91130100100003962C",
                new ApplicationFormSnapshot.DesignatedContact("张三", "0311-86001234", "信息科技部", "经理", "z@bank.cn"), "committee");
    }

    /** The association website: counts PublicNoticeStarted on listing.events. */
    private static Thread website(String kafka, AtomicLong noticed) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("group.id", "bench-website-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        Thread t = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.LISTING_EVENTS));
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                        var type = r.headers().lastHeader(CloudEventHeaders.TYPE);
                        if (type != null && new String(type.value()).equals("listing.public-notice-started.v1")) {
                            noticed.incrementAndGet();
                        }
                    });
                }
            } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                // the benchmark is over
            }
        }, "bench-website");
        t.setDaemon(true);
        t.start();
        return t;
    }

    record Load(List<Long> micros) {
        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    interface Request {
        void run() throws Exception;
    }

    private static Load load(int requests, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> timings = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            timings.add(pool.submit(() -> {
                long t = System.nanoTime();
                request.run();
                return (System.nanoTime() - t) / 1000;
            }));
        }
        List<Long> micros = new ArrayList<>();
        for (Future<Long> f : timings) {
            micros.add(f.get());
        }
        pool.shutdown();
        return new Load(micros);
    }

    private static String ms(Load load, double p) {
        return String.format("%.1f", load.percentile(p));
    }

    private static void get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        int status = HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 400 && status != 404) {
            throw new IllegalStateException(url + " answered " + status);
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration limit, Condition condition, String failure) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Resident set size in KiB, from /proc. */
    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private ListScaleBenchmark() {
    }
}
