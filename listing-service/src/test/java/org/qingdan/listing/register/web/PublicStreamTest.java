package org.qingdan.listing.register.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The public stream's caps, and a slow reader dropped without holding up the consumer or anyone else. */
class PublicStreamTest {

    /** An emitter that records what is written to it; a slow one blocks in every write until released. */
    static class Recording extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final CountDownLatch writing = new CountDownLatch(1);
        volatile boolean completed;

        Recording(boolean slow) {
            this.release = new CountDownLatch(slow ? 1 : 0);
        }

        @Override
        public void send(SseEventBuilder builder) {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder text = new StringBuilder();
            builder.build().forEach(d -> text.append(d.getData()));
            sent.add(text.toString());
        }

        @Override
        public void complete() {
            completed = true;
        }

        long events() {
            return sent.stream().filter(s -> s.contains("event:")).count();
        }
    }

    private final PublicStream stream = new PublicStream(3, 2, 4, Duration.ofMinutes(30),
            "127[.][0-9]+[.][0-9]+[.][0-9]+|0:0:0:0:0:0:0:1");

    @AfterEach
    void stop() {
        stream.stop();
    }

    @Test
    void subscribers_are_capped_per_client_address_and_in_total() {
        stream.start();
        var a1 = stream.register("203.0.113.1", new Recording(false));
        stream.register("203.0.113.1", new Recording(false));
        assertThatThrownBy(() -> stream.register("203.0.113.1", new Recording(false)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(429);
                    assertThat(e.getBody().getType().toString()).endsWith("/stream-limit");
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30");
                });
        stream.register("203.0.113.2", new Recording(false));
        assertThatThrownBy(() -> stream.register("203.0.113.3", new Recording(false)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        assertThat(stream.subscribers()).isEqualTo(3);

        // a reader that leaves frees its place, in all and for its address
        a1.end(false);
        assertThat(stream.subscribers()).isEqualTo(2);
        stream.register("203.0.113.1", new Recording(false));
        assertThat(stream.subscribers()).isEqualTo(3);
    }

    @Test
    void a_slow_reader_is_dropped_and_neither_the_consumer_nor_the_other_readers_wait_for_it() throws Exception {
        stream.start();
        Recording slow = new Recording(true);
        Recording fast = new Recording(false);
        stream.register("203.0.113.1", slow);
        stream.register("203.0.113.2", fast);
        slow.writing.await(); // its sender is stuck writing the first line

        // the consumer's thread only fills buffers: ten events, more than the slow reader's four; each publish
        // returns at once although the slow reader takes nothing (the fast one is given the time to read each,
        // so that a busy machine cannot make it fall behind as well)
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> stream.publish("listing.product-listed.v1", "e" + n, "{\"n\":" + n + "}"));
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.events() == n + 1);
        }
        assertThat(stream.subscribers()).as("the slow reader is dropped").isEqualTo(1);
        assertThat(fast.sent.get(0)).startsWith(":qingdan listing events");
        assertThat(fast.sent.get(1)).contains("event:listing.product-listed.v1", "id:e0", "{\"n\":0}");

        // once its blocked write returns, its own sender ends the response; it gets no more events
        slow.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.completed);
        assertThat(slow.events()).isZero();
        assertThat(fast.completed).isFalse();
    }

    @Test
    void behind_the_gateway_the_client_is_the_address_it_forwarded_and_nobody_else_can_name_one() {
        assertThat(stream.client("127.0.0.1", "198.51.100.9, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(stream.client("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(stream.client("203.0.113.7", "198.51.100.9")).isEqualTo("203.0.113.7");
    }

    @Test
    void stopping_ends_every_stream() {
        stream.start();
        Recording one = new Recording(false);
        stream.register("203.0.113.1", one);
        stream.stop();
        assertThat(stream.subscribers()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> one.completed);
        assertThat(stream.isRunning()).isFalse();
    }
}
