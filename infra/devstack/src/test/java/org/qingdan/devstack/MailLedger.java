package org.qingdan.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The SMTP server's mail held against notification-service's records. notification-service names each mail by its
 * notification ({@code Message-ID: <notification id@domain>}, the same at every attempt), so the suites count mails
 * by Message-ID: a mail sent again is the same Message-ID twice, and a missing one is a delivered notification whose
 * Message-ID never arrived.
 *
 * <p>SMTP cannot be exactly-once: an instance killed after the server accepted a mail and before the DELIVERED record
 * sends it again once its claim's lease runs out (the rest of the time, a failed record is kept in memory and never
 * re-sent). Such a repeat is allowed only when it is explained by a kill — its notification was planned before a kill,
 * took two attempts or more and ended delivered — and only as many as one SMTP connection's batch per kill.
 */
final class MailLedger {

    /** NotificationService's mails per SMTP connection: what one kill can leave sent but not recorded. */
    static final int PER_CONNECTION = 5;

    /** A mail received more than once, and the notification its Message-ID names. */
    record Repeat(String to, String notificationId, long copies, Document notification) {
        @Override
        public String toString() {
            return to + " · " + notificationId + ": received " + copies + " times; notification "
                    + (notification == null ? "none" : notification.getString("status") + ", " + notification.getInteger("attempts") + " attempts, created "
                    + notification.get("createdAt") + ", delivered " + notification.get("deliveredAt"));
        }
    }

    private final MailCatcher mail;
    private final MongoCollection<Document> notifications;

    MailLedger(MailCatcher mail, MongoCollection<Document> notifications) {
        this.mail = mail;
        this.notifications = notifications;
    }

    /** The notification a Message-ID names: {@code <id@domain>} → id; the whole value when it is not ours. */
    static String notificationId(String messageId) {
        if (messageId == null || !messageId.startsWith("<") || !messageId.contains("@")) {
            return String.valueOf(messageId);
        }
        return messageId.substring(1, messageId.lastIndexOf('@'));
    }

    /** Mails received more than once (same recipient, same Message-ID), each with the notification it names. */
    List<Repeat> repeats() {
        Map<String, Long> copies = mail.received().stream()
                .collect(Collectors.groupingBy(m -> m.to() + "\n" + notificationId(m.messageId()), TreeMap::new, Collectors.counting()));
        List<Repeat> repeats = new ArrayList<>();
        copies.forEach((key, n) -> {
            if (n > 1) {
                String to = key.substring(0, key.indexOf('\n'));
                String id = key.substring(key.indexOf('\n') + 1);
                repeats.add(new Repeat(to, id, n, notifications.find(Filters.eq("_id", id)).first()));
            }
        });
        return repeats;
    }

    /** Asserts that no mail was received twice. */
    void assertNoRepeats() {
        assertThat(repeats()).as("mails received twice (same recipient and Message-ID)").isEmpty();
    }

    /**
     * Asserts that every repeat is explained by one of these kills of a notification-service instance (see the class
     * comment), at most {@link #PER_CONNECTION} per kill; answers the repeats, for the report.
     */
    List<Repeat> assertRepeatsOnlyFromKills(List<Instant> kills) {
        List<Repeat> repeats = repeats();
        Instant lastKill = kills.stream().max(Instant::compareTo).orElse(null);
        List<Repeat> unexplained = repeats.stream().filter(r -> lastKill == null || r.notification() == null
                || !"DELIVERED".equals(r.notification().getString("status"))
                || r.notification().getInteger("attempts", 0) < 2
                || r.copies() > 1 + kills.size()
                || !r.notification().getDate("createdAt").toInstant().isBefore(lastKill)).toList();
        assertThat(unexplained).as("mails received twice other than by a killed instance's claim taken over").isEmpty();
        assertThat(repeats).as("mails sent again after %d kill(s) of notification-service: at most one SMTP batch each", kills.size())
                .hasSizeLessThanOrEqualTo(PER_CONNECTION * kills.size());
        return repeats;
    }

    /**
     * Asserts that the mails this recipient received (every recipient's when null) are exactly the delivered mail
     * notifications, each at least once: none lost, none sent without its record.
     */
    void assertReceivedAreDelivered(String to) {
        Set<String> delivered = new java.util.HashSet<>();
        Document query = new Document("channel", "EMAIL").append("status", "DELIVERED");
        if (to != null) {
            query.append("recipient", "mailto:" + to);
        }
        notifications.find(query).projection(new Document("_id", 1)).forEach(d -> delivered.add(d.getString("_id")));
        Set<String> received = mail.received().stream().filter(m -> to == null || m.to().equals(to))
                .map(m -> notificationId(m.messageId())).collect(Collectors.toSet());
        assertThat(received).as("the Message-IDs received%s = the delivered notifications", to == null ? "" : " by " + to).isEqualTo(delivered);
    }
}
