package org.qingdan.listing.register;

import java.time.Clock;
import java.time.Duration;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.support.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lists products whose public notice ended, and tells the office of listed products overdue for their yearly
 * re-confirmation (once per anniversary). Safe with several instances: a lease in MongoDB lets one
 * instance run at a time, and the transition itself is idempotent and guarded by each listing's revision,
 * so even two runs at once list each product once. It also finishes what a crash interrupted: changes
 * still waiting for their edition, and a head behind the last edition.
 */
@Component
public class NoticeSchedule {

    private static final Logger log = LoggerFactory.getLogger(NoticeSchedule.class);
    private static final String LOCKS = "scheduleLocks";

    private final RegisterService register;
    private final EditionStore editions;
    private final Leases leases;

    public NoticeSchedule(RegisterService register, EditionStore editions, MongoTemplate mongo, Clock clock) {
        this.register = register;
        this.editions = editions;
        this.leases = new Leases(mongo, clock, LOCKS);
    }

    /**
     * The fallback: every {@code schedule-interval}, whatever the {@link NoticeTimer} knows (a notice another
     * instance started, a crash's leftovers).
     */
    @Scheduled(fixedDelayString = "${qingdan.listing.schedule-interval:PT30S}", initialDelayString = "PT5S")
    public void run() {
        runOnce();
    }

    /** One round, if this instance gets the lease; false if another instance holds it. */
    public boolean runOnce() {
        if (!leases.acquire("notice-end", Duration.ofMinutes(2))) {
            return false;
        }
        try {
            editions.head(); // rolls the head forward over an edition a crash left ahead of it
            int completed = register.completePending();
            if (completed > 0) {
                log.info("{} change(s) of the list a crash left without their edition got it now", completed);
            }
            int listed = register.listDue();
            if (listed > 0) {
                log.info("public notice ended for {} product(s): listed", listed);
            }
            int overdue = register.flagOverdue();
            if (overdue > 0) {
                log.info("{} listed product(s) overdue for their yearly re-confirmation: the office is told", overdue);
            }
        } finally {
            leases.release("notice-end");
        }
        return true;
    }
}
