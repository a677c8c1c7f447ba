package org.qingdan.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the README's run command as a newcomer meets it, from the command to "running": a cold start in a
 * fresh clone of this repository (the build, Keycloak's first build, the applications' first start; Keycloak's
 * download is not counted: it is fetched before the clock starts) and a warm start (the same command again,
 * nothing changed). Prints both, and how long each stop took. A benchmark: it asserts nothing. Run by
 * {@code infra/devstack/bench}; needs git and the devstack's ports.
 */
public final class StartupBenchmark {

    /** One run of the command: its process (the stack's JVM, which the run script becomes) and how long it took to run. */
    record Run(Process process, Duration toRunning, Path log) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("qingdan.repo", ".")).toAbsolutePath().normalize();
        Path clone = Files.createTempDirectory("qingdan-fresh-clone");
        try {
            System.out.println("Start-up of infra/devstack/run, in a fresh clone of " + repo + " (HEAD) in " + clone + " (a few minutes)…");
            exec(repo, "git", "clone", "--quiet", repo.toString(), clone.toString());
            exec(clone, "./mvnw", "-B", "-q", "-N", "dependency:copy",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + DevStack.KEYCLOAK_VERSION + ":zip", "-DoutputDirectory=.devstack");
            Run cold = start(clone, "cold");
            Duration coldStop = stop(cold);
            Run warm = start(clone, "warm");
            Duration warmStop = stop(warm);
            System.out.println();
            System.out.println("infra/devstack/run on " + Runtime.getRuntime().availableProcessors() + " cores, from the command to \"running\":");
            System.out.println();
            System.out.printf("| %-84s | %8s |%n", "start", "s");
            System.out.println("|" + "-".repeat(86) + "|" + "-".repeat(10) + "|");
            System.out.printf("| %-84s | %8.1f |%n", "cold: a fresh clone (the build, Keycloak's first build; its download not counted)",
                    seconds(cold.toRunning()));
            System.out.printf("| %-84s | %8.1f |%n", "warm: the same command again, nothing changed (the build check included)",
                    seconds(warm.toRunning()));
            System.out.printf("| %-84s | %8.1f |%n", "first stop (each JVM writes its class-data sharing archive)", seconds(coldStop));
            System.out.printf("| %-84s | %8.1f |%n", "a later stop", seconds(warmStop));
        } finally {
            deleteRecursively(clone);
        }
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static Run start(Path clone, String name) throws Exception {
        Path log = Files.createTempFile("devstack-" + name, ".log");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(clone.resolve("infra/devstack/run").toString()).directory(clone.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("DEVSTACK_DIR"); // the README's command as it is: .devstack/ in the clone
        builder.environment().remove("DEVSTACK_STARTED_AT");
        Process process = builder.start();
        long deadline = started + TimeUnit.MINUTES.toNanos(15);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("is running")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                process.waitFor(2, TimeUnit.MINUTES);
                System.out.println(Files.readString(log, StandardCharsets.UTF_8));
                throw new IllegalStateException("the " + name + " start did not reach \"running\" (output above)");
            }
            Thread.sleep(100);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("  %s start: running after %.1f s%n", name, seconds(took));
        return new Run(process, took, log);
    }

    /** SIGTERM to the stack's JVM: its own shutdown. */
    static Duration stop(Run run) throws Exception {
        long started = System.nanoTime();
        run.process().destroy();
        if (!run.process().waitFor(3, TimeUnit.MINUTES)) {
            run.process().destroyForcibly();
            throw new IllegalStateException("the stack did not stop within 3 minutes; see " + run.log());
        }
        Files.deleteIfExists(run.log());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static void exec(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private StartupBenchmark() {
    }
}
