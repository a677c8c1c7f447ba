package org.qingdan.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.qingdan.devstack.DevStack.StartFailure;

/**
 * The processes a stack started (Kafka, Keycloak, the applications): launching each with its log file, waiting for
 * it to be healthy (and saying why not, from its log), killing one, reading its memory, and stopping them all.
 */
final class Processes {

    /** A process this stack started: its class-data sharing archive (or null), and whether it is an application of ours. */
    record Child(String name, Process process, Path log, ClassDataSharing cds, boolean app) {
    }

    /** A health check: true once the part is up. */
    interface Check {
        boolean ok() throws Exception;
    }

    private final Path logs;
    /** What this stack started, in start order; guarded by itself, with {@link #stopping}. */
    private final List<Child> children = new ArrayList<>();
    private boolean stopping;

    Processes(Path logs) {
        this.logs = logs;
    }

    /** Launches a process, its output appended to {@code logs/<name>.log}; refused once the stack stops. */
    Child spawn(String name, List<String> command, Map<String, String> extraEnv, Path directory, ClassDataSharing cds, boolean app) {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(extraEnv);
        synchronized (children) {
            if (stopping) {
                throw new StartFailure("stopping");
            }
            try {
                Child child = new Child(name, builder.start(), log, cds, app);
                children.add(child);
                return child;
            } catch (IOException e) {
                throw new StartFailure("Cannot start " + name + ": " + e.getMessage());
            }
        }
    }

    /** Waits until the check passes; fails with the log's last lines if the process dies or the limit passes. */
    static void waitFor(String what, Child child, Check check, Duration limit) {
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
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted");
            }
        }
        throw new StartFailure(what + " did not become healthy within " + limit.toSeconds() + " s. Last lines of "
                + child.log() + ":\n" + tail(child.log(), 25));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Child running(String name) {
        return children.stream().filter(c -> c.name().equals(name) && c.process().isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Each running child's process id, by name, in the order they started. */
    Map<String, Long> pids() {
        synchronized (children) {
            Map<String, Long> pids = new LinkedHashMap<>();
            children.stream().filter(c -> c.process().isAlive()).forEach(c -> pids.putIfAbsent(c.name(), c.process().pid()));
            return pids;
        }
    }

    /** The process id of a running child (for a thread dump when a fault test times out). */
    long pid(String name) {
        synchronized (children) {
            return running(name).process().pid();
        }
    }

    /** Kills a running child at once (SIGKILL: no shutdown hook, no flush), and waits until it is gone. */
    void kill(String name) throws InterruptedException {
        Child child;
        synchronized (children) {
            child = running(name);
            children.remove(child);
        }
        child.process().destroyForcibly();
        if (!child.process().waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
        }
    }

    /** The resident memory of a running child, from /proc (Linux), in MiB; -1 where unknown. */
    long residentMiB(String name) {
        List<Child> all;
        synchronized (children) {
            all = List.copyOf(children);
        }
        return all.stream().filter(c -> c.name().equals(name)).findFirst().map(c -> {
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

    /** Stops every child, the applications first (together), then the others; no child is started after this. */
    void stopAll() {
        List<Child> all;
        synchronized (children) {
            stopping = true;
            all = new ArrayList<>(children);
        }
        stop(all.stream().filter(Child::app).toList());
        stop(all.stream().filter(c -> !c.app()).toList());
    }

    private static void stop(List<Child> group) {
        List<Child> alive = group.stream().filter(c -> c.process().isAlive()).toList();
        for (Child child : alive) {
            boolean writes = child.cds() != null && !child.cds().used();
            System.out.println("  stopping " + child.name() + (writes ? " (it writes its class-data sharing archive for the next start)" : ""));
            child.process().destroy();
        }
        for (Child child : alive) {
            try {
                // writing an archive takes a few seconds more, longer when the machine is busy
                if (!child.process().waitFor(60, TimeUnit.SECONDS)) {
                    child.process().destroyForcibly();
                    child.process().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
            }
            if (child.cds() != null) {
                child.cds().keep(child.process());
            }
        }
    }
}
