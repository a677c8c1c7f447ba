package org.qingdan.application.call.domain;

/**
 * A call as stored: with the version a change must match (its ETag, If-Match) and the hash of the request that planned
 * it (an Idempotency-Key's replay must repeat that request).
 */
public record StoredCall(Call call, long version, String requestHash) {
}
