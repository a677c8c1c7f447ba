package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The lead of a joint application named an organisation as a participant (其他参与机构), or changed its role
 * (主要分工): the participant is asked to confirm the role online, or decline with a reason, before the application
 * can be submitted (Art. 8, Annex 2 §1: roles agreed with every participant, 协商一致; no nominal participation).
 * {@code contactEmail}: an address of the participant the form knows (the enterprise section's, when the participant
 * is that enterprise), else absent and the participant hears of it in its inbox. Key: the application id.
 */
public record ParticipantNamed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String callId,
        String leadUscc,
        String leadName,
        String productName,
        String participantUscc,
        String participantName,
        String role,
        String contactEmail,
        String namedBy) implements DomainEvent {

    public static final String TYPE = "application.participant-named.v1";
}
