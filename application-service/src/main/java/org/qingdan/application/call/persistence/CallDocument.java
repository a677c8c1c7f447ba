package org.qingdan.application.call.persistence;

import org.qingdan.application.call.domain.Call;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A call as stored: the domain state whole, an optimistic-locking version, and the creating request's key. */
@Document("calls")
public record CallDocument(@Id String id, @Version Long version, Call state, String requestHash) {
}
