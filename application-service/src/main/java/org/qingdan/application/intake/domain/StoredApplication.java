package org.qingdan.application.intake.domain;

/**
 * An application as stored: with the version a change must match (its ETag, If-Match) and the hash of the request that
 * created it (an Idempotency-Key's replay must repeat that request).
 */
public record StoredApplication(Application application, long version, String requestHash) {
}
