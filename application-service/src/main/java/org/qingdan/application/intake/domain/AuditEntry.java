package org.qingdan.application.intake.domain;

import java.time.Instant;

/** One transition of the audit trail: who, when, what. */
public record AuditEntry(Instant at, Actor by, String action, String detail) {
}
