package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The office opened a call for applications (征集开始, Art. 11: 定期面向会员单位征集): members may apply from
 * {@code opensAt} until {@code closesAt}. Key: the call's id.
 */
public record CallOpened(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String title,
        int year,
        Instant opensAt,
        Instant closesAt,
        int publicNoticeDays,
        int reviewersPerApplication,
        String openedBy) implements DomainEvent {

    public static final String TYPE = "application.call-opened.v1";
}
