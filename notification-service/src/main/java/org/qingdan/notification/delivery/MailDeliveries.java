package org.qingdan.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.persistence.NotificationDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The mail deliveries as the office reads them: by status (FAILED ones with their reason), newest first. */
@Component
public class MailDeliveries {

    /** How many one list shows. */
    static final int LIMIT = 200;

    /** A mail, its recipient and where its delivery stands; the fields, in this order, are those the office has always read. */
    public record MailDeliveryView(String id, String eventId, String eventType, String aggregateId, Channel channel, String recipient,
                                   String recipientName, String subject, String text, String html, String status, int attempts,
                                   String lastError, Instant nextAttemptAt, Instant leaseUntil, Instant createdAt, Instant deliveredAt,
                                   List<String> readBy) {
        static MailDeliveryView of(NotificationDocument n) {
            return new MailDeliveryView(n.id(), n.eventId(), n.eventType(), n.aggregateId(), n.channel(), n.recipient(), n.recipientName(),
                    n.subject(), n.text(), n.html(), n.status(), n.attempts(), n.lastError(), n.nextAttemptAt(), n.leaseUntil(),
                    n.createdAt(), n.deliveredAt(), n.readBy());
        }
    }

    private final MongoTemplate mongo;

    public MailDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The latest {@value #LIMIT} mails of this status, newest first. */
    public List<MailDeliveryView> withStatus(String status) {
        return mongo.find(Query.query(Criteria.where("channel").is(Channel.EMAIL).and("status").is(status))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LIMIT), NotificationDocument.class).stream()
                .map(MailDeliveryView::of).toList();
    }

    public Optional<MailDeliveryView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class)).map(MailDeliveryView::of);
    }
}
