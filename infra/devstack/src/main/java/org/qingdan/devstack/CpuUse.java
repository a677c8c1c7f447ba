package org.qingdan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time each part of the stack used during one phase of the benchmark, and the time the machine's cores
 * stood idle, from /proc (Linux; elsewhere it reports nothing). It tells a phase bounded by the CPU (little idle
 * time: every part's own cost counts) from one bounded by waiting (idle cores: a lock, a poll, a round trip).
 */
final class CpuUse {

    /** The kernel's clock ticks per second, in which /proc reports CPU time; 100 on every Linux we run on. */
    private static final double TICKS = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Long> before;
    private final long idleBefore;
    private final long started = System.nanoTime();

    private CpuUse(Map<String, Long> pids) {
        this.pids = pids;
        this.before = ticks(pids);
        this.idleBefore = idleTicks();
    }

    /** Starts counting for the stack's running parts and this JVM ({@value Profiler#SELF}). */
    static CpuUse start(DevStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
        pids.put(Profiler.SELF, ProcessHandle.current().pid());
        return new CpuUse(pids);
    }

    /** "12.3 s on 2 cores: gateway 4.1 s, … idle 3.0 s", or why not where /proc is missing. */
    String report() {
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> after = ticks(pids);
        long idle = idleTicks();
        if (after.isEmpty() || idle < 0) {
            return "(no CPU figures: /proc is not readable here)";
        }
        String parts = after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format("%s %.1f s", e.getKey(), (e.getValue() - before.get(e.getKey())) / TICKS))
                .collect(Collectors.joining(", "));
        return String.format("%.1f s on %d cores: %s; idle %.1f s", wall.toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors(), parts, (idle - idleBefore) / TICKS);
    }

    /** utime + stime of each process (its threads included), by name; a process that is gone is left out. */
    private static Map<String, Long> ticks(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // the command name in parentheses may hold spaces: count the fields after its closing one
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                // gone, or not Linux
            }
        });
        return ticks;
    }

    /** The idle and I/O-wait time of all cores together, from the first line of /proc/stat; -1 where unknown. */
    private static long idleTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
