package org.qingdan.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record on our topics and their dead-letter topics as a consumer of its own group reads it, from the
 * beginning: the fault suite's witness of what the services produced. Keeps topic, partition, offset, key and
 * the CloudEvents id and type of each, so a case can count distinct events, duplicates on the log, and the
 * order of one aggregate's events.
 */
final class EventLog implements AutoCloseable {

    record Entry(String topic, int partition, long offset, String key, String id, String type) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** How far this log has read each partition (the next offset), to tell when it caught up. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    EventLog(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "fault-suite-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("metadata.max.age.ms", "2000"); // sees the dead-letter topics soon after one is created
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Pattern.compile("(application|review|listing)\\.[a-z.]*events(\\.DLT)?"));
        poller = new Thread(() -> {
            while (running) {
                try {
                    var records = consumer.poll(Duration.ofMillis(100));
                    records.forEach(r -> entries.add(new Entry(r.topic(), r.partition(), r.offset(), r.key(),
                            header(r.headers().lastHeader("ce_id")), header(r.headers().lastHeader("ce_type")))));
                    for (TopicPartition partition : consumer.assignment()) {
                        positions.put(partition, consumer.position(partition, Duration.ofSeconds(5)));
                    }
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // the broker is being killed or its link frozen: the consumer reconnects by itself
                }
            }
        }, "fault-suite-event-log");
        poller.setDaemon(true);
        poller.start();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Records on dead-letter topics. */
    List<Entry> deadLetters() {
        return entries.stream().filter(e -> e.topic().endsWith(".DLT")).toList();
    }

    /** How many distinct events of this type are on the log, whatever their copies. */
    long distinct(String type) {
        return entries.stream().filter(e -> type.equals(e.type()) && !e.topic().endsWith(".DLT")).map(Entry::id).distinct().count();
    }

    /** Distinct events of this type for one key (aggregate). */
    long distinct(String type, String key) {
        return entries.stream().filter(e -> type.equals(e.type()) && key.equals(e.key()) && !e.topic().endsWith(".DLT"))
                .map(Entry::id).distinct().count();
    }

    /** Records that repeat an event already on the log (the producer retried across a broker failure). */
    long copies() {
        List<Entry> all = entries.stream().filter(e -> !e.topic().endsWith(".DLT")).toList();
        return all.size() - all.stream().map(Entry::id).distinct().count();
    }

    /** For each key, its events' types in log order (the first copy of each event). */
    Map<String, List<String>> typesByKey(String topic) {
        Map<String, List<String>> byKey = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        List<Entry> ordered = new ArrayList<>(entries.stream().filter(e -> e.topic().equals(topic)).toList());
        ordered.sort(java.util.Comparator.comparingInt(Entry::partition).thenComparingLong(Entry::offset));
        for (Entry e : ordered) {
            if (seen.add(e.id())) {
                byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.type());
            }
        }
        return byKey;
    }

    /** Whether this log has read every partition it is assigned up to the given end offsets. */
    boolean caughtUpWith(Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
