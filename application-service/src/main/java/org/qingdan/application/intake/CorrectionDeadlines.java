package org.qingdan.application.intake;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.qingdan.support.lease.Leases;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses applications returned for correction whose deadline (补正期限) passed into 不予受理, a hundred at a time.
 * Safe with several instances: a lease in MongoDB (taken and released by compare-and-set on its owner) lets one
 * instance run at a time, and each lapse is a write guarded by the application's version, so even two runs at once
 * lapse each application once and publish one ApplicationNotAccepted.
 */
@Component
public class CorrectionDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CorrectionDeadlines.class);
    static final String LOCKS = "scheduleLocks";
    static final String LEASE = "correction-deadlines";
    static final int BATCH = 100;

    private final ApplicationService applications;
    private final Leases leases;

    public CorrectionDeadlines(ApplicationService applications, MongoTemplate mongo, Clock clock) {
        this.applications = applications;
        this.leases = new Leases(mongo, clock, LOCKS);
    }

    @Scheduled(fixedDelayString = "${qingdan.intake.deadline-interval:PT1M}", initialDelayString = "PT5S")
    public void run() {
        if (!leases.acquire(LEASE, Duration.ofMinutes(2))) {
            return;
        }
        try {
            int lapsed;
            do {
                lapsed = applications.lapseOverdueCorrections(BATCH);
                if (lapsed > 0) {
                    log.info("{} application(s) not corrected in time: not accepted (不予受理)", lapsed);
                }
            } while (lapsed == BATCH);
        } finally {
            leases.release(LEASE);
        }
    }
}
