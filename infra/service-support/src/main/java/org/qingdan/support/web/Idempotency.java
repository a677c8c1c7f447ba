package org.qingdan.support.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Idempotency-Key support for creating requests, the same in every service: the key and the caller decide the new
 * resource's id, so the insert itself detects a replay (duplicate key), with no check-then-act. A replay with a
 * different body is an error (422 {@code idempotency-key-reused}), not a silent success.
 */
public final class Idempotency {

    /** The new resource's id: random without a key, derived from kind, caller and key with one. */
    public static String idFor(String kind, String caller, String key) {
        if (key == null || key.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((kind + "|" + caller + "|" + key.trim()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String hash(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A replay finds what the first request created: that, if the requests are the same; else 422. */
    public static <T> T replay(T existing, String storedHash, String requestHash) {
        if (storedHash == null || !storedHash.equals(requestHash)) {
            throw new ProblemException(422, "idempotency-key-reused", "幂等键已用于另一请求",
                    "Idempotency-Key 已用于内容不同的请求，请换一个键", List.of());
        }
        return existing;
    }

    private Idempotency() {
    }
}
