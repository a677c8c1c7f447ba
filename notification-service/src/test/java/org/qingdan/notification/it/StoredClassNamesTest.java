package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.notification.delivery.MailDeliveries;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.persistence.DeliveryQueue;
import org.qingdan.notification.delivery.persistence.NotificationDocument;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifications stored before the package was renamed (notification.notification → notification.delivery) carry
 * the old class name in {@code _class}. A notification has no polymorphic field (only strings, an enum, times and a
 * list of strings), so only the root carries {@code _class}, and a root whose {@code _class} names no class is read
 * as the type asked for.
 */
class StoredClassNamesTest extends NotificationIntegrationTest {

    /** What {@code _class} holds in the notifications written before the rename. */
    static final String OLD_CLASS = "org.qingdan.notification.notification.persistence.NotificationDocument";

    @Autowired
    MailDeliveries deliveries;

    @Test
    void a_notification_stored_under_the_old_package_name_still_reads() {
        String id = "renamed-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // delivered already, so the delivery schedule of the running service leaves it alone
        NotificationDocument original = new NotificationDocument(id, "event-" + id, "application.submitted.v1", "app-1",
                Channel.EMAIL, "zhangsan@bank-a.example.cn", "张三", "申报已提交", "您的申报已提交。", "<p>您的申报已提交。</p>",
                DeliveryQueue.DELIVERED, 1, "earlier failure", at, at, at, at, List.of("applicant-a"));
        mongo.insert(original);
        Document written = mongo.getCollection(NotificationDocument.COLLECTION).find(new Document("_id", id)).first();
        assertThat(written.getString("_class")).isEqualTo(NotificationDocument.class.getName());

        // the same document as the old code wrote it, in its place
        Document old = new Document(written).append("_class", OLD_CLASS);
        mongo.getCollection(NotificationDocument.COLLECTION).deleteOne(new Document("_id", id));
        mongo.getCollection(NotificationDocument.COLLECTION).insertOne(old);
        assertThat(mongo.getCollection(NotificationDocument.COLLECTION).find(new Document("_id", id)).first().getString("_class"))
                .isEqualTo(OLD_CLASS);

        NotificationDocument read = mongo.findById(id, NotificationDocument.class);
        assertThat(read).isEqualTo(original);
        // and through the office's view of the mails
        assertThat(deliveries.find(id)).contains(new MailDeliveries.MailDeliveryView(id, original.eventId(),
                original.eventType(), original.aggregateId(), Channel.EMAIL, original.recipient(), original.recipientName(),
                original.subject(), original.text(), original.html(), DeliveryQueue.DELIVERED, 1, original.lastError(), at, at, at,
                at, List.of("applicant-a")));
    }
}
