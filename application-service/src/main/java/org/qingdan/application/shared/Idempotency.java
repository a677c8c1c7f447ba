package org.qingdan.application.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Idempotency-Key support for creating requests: the key and the caller decide the new resource's id, so
 * the insert itself detects a replay (duplicate key), with no check-then-act. A replay with a different
 * body is an error, not a silent success.
 */
public final class Idempotency {

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

    private Idempotency() {
    }
}
