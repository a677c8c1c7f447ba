package org.qingdan.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of {@code listing.events} in a group of its own, as the association website runs one: what
 * arrived for each listing, in order, and when. Joined before {@link #start} returns, so it misses
 * nothing published afterwards. Used by the system test and the benchmark.
 */
public final class WebsiteConsumer implements AutoCloseable {

    private record Arrival(String type, Instant at) {
    }

    private final Map<String, List<Arrival>> byKey = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private WebsiteConsumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "website-" + System.nanoTime());
        p.put("auto.offset.reset", "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("listing.events"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100)); // joined before the first event is sent
        }
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(50)).forEach(r -> byKey.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>())
                            .add(new Arrival(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8), Instant.now())));
                }
            }
        }, "website");
        poller.start();
    }

    public static WebsiteConsumer start(String bootstrapServers) {
        return new WebsiteConsumer(bootstrapServers);
    }

    /** The event types that arrived for this listing, in order. */
    public List<String> types(String key) {
        return byKey.getOrDefault(key, List.of()).stream().map(Arrival::type).toList();
    }

    /** Waits (up to a minute) until an event of this type arrived for this listing; answers when it did. */
    public Instant seen(String key, String type) {
        Walkthrough.until(type + " of " + key + " reaches the website", () -> types(key).contains(type));
        return byKey.get(key).stream().filter(a -> a.type().equals(type)).findFirst().orElseThrow().at();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
