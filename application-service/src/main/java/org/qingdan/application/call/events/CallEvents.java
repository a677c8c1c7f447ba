package org.qingdan.application.call.events;

import java.util.UUID;
import org.qingdan.application.call.domain.Call;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.CallClosed;
import org.qingdan.contracts.application.CallOpened;

/** A call's events as the published contract, on application.events, keyed by the call's id. */
public final class CallEvents {

    public static DomainEvent toContract(Call.Transition t, long aggregateVersion) {
        Call c = t.call();
        if (t.event() instanceof Call.Event.Opened o) {
            return new CallOpened(UUID.randomUUID(), o.at(), c.id(), aggregateVersion, c.title(), c.year(), c.opensAt(), c.closesAt(),
                    c.publicNoticeDays(), c.reviewersPerApplication(), o.by());
        }
        Call.Event.Closed closed = (Call.Event.Closed) t.event();
        return new CallClosed(UUID.randomUUID(), closed.at(), c.id(), aggregateVersion, c.title(), c.year(), c.closesAt(), closed.at(),
                closed.by());
    }

    private CallEvents() {
    }
}
