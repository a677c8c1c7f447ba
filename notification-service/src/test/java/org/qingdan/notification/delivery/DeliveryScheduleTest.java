package org.qingdan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Mail, webhooks and reminders run on schedulers of their own: one stuck never holds up the others. */
class DeliveryScheduleTest {

    private final Map<String, AtomicInteger> rounds = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> threads = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private DeliverySchedule.Job job(String name, boolean stuck) {
        return new DeliverySchedule.Job(name, () -> {
            rounds.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            threads.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            if (stuck) {
                try {
                    release.await(); // a webhook subscriber that never answers, an SMTP server that hangs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, Duration.ZERO, Duration.ofMillis(20));
    }

    private int rounds(String name) {
        return rounds.getOrDefault(name, new AtomicInteger()).get();
    }

    private void holdsUpNobody(String stuck) {
        List<String> names = List.of("mail", "webhooks", "reminders");
        DeliverySchedule schedule = new DeliverySchedule(names.stream().map(n -> job(n, n.equals(stuck))).toList());
        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds(stuck) == 1);
            for (String other : names) {
                if (!other.equals(stuck)) {
                    await(other + " goes on while " + stuck + " is stuck").atMost(Duration.ofSeconds(10))
                            .until(() -> rounds(other) >= 5);
                }
            }
            assertThat(rounds(stuck)).isEqualTo(1);
            names.forEach(n -> assertThat(threads.get(n)).as(n).allMatch(t -> t.startsWith(n + "-")));
        } finally {
            release.countDown();
            schedule.stop();
        }
    }

    @Test
    void a_slow_webhook_subscriber_holds_up_neither_mail_nor_reminders() {
        holdsUpNobody("webhooks");
    }

    @Test
    void a_hanging_mail_server_holds_up_neither_webhooks_nor_reminders() {
        holdsUpNobody("mail");
    }
}
