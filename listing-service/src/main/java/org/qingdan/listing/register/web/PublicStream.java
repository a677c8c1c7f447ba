package org.qingdan.listing.register.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.contracts.Topics;
import org.qingdan.support.events.EventJson;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of the public list for websites that cannot read Kafka. Each instance reads
 * {@code listing.events} in a consumer group of its own, so every subscriber sees every event whichever
 * instance wrote it. Event name = the logical type, id = the event id, data = the public JSON payload.
 * On shutdown it ends every stream first (browsers' EventSource reconnects, to another instance): an open
 * stream would otherwise hold the web server's graceful shutdown for its whole timeout.
 */
@Component
public class PublicStream implements SmartLifecycle {

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(30L * 60 * 1000);
        if (!running) {
            emitter.complete(); // shutting down: come back to another instance
            return emitter;
        }
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("qingdan listing events"));
        } catch (IOException e) {
            subscribers.remove(emitter);
        }
        return emitter;
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
        for (SseEmitter emitter : subscribers) {
            emitter.complete();
        }
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "listing-sse-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(DomainEvent event) {
        String type = EventCatalog.entryFor(event.getClass()).type();
        String json = EventJson.write(event);
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(SseEmitter.event().name(type).id(event.eventId().toString()).data(json, org.springframework.http.MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
            }
        }
    }
}
