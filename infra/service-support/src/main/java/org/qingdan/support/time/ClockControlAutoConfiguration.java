package org.qingdan.support.time;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.qingdan.support.time.web.ClockController;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Development only ({@code qingdan.dev.clock-control=true}, which the devstack sets and nothing else
 * does): the service's clock is a {@link ShiftedClock} an admin moves forward with
 * {@code POST /dev/clock/advance}, so that the end of a public notice can be seen in a running stack
 * without waiting seven days. The offset is kept in the service's database ({@code devClock}), so a restart
 * goes on from the moved time: data written ahead (leases, notice ends, listing dates) never lies in a
 * future the service would have to wait for. Several instances of a service share it: each reads the kept
 * offset every second and catches up with one another instance moved (an admin's request reaches one
 * instance; the other's notice ends and reminders would otherwise run days behind, and a lease it took would
 * look expired at once to the instance ahead). Off, there is no such endpoint and the clock is the system's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.qingdan.support.outbox.OutboxAutoConfiguration")
@ConditionalOnProperty(name = "qingdan.dev.clock-control", havingValue = "true")
// the four services; not the gateway, which keeps no domain time and has no MongoDB driver
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
public class ClockControlAutoConfiguration {

    static final String COLLECTION = "devClock";

    @Bean
    ShiftedClock clock(ObjectProvider<MongoTemplate> mongo) {
        MongoTemplate db = mongo.getIfAvailable();
        Duration kept = Duration.ZERO;
        if (db != null) {
            Document saved = db.getCollection(COLLECTION).find(new Document("_id", "offset")).first();
            kept = saved == null ? Duration.ZERO : Duration.parse(saved.getString("offset"));
        }
        LoggerFactory.getLogger(ClockControlAutoConfiguration.class).warn("clock control is on (qingdan.dev.clock-control): admins can "
                + "move this service's time forward; never in production. Offset now {}", kept);
        return new ShiftedClock(Clock.systemUTC(), kept, db == null ? ignored -> { } : offset -> db.getCollection(COLLECTION)
                .replaceOne(new Document("_id", "offset"), new Document("offset", offset.toString()), new ReplaceOptions().upsert(true)));
    }

    /** Follows the offset another instance of the service moved to, every second, on a daemon thread of its own. */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService devClockFollower(ShiftedClock clock, ObjectProvider<MongoTemplate> mongo) {
        java.util.concurrent.ScheduledExecutorService follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dev-clock-follower");
            thread.setDaemon(true);
            return thread;
        });
        MongoTemplate db = mongo.getIfAvailable();
        if (db != null) {
            follower.scheduleWithFixedDelay(() -> {
                try {
                    Document saved = db.getCollection(COLLECTION).find(new Document("_id", "offset")).first();
                    if (saved != null) {
                        clock.catchUp(Duration.parse(saved.getString("offset")));
                    }
                } catch (RuntimeException e) {
                    // the database is away: the clock keeps its offset and tries again in a second
                }
            }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        return follower;
    }

    @Bean
    ClockController clockController(ShiftedClock clock) {
        return new ClockController(clock);
    }
}
