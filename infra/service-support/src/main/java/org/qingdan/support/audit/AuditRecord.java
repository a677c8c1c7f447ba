package org.qingdan.support.audit;

import java.time.Instant;
import java.util.List;

/**
 * One command on one aggregate, as the audit trail keeps it: which aggregate ({@code aggregateType}, {@code aggregateId}),
 * when, who (the token's subject and name, its organisation's USCC and name, its roles; {@code system} and no
 * organisation for what a schedule or another service's event did), what ({@code action}, a stable code such as
 * {@code ACCEPTED}, and {@code detail}, for people) and from which request ({@code traceId}, as in the
 * {@code X-Trace-Id} header and every log line of that request).
 */
public record AuditRecord(
        String id,
        String aggregateType,
        String aggregateId,
        Instant at,
        String actorId,
        String actorName,
        String orgUscc,
        String orgName,
        List<String> roles,
        String action,
        String detail,
        String traceId) {
}
