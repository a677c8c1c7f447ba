package org.qingdan.application.intake.persistence;

import org.qingdan.application.intake.domain.Application;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application as stored: the domain state whole under {@code state}, the version for optimistic
 * locking, the hash of the creating request (for Idempotency-Key replays) and, outside the mapped
 * state, the outbox's {@code pendingEvents}.
 */
@Document("applications")
@CompoundIndexes({
        @CompoundIndex(name = "owner", def = "{'state.ownerUscc': 1, 'state.createdAt': -1}"),
        @CompoundIndex(name = "call_status", def = "{'state.callId': 1, 'state.status': 1}"),
        // the correction deadlines: returned applications by due date (CorrectionDeadlines)
        @CompoundIndex(name = "correction_due", def = "{'state.status': 1, 'state.correctionDueAt': 1}"),
        // the applications naming an organisation as a participant (multikey over the participants' USCCs)
        @CompoundIndex(name = "participant", def = "{'state.draft.participants.uscc': 1, 'state.createdAt': -1}")})
public record ApplicationDocument(@Id String id, @Version Long version, Application state, String requestHash) {
}
