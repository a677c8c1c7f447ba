package org.qingdan.application.call.persistence;

import org.qingdan.application.call.domain.Call;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A call as stored: the domain state whole, an optimistic-locking version, the creating request's key and, outside
 * the mapped state, the outbox's {@code pendingEvents} (CallOpened, CallClosed). The index serves the public list of
 * open calls.
 */
@Document("calls")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "status_closes", def = "{'state.status': 1, 'state.closesAt': 1}")
public record CallDocument(@Id String id, @Version Long version, Call state, String requestHash) {
}
