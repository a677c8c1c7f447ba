package org.qingdan.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the running system on this machine and prints a table: submissions through the gateway,
 * the time events take to cross services, public reads with and without 304, the gateway's cost, and each
 * application's start-up time and memory. A benchmark, not a test: it asserts nothing and prints figures.
 * Run with {@code infra/devstack/bench}; it starts its own stack in {@code .devstack-bench/}.
 */
public final class Benchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Latencies of one load: requests per second and percentiles. */
    record Load(int requests, Duration elapsed, List<Long> micros) {
        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    public static void main(String[] args) {
        try {
            measure();
        } catch (Throwable failed) {
            // the stack's in-process parts (the wire server, the mail server) keep the JVM alive: without the exit
            // the shutdown hook would never stop the applications
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private static void measure() throws Exception {
        Path repo = Path.of(System.getProperty("qingdan.repo", ".")).toAbsolutePath().normalize();
        DevStack stack = new DevStack(repo, repo.resolve(System.getenv().getOrDefault("DEVSTACK_DIR", ".devstack-bench")),
                Map.of("QINGDAN_GATEWAY_RATELIMIT_ANONYMOUSPERMINUTE", "1000000", "QINGDAN_GATEWAY_RATELIMIT_PRINCIPALPERMINUTE", "1000000"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
        stack.start();
        int submissions = Integer.getInteger("bench.submissions", 200);
        int samples = Integer.getInteger("bench.samples", 10);
        int reads = Integer.getInteger("bench.reads", 5000);
        // uncounted reads of each kind before the counted ones: the gateway's reactive chain runs interpreted and
        // C1-compiled for its first tens of thousands of requests (production settings, hello worlds through the
        // gateway: 5.2 ms of its CPU each over the first 4,000, 1.1 ms after 24,000, 0.62 ms after about 50,000), and a
        // gateway up for a day is compiled. Before this the reads measured mostly the JIT at work.
        int readWarmUp = Integer.getInteger("bench.readWarmup", 10_000);
        int threads = Integer.getInteger("bench.threads", 8);
        // uncounted submissions first: the first ones after a start run interpreted while the JIT compiles (a cold,
        // profiled run with the production settings: 14 a second), which is not what a service up for a day does.
        // Rounds of 300 after a start (production settings): application-service spent 15.4, 11.0, 8.6, 7.8 ms of CPU
        // a submission, the gateway 8.0, 4.2, 4.0, 2.6; 100 left the counted ones mostly compiling
        int warmUp = Integer.getInteger("bench.warmup", 600);

        Walkthrough walk = Walkthrough.onDevStack();
        walk.pool();
        String call = walk.openCall();
        // the drafts made side by side, in the order they are submitted
        String[] made = new String[warmUp + submissions];
        List<Runnable> makeDrafts = new ArrayList<>();
        for (int i = 0; i < made.length; i++) {
            int n = i;
            makeDrafts.add(() -> made[n] = walk.draft(call, "基准测试产品" + n));
        }
        run(makeDrafts, threads);
        List<String> drafts = List.of(made);
        List<Runnable> submitAll = drafts.stream().<Runnable>map(id -> () -> walk.submit(id)).toList();
        run(submitAll.subList(0, warmUp), threads);
        List<Runnable> submitCounted = submitAll.subList(warmUp, submitAll.size());
        Profiler profiler = new Profiler(stack, repo.resolve("target/bench-profiles"), Boolean.getBoolean("bench.profile"));
        Map<String, String> cpuUse = new LinkedHashMap<>();
        Load submit;
        try (Profiler.Phase phase = profiler.record("submissions", "gateway", "application-service", Profiler.SELF)) {
            submit = withCpuUse(stack, cpuUse, "submissions", () -> run(submitCounted, threads));
        }

        // the association website's view: when each listing event reaches a consumer of listing.events
        List<Long> toCase = new ArrayList<>();
        List<Long> submitToCase = new ArrayList<>();
        List<Long> toNotice = new ArrayList<>();
        List<Long> toListed = new ArrayList<>();
        try (WebsiteConsumer website = WebsiteConsumer.start("localhost:" + DevStack.KAFKA_PORT)) {
            // uncounted ones first: the first crosses every service's cold path (2 s where the others took 0.1–0.4 s),
            // and with one only, the next still did (accept → case open 1,626 ms, the other nine 57–220 ms): the
            // submissions above warm the intake, not the office's acceptance, the review or the listing
            int sampleWarmUp = Integer.getInteger("bench.sampleWarmup", 3);
            for (int i = -sampleWarmUp; i < samples; i++) {
                String id = walk.draft(call, "基准测试时延" + i);
                Instant submitted = Instant.now();
                walk.submit(id);
                toCase.add(walk.accept(id).toMillis()); // the office accepts at once
                submitToCase.add(Duration.between(submitted, Instant.now()).toMillis());
                walk.review(id, "基准测试时延" + i);
                Instant approved = Instant.now();
                walk.approve(id);
                toNotice.add(Duration.between(approved, website.seen(id, "listing.public-notice-started.v1")).toMillis());
                walk.objectAndDismiss(id);
                Instant noticeEnded = Instant.now();
                walk.endNotice(id);
                toListed.add(Duration.between(noticeEnded, website.seen(id, "listing.product-listed.v1")).toMillis());
                if (i < 0) {
                    toCase.clear();
                    submitToCase.clear();
                    toNotice.clear();
                    toListed.clear();
                }
            }
        }

        String gateway = DevStack.app("gateway").url();
        String listingService = DevStack.app("listing-service").url();
        String list = gateway + "/api/public/listings?status=LISTED";
        String etag = HTTP.send(HttpRequest.newBuilder(URI.create(list)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElse("\"none\"");
        for (String url : List.of(list, list.replace(gateway, listingService), listingService + "/api/public/ping", gateway + "/api/public/ping")) {
            get(url, null, readWarmUp, threads);
        }
        get(list, etag, readWarmUp, threads);
        Load plain;
        Load plainDirect;
        Load cached;
        Load direct;
        Load viaGateway;
        try (Profiler.Phase phase = profiler.record("reads", "gateway", "listing-service")) {
            plain = withCpuUse(stack, cpuUse, "public list through the gateway", () -> get(list, null, reads, threads));
            plainDirect = withCpuUse(stack, cpuUse, "public list directly", () -> get(list.replace(gateway, listingService), null, reads, threads));
            cached = withCpuUse(stack, cpuUse, "304 through the gateway", () -> get(list, etag, reads, threads));
            direct = withCpuUse(stack, cpuUse, "hello world directly", () -> get(listingService + "/api/public/ping", null, reads, threads));
            viaGateway = withCpuUse(stack, cpuUse, "hello world through the gateway", () -> get(gateway + "/api/public/ping", null, reads, threads));
        }

        System.out.println();
        // the applications run on the devstack's own java (DevStack: java.home), so this names theirs too
        System.out.println("qingdan benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, every part on this machine, Java "
                + Runtime.version().feature() + " (" + System.getProperty("java.vm.vendor") + "), the "
                + stack.jvm().name().toLowerCase(java.util.Locale.ROOT) + " JVM settings (DEVSTACK_JVM: " + String.join(" ", stack.jvm().options()) + ")"
                + (Boolean.getBoolean("bench.profile") ? ", profiled" : ""));
        System.out.println();
        System.out.printf("| %-62s | %12s | %10s | %10s |%n", "measure", "per second", "p50 ms", "p99 ms");
        System.out.println("|" + "-".repeat(64) + "|" + "-".repeat(14) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|");
        row("submissions through the gateway (" + submissions + " after " + warmUp + ", " + threads + " clients)", submit);
        row("public list reads through the gateway (" + reads + " after " + readWarmUp + " of each kind, " + threads + " clients)", plain);
        row("the same directly from listing-service", plainDirect);
        row("the same with If-None-Match (304)", cached);
        row("hello world (/api/public/ping) directly from listing-service", direct);
        row("the same through the gateway", viaGateway);
        System.out.println();
        System.out.printf("gateway cost: p50 %.2f× / mean throughput %.2f× of a direct call%n",
                viaGateway.percentile(0.5) / direct.percentile(0.5), direct.perSecond() / viaGateway.perSecond());
        System.out.printf("submission → review case open (the office accepting at once): %s ms%n", submitToCase);
        System.out.printf("of which accept → review case open (ApplicationAccepted across Kafka): %s ms%n", toCase);
        System.out.printf("approval → PublicNoticeStarted at a website consumer of listing.events: %s ms%n", toNotice);
        System.out.printf("notice end (clock moved) → ProductListed at that consumer (the notice timer): %s ms%n", toListed);
        List<Long> approvalToListed = java.util.stream.IntStream.range(0, toNotice.size()).mapToObj(i -> toNotice.get(i) + toListed.get(i)).toList();
        System.out.printf("approval → ProductListed, without the %d-day notice the measures require: %s ms%n", 7, approvalToListed);
        System.out.println();
        System.out.println("CPU time each part used (from /proc), and the cores' idle time:");
        cpuUse.forEach((load, use) -> System.out.println("- " + load + ": " + use));
        System.out.println();
        System.out.println("Goals (issue #20): the measure beside its goal; the last column is how far the goal is met (1.00 or more: met)");
        System.out.println();
        System.out.printf("| %-58s | %10s | %10s | %8s |%n", "goal", "target", "measured", "met ×");
        System.out.println("|" + "-".repeat(60) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|" + "-".repeat(10) + "|");
        atLeast("gateway hop, hello world: throughput via gateway / direct", 0.40, viaGateway.perSecond() / direct.perSecond());
        atLeast("gateway hop, public list: throughput via gateway / direct", 0.40, plain.perSecond() / plainDirect.perSecond());
        atLeast("public list via gateway / hello world via gateway", 0.5, plain.perSecond() / viaGateway.perSecond());
        atLeast("304 via gateway / hello world via gateway", 0.8, cached.perSecond() / viaGateway.perSecond());
        atLeast("submissions per second via gateway (" + threads + " clients)", 50, submit.perSecond());
        atMost("submission p99 ms", 300, submit.percentile(0.99));
        atMost("approval → ProductListed (notice excluded), p99 ms", 1000, percentile(approvalToListed, 0.99));
        atMost("submission → review case open, p99 ms", 500, percentile(submitToCase, 0.99));
        System.out.println();
        System.out.printf("| %-22s | %10s | %10s |%n", "application", "start s", "RSS MiB");
        System.out.println("|" + "-".repeat(24) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|");
        stack.startupTimes.forEach((app, took) -> System.out.printf("| %-22s | %10.1f | %10d |%n", app, took.toMillis() / 1000.0,
                stack.residentMiB(app)));
        System.exit(0);
    }

    /** Runs one load and keeps, under its name, the CPU time each part of the stack used meanwhile. */
    private static Load withCpuUse(DevStack stack, Map<String, String> cpuUse, String name, Callable<Load> load)
            throws Exception {
        CpuUse cpu = CpuUse.start(stack);
        Load measured = load.call();
        cpuUse.put(name, cpu.report());
        return measured;
    }

    /** With so few samples as the latency runs take, the 99th percentile is the largest. */
    static double percentile(List<Long> millis, double p) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void atLeast(String goal, double target, double measured) {
        System.out.printf("| %-58s | %10s | %10.2f | %8.2f |%n", goal, "≥ " + target, measured, measured / target);
    }

    static void atMost(String goal, double target, double measured) {
        System.out.printf("| %-58s | %10s | %10.0f | %8.2f |%n", goal, "≤ " + (long) target, measured, target / measured);
    }

    static void row(String name, Load load) {
        System.out.printf("| %-62s | %12.1f | %10.2f | %10.2f |%n", name, load.perSecond(), load.percentile(0.5), load.percentile(0.99));
    }

    static Load get(String url, String ifNoneMatch, int n, int threads) throws Exception {
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
                if (ifNoneMatch != null) {
                    b.header("If-None-Match", ifNoneMatch);
                }
                try {
                    HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        run(calls.subList(0, Math.min(50, n)), threads); // warm-up
        return run(calls, threads);
    }

    static Load run(List<Runnable> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable call : calls) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                call.run();
                micros.add((System.nanoTime() - t) / 1000);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        pool.shutdown();
        return new Load(calls.size(), elapsed, micros);
    }

    private Benchmark() {
    }
}
