package org.qingdan.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.persistence.NotificationDocument;
import org.qingdan.support.security.CurrentUser;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each user's inbox: what was addressed to the user, to the user's organisation (from the token), to one of the
 * user's roles, or to all members. Nobody reads anyone else's; read state is per user. One page at a time, on the
 * {@code inbox} index (channel, recipient, time).
 */
@Component
public class Inbox {

    /** A notification as its reader sees it. */
    public record Item(String id, String eventType, String subject, String text, Instant createdAt, boolean read) {
    }

    private final MongoTemplate mongo;

    public Inbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static List<String> addressesOf(CurrentUser user) {
        List<String> keys = new ArrayList<>();
        keys.add("user:" + user.username());
        user.organisation().ifPresent(org -> keys.add("org:" + org));
        user.roles().forEach(role -> keys.add("role:" + role));
        keys.add("all");
        return keys;
    }

    private static Criteria mine(CurrentUser user) {
        return Criteria.where("channel").is(Channel.INBOX).and("recipient").in(addressesOf(user));
    }

    /** The user's notifications (only the unread ones, if asked), newest first. */
    public List<Item> page(CurrentUser user, boolean unread, int page, int size) {
        Criteria criteria = mine(user);
        if (unread) {
            criteria = criteria.and("readBy").ne(user.username());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                        .skip((long) page * size).limit(size), NotificationDocument.class).stream()
                .map(n -> new Item(n.id(), n.eventType(), n.subject(), n.text(), n.createdAt(),
                        n.readBy() != null && n.readBy().contains(user.username()))).toList();
    }

    /** Marks one of the user's notifications read; false when the user has no such notification. */
    public boolean markRead(CurrentUser user, String id) {
        return mongo.updateFirst(Query.query(mine(user).and("_id").is(id)), new Update().addToSet("readBy", user.username()),
                NotificationDocument.class).getMatchedCount() > 0;
    }
}
