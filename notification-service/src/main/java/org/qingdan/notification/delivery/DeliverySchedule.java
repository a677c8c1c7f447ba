package org.qingdan.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.notification.webhook.WebhookDelivery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends due mail, delivers due webhooks and sends review reminders, each on a scheduler thread of its own:
 * a webhook subscriber that answers slowly (up to its 10 s timeout, a hundred deliveries a round) holds up
 * only webhooks, never mail or reminders, and a slow SMTP server holds up only mail. Claims keep several
 * instances from sending one twice. The schedulers belong to this component, not to the context, so
 * nothing else ever runs on them.
 */
@Component
public class DeliverySchedule implements SmartLifecycle {

    record Job(String name, Runnable task, Duration initialDelay, Duration interval) {
    }

    private final List<Job> jobs;
    private final List<ThreadPoolTaskScheduler> schedulers = new ArrayList<>();
    private volatile boolean running;

    @Autowired
    public DeliverySchedule(NotificationService notifications, WebhookDelivery webhooks, ReviewReminders reminders,
                            @Value("${qingdan.notifications.retry-interval:PT1S}") Duration deliveryInterval,
                            @Value("${qingdan.notifications.reminder-interval:PT5M}") Duration reminderInterval) {
        this(List.of(
                new Job("mail", notifications::deliverDue, Duration.ofSeconds(1), deliveryInterval),
                new Job("webhooks", webhooks::deliverDue, Duration.ofSeconds(1), deliveryInterval),
                new Job("reminders", reminders::remind, Duration.ofSeconds(10), reminderInterval)));
    }

    DeliverySchedule(List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    @Override
    public synchronized void start() {
        for (Job job : jobs) {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix(job.name() + "-");
            scheduler.setWaitForTasksToCompleteOnShutdown(false);
            scheduler.initialize();
            // a failing round is logged by the scheduler's error handler and the next one runs as planned
            scheduler.scheduleWithFixedDelay(job.task(), Instant.now().plus(job.initialDelay()), job.interval());
            schedulers.add(scheduler);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        schedulers.forEach(ThreadPoolTaskScheduler::shutdown);
        schedulers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
