package org.qingdan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the fault suite and the multi-instance suite share to load a running stack and time it. */
final class Load {

    private Load() {
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** n threads each doing the work while there is more; a failure of any is thrown here. */
    static void runWorkers(int n, Supplier<Boolean> more, ThrowingRunnable work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(threads.submit(() -> {
                while (more.get()) {
                    work.run();
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : all) {
                f.get(20, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    static Future<?> background(Callable<?> task) {
        ExecutorService one = Executors.newSingleThreadExecutor();
        Future<?> f = one.submit(task);
        one.shutdown();
        return f;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
