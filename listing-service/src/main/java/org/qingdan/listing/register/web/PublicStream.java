package org.qingdan.listing.register.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.contracts.Topics;
import org.qingdan.support.events.EventJson;
import org.qingdan.support.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of the public list for websites that cannot read Kafka. Each instance reads
 * {@code listing.events} in a consumer group of its own, so every subscriber sees every event whichever
 * instance wrote it. Event name = the logical type, id = the event id, data = the public JSON payload.
 * <p>
 * Bounded: at most {@code max-subscribers} streams in all and {@code max-per-client} per client address
 * (beyond them a 503 or 429 problem with Retry-After). The Kafka consumer only puts each event into every
 * subscriber's buffer of {@code buffer} events and never writes to a socket; each subscriber has a sender
 * thread of its own that writes its buffer out. A reader too slow to keep up fills its buffer and is
 * dropped (its stream ends, and a browser's EventSource reconnects), so it never holds up the consumer or
 * the other readers.
 * <p>
 * The client address is the peer's, or, when the peer is the gateway ({@code qingdan.listing.trusted-proxies},
 * loopback by default), the last hop of the {@code X-Forwarded-For} the gateway wrote.
 * On shutdown it ends every stream first (browsers' EventSource reconnects, to another instance): an open
 * stream would otherwise hold the web server's graceful shutdown for its whole timeout.
 */
@Component
public class PublicStream implements SmartLifecycle {

    private static final Object END = new Object();

    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final int maxSubscribers;
    private final int maxPerClient;
    private final int buffer;
    private final long timeoutMillis;
    private final Pattern trustedProxies;
    private volatile boolean running;

    public PublicStream(@Value("${qingdan.listing.stream.max-subscribers:200}") int maxSubscribers,
                        @Value("${qingdan.listing.stream.max-per-client:4}") int maxPerClient,
                        @Value("${qingdan.listing.stream.buffer:64}") int buffer,
                        @Value("${qingdan.listing.stream.timeout:PT30M}") java.time.Duration timeout,
                        @Value("${qingdan.listing.trusted-proxies:127[.][0-9]+[.][0-9]+[.][0-9]+|0:0:0:0:0:0:0:1}") String trustedProxies) {
        this.maxSubscribers = maxSubscribers;
        this.maxPerClient = maxPerClient;
        this.buffer = buffer;
        this.timeoutMillis = timeout.toMillis();
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    /** The client a request comes from: the peer, or the address the gateway forwarded. */
    String client(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.matcher(peer).matches()) {
            return peer;
        }
        String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
        return last.isEmpty() ? peer : last;
    }

    SseEmitter subscribe(String client) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        if (!running) {
            emitter.complete(); // shutting down: come back to another instance
            return emitter;
        }
        register(client, emitter);
        return emitter;
    }

    /** Admits a subscriber within the caps and starts its sender, or refuses with a problem. */
    Subscriber register(String client, SseEmitter emitter) {
        synchronized (this) {
            if (subscribers.size() >= maxSubscribers) {
                throw refused(HttpStatus.SERVICE_UNAVAILABLE, "订阅数已满", "事件流的订阅数已达上限（" + maxSubscribers + "），请稍后再试");
            }
            if (perClient.getOrDefault(client, 0) >= maxPerClient) {
                throw refused(HttpStatus.TOO_MANY_REQUESTS, "订阅过多", "同一地址最多同时订阅 " + maxPerClient + " 个事件流");
            }
            perClient.merge(client, 1, Integer::sum);
            Subscriber s = new Subscriber(ids.incrementAndGet(), client, emitter, new ArrayBlockingQueue<>(buffer + 1));
            subscribers.put(s.id, s);
            s.queue.add(SseEmitter.event().comment("qingdan listing events"));
            emitter.onCompletion(() -> s.end(false));
            emitter.onTimeout(() -> s.end(false));
            emitter.onError(e -> s.end(false));
            Thread sender = new Thread(null, s::send, "sse-" + s.id, 256 * 1024);
            sender.setDaemon(true);
            sender.start();
            return s;
        }
    }

    private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status, Problems.of(status.value(), "stream-limit", title, detail), null);
        e.getHeaders().set("Retry-After", "30");
        return e;
    }

    int subscribers() {
        return subscribers.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown (a lifecycle of the default phase stops earlier). */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(s -> s.end(true));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "listing-sse-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(DomainEvent event) {
        publish(EventCatalog.entryFor(event.getClass()).type(), event.eventId().toString(), EventJson.write(event));
    }

    /** Hands the event to every subscriber's buffer, never waiting: a full buffer drops that subscriber. */
    void publish(String type, String id, String json) {
        for (Subscriber s : subscribers.values()) {
            if (!s.queue.offer(SseEmitter.event().name(type).id(id).data(json, MediaType.APPLICATION_JSON))) {
                s.end(true); // too slow to keep up: dropped, not waited for
            }
        }
    }

    /** One open stream: its buffer and the thread that writes it out. */
    final class Subscriber {
        final long id;
        final String client;
        final SseEmitter emitter;
        final BlockingQueue<Object> queue;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean completeResponse;

        Subscriber(long id, String client, SseEmitter emitter, BlockingQueue<Object> queue) {
            this.id = id;
            this.client = client;
            this.emitter = emitter;
            this.queue = queue;
        }

        void send() {
            try {
                while (!ended.get()) {
                    Object next = queue.poll(1, TimeUnit.SECONDS);
                    if (next != null && next != END && !ended.get()) {
                        emitter.send((SseEmitter.SseEventBuilder) next);
                    }
                }
            } catch (IOException | IllegalStateException gone) {
                end(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (completeResponse) {
                // here, not on the thread that dropped it: the emitter's lock is held while a write blocks
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyGone) {
                    // the response ended meanwhile
                }
            }
        }

        /**
         * Frees its slot, once, without waiting for anything; {@code complete}: the sender ends the response
         * as soon as it is free (not when the response already ended by itself).
         */
        void end(boolean complete) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            completeResponse = complete;
            synchronized (PublicStream.this) {
                subscribers.remove(id);
                perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            }
            queue.clear();
            queue.offer(END); // wakes an idle sender
        }
    }
}
