package org.qingdan.notification.delivery.domain;

import java.util.Map;

/**
 * One notification to create: channel, recipient and the template with its values. {@code recipient} is a
 * key: {@code mailto:...} for mail; {@code user:}, {@code org:}, {@code role:} or {@code all} for the inbox.
 */
public record Planned(Channel channel, String recipient, String recipientName, String template, Map<String, Object> values) {

    public static String mailto(String address) {
        return "mailto:" + address.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
