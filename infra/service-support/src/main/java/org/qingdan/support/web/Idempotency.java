package org.qingdan.support.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.qingdan.support.domain.Refusal;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Idempotency-Key support for creating requests: the key and the caller decide the new resource's id, so
 * the insert itself detects a replay (duplicate key), with no check-then-act. A replay with a different
 * body is an error, not a silent success. Every creating request with an {@code Idempotency-Key} goes through
 * {@link #createOnce}.
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

    /**
     * Creates the resource once: {@code insert} writes it under the id {@link #idFor} gave; if that id exists, the
     * request is a replay and answers what the first one created ({@code existing}), provided its request hash is
     * this one's; otherwise a 422 {@code idempotency-key-reused}.
     */
    public static <T> T createOnce(Supplier<T> insert, Supplier<T> existing, Function<T, String> requestHashOf, String requestHash) {
        try {
            return insert.get();
        } catch (DuplicateKeyException replay) {
            T first = existing.get();
            return replay(first, requestHashOf.apply(first), requestHash);
        }
    }

    /** A replay finds what the first request created: that, if the requests are the same; else 422. */
    public static <T> T replay(T existing, String storedHash, String requestHash) {
        if (storedHash == null || !storedHash.equals(requestHash)) {
            // the services replay through here: a Refusal, not a ProblemException
            throw new Refusal(Refusal.Kind.INVALID, "idempotency-key-reused", "幂等键已用于另一请求",
                    "Idempotency-Key 已用于内容不同的请求，请换一个键", null, null, List.of());
        }
        return existing;
    }

    private Idempotency() {
    }
}
