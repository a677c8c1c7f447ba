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

    /**
     * One run of the command: its process (the stack's JVM, which the run script becomes), how long it took to
     * "running", the CPU its processes used until then, and the machine's load average then.
     */
    record Run(Process process, Duration toRunning, double cpuSeconds, String load, Path log) {
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
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println();
            System.out.println("infra/devstack/run on " + cores + " cores, from the command to \"running\" (CPU: of all its processes, "
                    + "Maven included; CPU / cores is the least the start can take on an idle machine; load: the 1/5/15-minute load "
                    + "average at \"running\", the stack's own included):");
            System.out.println();
            System.out.printf("| %-84s | %8s | %8s | %8s | %-16s |%n", "start", "s", "CPU s", "CPU s/" + cores, "load");
            System.out.println("|" + "-".repeat(86) + "|" + "-".repeat(10) + "|" + "-".repeat(10) + "|" + "-".repeat(10) + "|" + "-".repeat(18) + "|");
            row("cold: a fresh clone (the build, Keycloak's first build; its download not counted)", cold, cores);
            row("warm: the same command again, nothing changed (the build check included)", warm, cores);
            System.out.println();
            System.out.printf("stops: the first (each JVM writes its class-data sharing archive) %.1f s, a later one %.1f s%n",
                    seconds(coldStop), seconds(warmStop));
        } finally {
            deleteRecursively(clone);
        }
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static void row(String name, Run run, int cores) {
        System.out.printf("| %-84s | %8.1f | %8.1f | %8.1f | %-16s |%n", name, seconds(run.toRunning()), run.cpuSeconds(),
                run.cpuSeconds() / cores, run.load());
    }

    /**
     * The CPU seconds a process and all it runs have used: its own and those of the children it waited for (the
     * run script's Maven, kc.sh's build) from /proc, and so for every process below it still running. Linux only;
     * -1 elsewhere.
     */
    static double cpuSeconds(ProcessHandle root) {
        long ticks = ticks(root.pid());
        if (ticks < 0) {
            return -1;
        }
        for (ProcessHandle child : root.descendants().toList()) {
            ticks += Math.max(0, ticks(child.pid()));
        }
        return ticks / 100.0; // USER_HZ
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is 0, utime 11, stime 12, cutime 13, cstime 14
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
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
        double cpu = cpuSeconds(process.toHandle());
        String load = load();
        System.out.printf("  %s start: running after %.1f s, %.1f CPU s, load %s%n", name, seconds(took), cpu, load);
        return new Run(process, took, cpu, load, log);
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
