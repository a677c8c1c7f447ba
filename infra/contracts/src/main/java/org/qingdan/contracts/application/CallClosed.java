package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/** The office closed a call (征集结束): it takes no new application; corrections of returned ones go on. Key: the call's id. */
public record CallClosed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String title,
        int year,
        Instant closesAt,
        Instant closedAt,
        String closedBy) implements DomainEvent {

    public static final String TYPE = "application.call-closed.v1";
}
