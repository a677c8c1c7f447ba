package org.qingdan.testsupport.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A growth benchmark's figures: each key query timed at each number of stored items, printed as a Markdown table
 * (p50 / p99 ms). It prints and asserts nothing: timings on a shared 2-core machine are figures to read, not limits.
 * Run by tests that only run with {@code -Dbench.growth=true}.
 */
public final class GrowthTable {

    private final String title;
    private final List<Integer> sizes = new ArrayList<>();
    private final Map<String, List<String>> cells = new LinkedHashMap<>();

    public GrowthTable(String title) {
        this.title = title;
    }

    /** The sizes to measure at: {@code -Dbench.sizes=100,1000,10000} (the default). */
    public static List<Integer> sizes() {
        return Arrays.stream(System.getProperty("bench.sizes", "100,1000,10000").split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** The next size's column. */
    public void at(int size) {
        sizes.add(size);
    }

    /** Runs {@code query} {@code times} times (the run's number given) after a few unmeasured ones, and records p50 / p99. */
    public void time(String query, int times, IntConsumer run) {
        for (int i = 0; i < Math.min(50, times); i++) {
            run.accept(i);
        }
        long[] micros = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            run.accept(i);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        String cell = String.format("%.1f / %.1f", micros[(int) Math.ceil(0.5 * times) - 1] / 1000.0,
                micros[(int) Math.ceil(0.99 * times) - 1] / 1000.0);
        cells.computeIfAbsent(query, q -> new ArrayList<>()).add(cell);
        System.out.println("[" + title + "] " + query + " at " + sizes.get(sizes.size() - 1) + ": " + cell + " ms (p50 / p99)");
    }

    /** The table: one row per query, one column per size. */
    public String markdown() {
        StringBuilder out = new StringBuilder("\n" + title + " — p50 / p99 ms\n\n| query |");
        sizes.forEach(s -> out.append(String.format(" %,d |", s)));
        out.append("\n| --- |").append(" ---: |".repeat(sizes.size())).append('\n');
        cells.forEach((query, row) -> out.append("| ").append(query).append(" | ").append(String.join(" | ", row)).append(" |\n"));
        return out.toString();
    }
}
