package org.qingdan.support.kafka.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.support.kafka.deadletter.DeadLetterReplays.Replay;
import org.qingdan.support.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics of the topics this service consumes, read a page at a time and replayed to the
 * topic the record came from.
 * <p>
 * Reading never takes a whole topic: each request opens a short-lived consumer of its own (no group, so no
 * rebalance of the service's listeners and no committed offsets), {@code assign}s one partition at a time,
 * {@code seek}s to the asked offset and reads at most a page ({@value #MAX_PAGE} records), with the fetch
 * size of one partition. A listed dead letter carries its failure and CloudEvents headers but not its
 * payload; looking at one gives the payload as text, cut at {@value #PAYLOAD_CAP} characters.
 * <p>
 * A replay sends the dead letter's key, value and CloudEvents headers ({@code ce_*}, {@code content-type})
 * to its original topic through the service's own {@link KafkaTemplate} (its idempotent producer,
 * {@code acks=all}), awaiting the broker; the {@code kafka_dlt-*} headers stay behind. One header is added,
 * {@value #REPLAY_OF}, naming the dead letter: should the replay fail again, its new dead letter says so.
 * Each replay is recorded first ({@link DeadLetterReplays}) so that it happens once.
 */
public class DeadLetters {

    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 20;
    static final int PAYLOAD_CAP = 64 * 1024;
    static final int STACKTRACE_CAP = 8 * 1024;
    static final int MESSAGE_CAP = 2000;
    public static final String REPLAY_OF = "qingdan_replay-of";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<Object, Object> kafka;
    private final DeadLetterReplays replays;
    private final Supplier<Set<String>> consumedTopics;
    private final MeterRegistry meters;

    DeadLetters(Map<String, Object> consumerConfig, KafkaTemplate<Object, Object> kafka, DeadLetterReplays replays,
                Supplier<Set<String>> consumedTopics, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>();
        // only the connection (servers, security) of the service's consumer: no group, nothing committed
        consumerConfig.forEach((k, v) -> {
            if (k.startsWith("bootstrap.") || k.startsWith("security.") || k.startsWith("ssl.") || k.startsWith("sasl.")
                    || k.equals("client.dns.lookup") || k.equals("isolation.level")) {
                config.put(k, v);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-admin");
        this.consumerConfig = Map.copyOf(config);
        this.kafka = kafka;
        this.replays = replays;
        this.consumedTopics = consumedTopics;
        this.meters = meters;
    }

    // ---- views ------------------------------------------------------------------------------------------

    /** Where a page starts or the next one would. */
    public record Position(int partition, long offset) {
    }

    /** The dead-letter topic of one consumed topic: its partitions' first and next offsets, and what was replayed. */
    public record TopicOverview(String topic, String deadLetterTopic, long deadLetters, long replayed,
                                List<PartitionRange> partitions) {
    }

    public record PartitionRange(int partition, long beginningOffset, long endOffset) {
    }

    /**
     * The failure as Spring Kafka's {@code DeadLetterPublishingRecoverer} wrote it: the exception (usually
     * {@code ListenerExecutionFailedException} or {@code DeserializationException}) and its cause, the message,
     * and where and when the record was consumed from.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String exception, String cause, String message, String originalTopic, Integer originalPartition,
                          Long originalOffset, Instant originalTimestamp, String consumerGroup, String stacktrace,
                          Boolean stacktraceTruncated) {
    }

    /** One dead letter. {@code payload} and the stack trace only when looking at one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetter(String deadLetterTopic, int partition, long offset, Instant deadLetteredAt, String key,
                             String eventId, String eventType, Map<String, String> cloudEvents, Failure failure,
                             int payloadBytes, String payload, Boolean payloadTruncated, String replayOf, Replay replay) {
    }

    public record Page(String topic, String deadLetterTopic, List<DeadLetter> deadLetters, Position next) {
    }

    public record Replayed(String deadLetter, Replay replay) {
    }

    public record BulkReplay(String topic, int replayed, int alreadyReplayed, List<String> deadLetters, Position next) {
    }

    // ---- reading ----------------------------------------------------------------------------------------

    /** The topics this service consumes, each with its dead-letter topic. */
    public List<TopicOverview> overview() {
        List<TopicOverview> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(1)) {
            for (String topic : consumedTopics.get()) {
                String dlt = Topics.deadLetterOf(topic);
                List<TopicPartition> partitions = partitions(consumer, dlt);
                List<PartitionRange> ranges = new ArrayList<>();
                long count = 0;
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions); // offsets of partitions not assigned would be warned about
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    for (TopicPartition tp : partitions) {
                        ranges.add(new PartitionRange(tp.partition(), begin.get(tp), end.get(tp)));
                        count += end.get(tp) - begin.get(tp);
                    }
                }
                all.add(new TopicOverview(topic, dlt, count, replays.count(dlt), ranges));
            }
        }
        return all;
    }

    /**
     * At most {@code limit} dead letters of {@code topic}'s dead-letter topic, from {@code partition} at
     * {@code offset} (its first offset when null) and on into the following partitions.
     */
    public Page page(String topic, int partition, Long offset, int limit) {
        String dlt = deadLetterTopic(topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Position next;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(limit)) {
            next = read(consumer, dlt, partition, offset, limit, records);
        }
        return new Page(topic(topic), dlt, views(records, false), next);
    }

    /** One dead letter with its payload, or 404. */
    public DeadLetter one(String topic, int partition, long offset) {
        return views(List.of(record(topic, partition, offset)), true).get(0);
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        String dlt = deadLetterTopic(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(1)) {
            List<TopicPartition> partitions = partitions(consumer, dlt);
            if (partition >= partitions.size()) {
                throw Refusal.notFound(dlt + " has no partition " + partition + " (it has " + partitions.size() + ")");
            }
            TopicPartition tp = new TopicPartition(dlt, partition);
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < begin || offset >= end) {
                throw Refusal.notFound(dlt + " partition " + partition + " has no offset " + offset
                        + " (it holds " + begin + " to " + (end - 1) + ")");
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                    if (r.offset() > offset) {
                        throw Refusal.notFound(dlt + " partition " + partition + " has no record at offset " + offset);
                    }
                }
                unavailableAfter(deadline, dlt);
            }
            throw Refusal.notFound(dlt + " partition " + partition + " has no record at offset " + offset);
        }
    }

    /** Reads up to {@code limit} records from (partition, offset) on; returns where the next page starts, or null. */
    private Position read(KafkaConsumer<byte[], byte[]> consumer, String dlt, int partition, Long offset, int limit,
                          List<ConsumerRecord<byte[], byte[]>> into) {
        List<TopicPartition> partitions = partitions(consumer, dlt);
        if (partition >= partitions.size()) {
            throw Refusal.badRequest("partition out of range", List.of(new Refusal.Violation("partition", "range",
                    dlt + " has partitions 0 to " + (partitions.size() - 1))));
        }
        // all assigned, one read at a time: the others paused
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        for (int p = partition; p < partitions.size(); p++) {
            TopicPartition tp = partitions.get(p);
            long from = p == partition && offset != null ? Math.max(offset, begin.get(tp)) : begin.get(tp);
            long stop = end.get(tp);
            if (from < stop && into.size() < limit) {
                consumer.pause(partitions);
                consumer.resume(List.of(tp));
                consumer.seek(tp, from);
                long lastTaken = -1;
                while (into.size() < limit && consumer.position(tp) < stop) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() >= stop || into.size() >= limit) {
                            break;
                        }
                        into.add(r);
                        lastTaken = r.offset();
                    }
                    unavailableAfter(deadline, dlt);
                }
                if (into.size() >= limit) {
                    // the page is full: the next one starts after its last record, here or further on
                    if (lastTaken >= 0 && lastTaken + 1 < stop) {
                        return new Position(p, lastTaken + 1);
                    }
                    for (int q = p + 1; q < partitions.size(); q++) {
                        TopicPartition later = partitions.get(q);
                        if (begin.get(later) < end.get(later)) {
                            return new Position(q, begin.get(later));
                        }
                    }
                    return null;
                }
            }
        }
        return null;
    }

    private static void unavailableAfter(long deadline, String dlt) {
        if (System.nanoTime() > deadline) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "broker-unavailable", "消息代理暂不可用",
                    "Could not read " + dlt + " within " + READ_TIMEOUT.toSeconds() + " s; try again", null, null, List.of());
        }
    }

    // ---- replaying --------------------------------------------------------------------------------------

    /** Replays one dead letter; 409 if it was replayed before. */
    public Replayed replay(String topic, int partition, long offset, String by) {
        ConsumerRecord<byte[], byte[]> record = record(topic, partition, offset);
        String id = DeadLetterReplays.id(record.topic(), record.partition(), record.offset());
        Replay earlier = replays.claim(id, header(record, CloudEventHeaders.ID), by);
        if (earlier != null) {
            throw Refusal.conflict("already-replayed", id + " was replayed before (" + earlier.status()
                    + " at " + earlier.at() + " by " + earlier.by() + "); a dead letter is replayed once");
        }
        return new Replayed(id, send(id, topic(topic), record, by));
    }

    /**
     * Replays up to {@code limit} dead letters from (partition, offset) on, in offset order, skipping those
     * replayed before; says how many and where the next call starts.
     */
    public BulkReplay replayAll(String topic, int partition, Long offset, int limit, String by) {
        String dlt = deadLetterTopic(topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Position next;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(limit)) {
            next = read(consumer, dlt, partition, offset, limit, records);
        }
        int replayed = 0;
        int already = 0;
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String id = DeadLetterReplays.id(record.topic(), record.partition(), record.offset());
            if (replays.claim(id, header(record, CloudEventHeaders.ID), by) != null) {
                already++;
                continue;
            }
            try {
                send(id, topic(topic), record, by);
            } catch (Refusal e) {
                throw replayFailed(replayed + " replayed, then " + e.getMessage()
                        + "; call again from partition " + record.partition() + " offset " + record.offset());
            }
            replayed++;
            ids.add(id);
        }
        return new BulkReplay(topic(topic), replayed, already, ids, next);
    }

    private Replay send(String id, String topic, ConsumerRecord<byte[], byte[]> record, String by) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String target = original == null ? topic : original;
        ProducerRecord<Object, Object> out = new ProducerRecord<>(target, null,
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value());
        for (Header h : record.headers()) {
            if (h.key().startsWith("ce_") || h.key().equals(CloudEventHeaders.CONTENT_TYPE)) {
                out.headers().add(new RecordHeader(h.key(), h.value()));
            }
        }
        out.headers().add(new RecordHeader(REPLAY_OF, id.getBytes(StandardCharsets.UTF_8)));
        RecordMetadata sent;
        try {
            sent = kafka.send(out).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            replays.release(id);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Dead letter {} not replayed to {}: {}", id, target, e.toString());
            throw replayFailed("The broker did not take the replay of " + id + " to " + target + ": " + e.getClass().getSimpleName());
        }
        Replay replay = replays.sent(id, sent.topic(), sent.partition(), sent.offset());
        Counter.builder("qingdan.kafka.replayed").description("Dead letters replayed to their original topic")
                .tag("topic", target).register(meters).increment();
        log.info("Dead letter {} (event {}, {}) replayed by {} to {}-{}@{}", id, header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), by, sent.topic(), sent.partition(), sent.offset());
        return replay;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Refusal replayFailed(String message) {
        return new Refusal(Refusal.Kind.UNAVAILABLE, "replay-failed", "重放未完成", message, null, null, List.of());
    }

    /** The consumed topic named in a path (its dead-letter topic's name is accepted too), or 404. */
    private String topic(String topic) {
        String t = topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
        if (!consumedTopics.get().contains(t)) {
            throw Refusal.notFound("This service consumes no topic " + t + " (it consumes " + consumedTopics.get() + ")");
        }
        return t;
    }

    private String deadLetterTopic(String topic) {
        return Topics.deadLetterOf(topic(topic));
    }

    private KafkaConsumer<byte[], byte[]> consumer(int maxRecords) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String dlt) {
        List<PartitionInfo> infos = consumer.partitionsFor(dlt);
        if (infos == null || infos.isEmpty()) {
            throw Refusal.notFound("No dead-letter topic " + dlt + " on the broker");
        }
        return infos.stream().sorted(Comparator.comparingInt(PartitionInfo::partition))
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    private List<DeadLetter> views(List<ConsumerRecord<byte[], byte[]>> records, boolean whole) {
        Map<String, Replay> replayed = replays.find(records.stream()
                .map(r -> DeadLetterReplays.id(r.topic(), r.partition(), r.offset())).toList());
        return records.stream().map(r -> view(r, replayed.get(DeadLetterReplays.id(r.topic(), r.partition(), r.offset())), whole))
                .toList();
    }

    static DeadLetter view(ConsumerRecord<byte[], byte[]> r, Replay replay, boolean whole) {
        Map<String, String> cloudEvents = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            if (h.key().startsWith("ce_") && h.value() != null) {
                cloudEvents.put(h.key(), cap(new String(h.value(), StandardCharsets.UTF_8), MESSAGE_CAP));
            }
        }
        String stacktrace = whole ? header(r, KafkaHeaders.DLT_EXCEPTION_STACKTRACE) : null;
        Failure failure = new Failure(
                firstHeader(r, KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_KEY_EXCEPTION_FQCN),
                firstHeader(r, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                cap(firstHeader(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE), MESSAGE_CAP),
                header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(r, KafkaHeaders.DLT_ORIGINAL_PARTITION) == null ? null : number(r, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
                number(r, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                number(r, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP) == null ? null
                        : Instant.ofEpochMilli(number(r, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)),
                header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                cap(stacktrace, STACKTRACE_CAP),
                stacktrace == null ? null : stacktrace.length() > STACKTRACE_CAP);
        int bytes = r.value() == null ? 0 : r.value().length;
        String payload = null;
        Boolean truncated = null;
        if (whole && r.value() != null) {
            // text, never more than the cap: a dead letter may be as large as the broker allows
            int take = Math.min(bytes, PAYLOAD_CAP * 4);
            String text = new String(r.value(), 0, take, StandardCharsets.UTF_8);
            truncated = take < bytes || text.length() > PAYLOAD_CAP;
            payload = cap(text, PAYLOAD_CAP);
        }
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                cloudEvents.get(CloudEventHeaders.ID), cloudEvents.get(CloudEventHeaders.TYPE), cloudEvents, failure,
                bytes, payload, truncated, header(r, REPLAY_OF), replay);
    }

    private static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String firstHeader(ConsumerRecord<?, ?> r, String... names) {
        for (String name : names) {
            String value = header(r, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes partitions as 4-byte and offsets and timestamps as 8-byte big-endian numbers. */
    static Long number(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        byte[] v = h.value();
        if (v.length == 4) {
            return (long) ByteBuffer.wrap(v).getInt();
        }
        if (v.length == 8) {
            return ByteBuffer.wrap(v).getLong();
        }
        try {
            return Long.parseLong(new String(v, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
