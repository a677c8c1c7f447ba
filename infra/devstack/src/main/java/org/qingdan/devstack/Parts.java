package org.qingdan.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stack as a declarative list of parts, each with the ports it holds and the parts it waits for (as in
 * eShop's AppHost): {@link #start} launches every part as soon as what it waits for is up, side by side, and
 * ends at the first failure. The list says the order; nothing else does.
 */
final class Parts {

    /** How a part starts; it returns once the part is up (healthy), or throws. */
    interface Start {
        void run() throws Exception;
    }

    /** A port a part holds, and what for (said when the port is taken). */
    record Port(int number, String purpose) {
    }

    /** One part: its name, its ports, the names of the parts it waits for, and how it starts. */
    record Part(String name, List<Port> ports, List<String> after, Start start) {
        Part {
            ports = List.copyOf(ports);
            after = List.copyOf(after);
        }
    }

    private Parts() {
    }

    /**
     * Starts these parts, each once the parts it waits for are up; returns when all are up. Throws the first
     * failure (unwrapped) as soon as it happens; parts already starting go on in the background and are the
     * caller's to stop. A part that waits for one not in the list, or for one listed after it, is refused
     * before anything starts: the list is in an order that can start.
     */
    static void start(List<Part> parts) throws Exception {
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (Part part : parts) {
            for (String needed : part.after()) {
                if (!started.containsKey(needed)) {
                    throw new IllegalArgumentException(part.name() + " waits for " + needed + ", which is not listed before it");
                }
            }
            if (started.containsKey(part.name())) {
                throw new IllegalArgumentException(part.name() + " is listed twice");
            }
            started.put(part.name(), null);
        }
        ExecutorService tasks = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "devstack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Object> firstFailure = new CompletableFuture<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Part part : parts) {
                CompletableFuture<Void> ready = CompletableFuture.allOf(part.after().stream().map(started::get).toArray(CompletableFuture[]::new));
                CompletableFuture<Void> up = ready.thenRunAsync(() -> {
                    try {
                        part.start().run();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, tasks);
                up.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        firstFailure.completeExceptionally(failure);
                    }
                });
                started.put(part.name(), up);
                all.add(up);
            }
            CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), firstFailure).join();
        } catch (CompletionException e) {
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } finally {
            tasks.shutdownNow();
        }
    }
}
