package org.qingdan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import one.convert.Arguments;
import one.convert.JfrToFlame;

/**
 * CPU profiles of the running applications during one phase of the benchmark ({@code bench.profile=true}): a Flight
 * Recorder recording started and stopped in each application's JVM with {@code jcmd}, kept as {@code <phase>-<app>.jfr}
 * with its flame graph ({@code .html}, async-profiler's converter from Maven Central) in {@code target/bench-profiles/},
 * and the methods that took most samples printed, so that a change is chosen from where the time goes.
 * JFR's {@code profile} settings sample every 10 ms at a cost of about 2 %: the benchmark's figures of a profiled run
 * are not compared with those of a plain one.
 */
final class Profiler {

    /** The benchmark's own JVM: the MongoDB wire server, the mail server and the clients. */
    static final String SELF = "devstack";

    private final DevStack stack;
    private final Path dir;
    private final boolean enabled;

    Profiler(DevStack stack, Path dir, boolean enabled) {
        this.stack = stack;
        this.dir = dir;
        this.enabled = enabled;
    }

    /** One phase's recordings; closing it writes and summarises them. */
    interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    Phase record(String phase, String... apps) {
        if (!enabled) {
            return () -> { };
        }
        for (String app : apps) {
            jcmd(app, "JFR.start", "name=bench-" + phase, "settings=profile");
        }
        return () -> {
            for (String app : apps) {
                Path jfr = dir.resolve(phase + "-" + app + ".jfr");
                try {
                    Files.createDirectories(dir);
                    Files.deleteIfExists(jfr);
                    jcmd(app, "JFR.stop", "name=bench-" + phase, "filename=" + jfr);
                    Path html = dir.resolve(phase + "-" + app + ".html");
                    JfrToFlame.convert(jfr.toString(), html.toString(),
                            new Arguments("--cpu", "--title", phase + " · " + app, html.toString()));
                    summarise(phase, app, jfr, html);
                } catch (IOException e) {
                    System.out.println("(no profile of " + app + " in " + phase + ": " + e.getMessage() + ")");
                }
            }
        };
    }

    private void jcmd(String app, String... command) {
        // "devstack": this JVM, which runs the MongoDB wire server, the mail server and the benchmark's clients
        long pid = app.equals(SELF) ? ProcessHandle.current().pid() : stack.pid(app);
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + app);
            }
        } catch (IOException e) {
            throw new IllegalStateException("jcmd for " + app + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Prints the methods with the most samples on top of the stack (self) and anywhere in it (total). */
    private static void summarise(String phase, String app, Path jfr, Path html) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (seen.add(name(frame))) {
                        total.merge(name(frame), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%nprofile %s · %s: %d samples; flame graph %s%n", phase, app, samples, html);
        print("self", self, samples);
        // where the work is ours or a library's to change, not the JDK's, Reactor's or Netty's plumbing under it
        total.keySet().removeIf(method -> method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.")
                || method.startsWith("reactor.") || method.startsWith("io.netty."));
        print("total", total, samples);
    }

    private static void print(String kind, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("  %-5s %5.1f %%  %s%n", kind, 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
