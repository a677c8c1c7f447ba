package org.qingdan.listing.register.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a whole edition's entries that one change updates without reading the others: the sum,
 * modulo 2^256, of the SHA-256 of each entry's canonical JSON (an additive multiset hash). Adding an
 * entry adds its hash, removing it subtracts it, so the order of entries does not matter and each
 * edition carries the digest of the complete list it stands for. Anyone who streams an edition's
 * entries ({@code /editions/{n}/entries}) recomputes it and compares.
 */
public final class ListDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    public static final String EMPTY = hex(BigInteger.ZERO);

    private ListDigest() {
    }

    public static String add(String digest, String entryHash) {
        return entryHash == null ? digest : hex(value(digest).add(new BigInteger(entryHash, 16)).mod(MODULUS));
    }

    public static String remove(String digest, String entryHash) {
        return entryHash == null ? digest : hex(value(digest).subtract(new BigInteger(entryHash, 16)).mod(MODULUS));
    }

    /** SHA-256 over the canonical JSON of one entry. */
    public static String entryHash(Edition.Entry entry) {
        return sha256(CanonicalJson.write(Edition.entry(entry)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger value(String digest) {
        return digest == null ? BigInteger.ZERO : new BigInteger(digest, 16);
    }

    private static String hex(BigInteger value) {
        String h = value.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }
}
