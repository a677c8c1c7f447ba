package org.qingdan.listing.report.events;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ReportFiled;
import org.qingdan.contracts.listing.ReportResponseRequested;
import org.qingdan.listing.report.domain.Report;

/** A report's facts on {@code listing.office.events}: never its reporter, never public. */
public final class ReportEventsAdapter {

    public static DomainEvent toContract(Report.Event event, Instant now) {
        if (event instanceof Report.Event.Filed filed) {
            Report r = filed.report();
            return new ReportFiled(UUID.randomUUID(), now, r.id(), r.version(), r.listingId(), r.productName(), r.kinds(), r.occurredOn(),
                    r.filedAt(), r.enterprise().uscc(), lead(r));
        }
        Report r = ((Report.Event.ResponseRequested) event).report();
        return new ReportResponseRequested(UUID.randomUUID(), now, r.id(), r.version(), r.listingId(), r.productName(),
                r.responseRequest().question(), r.responseRequest().respondBy(), r.enterprise().uscc(), lead(r));
    }

    private static String lead(Report r) {
        return r.leadApplicant() == null ? null : r.leadApplicant().uscc();
    }

    private ReportEventsAdapter() {
    }
}
