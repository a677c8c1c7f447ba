package org.qingdan.notification.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed, and how a receiver checks it: {@code X-Qingdan-Signature: v1=<hex>}
 * where hex = HMAC-SHA256(secret, timestamp + "." + body) and timestamp is {@code X-Qingdan-Timestamp}
 * (seconds since the epoch). A receiver recomputes it, compares in constant time, refuses timestamps
 * older than its tolerance, and remembers {@code X-Qingdan-Event-Id} to refuse replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE = "X-Qingdan-Signature";
    public static final String TIMESTAMP = "X-Qingdan-Timestamp";
    public static final String EVENT_ID = "X-Qingdan-Event-Id";
    public static final String EVENT_TYPE = "X-Qingdan-Event-Type";
    public static final String DELIVERY_ID = "X-Qingdan-Delivery-Id";

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's check: right signature, and not older (or newer) than {@code toleranceSeconds}. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 long nowSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signatureHeader.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookSignature() {
    }
}
