package org.qingdan.listing.report.events;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ReportClosed;
import org.qingdan.contracts.listing.ReportFiled;
import org.qingdan.contracts.listing.ReportResponseRequested;
import org.qingdan.listing.report.domain.Report;

/** A report's facts on {@code listing.office.events}, never public; its reporter's organisation only where it is told the outcome. */
public final class ReportEventsAdapter {

    public static DomainEvent toContract(Report.Event event, Instant now) {
        if (event instanceof Report.Event.Filed filed) {
            Report r = filed.report();
            return new ReportFiled(UUID.randomUUID(), now, r.id(), r.version(), r.listingId(), r.productName(), r.kinds(), r.occurredOn(),
                    r.filedAt(), r.enterprise().uscc(), lead(r));
        }
        if (event instanceof Report.Event.Closed closed) {
            // for the reporter only: on listing.office.events, never public
            Report r = closed.report();
            return new ReportClosed(UUID.randomUUID(), now, r.id(), r.version(), r.listingId(), r.productName(), r.reporter().orgUscc(),
                    r.reporter().orgName(), ReportClosed.Outcome.valueOf(r.status().name()), closed.reasons(), now);
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
