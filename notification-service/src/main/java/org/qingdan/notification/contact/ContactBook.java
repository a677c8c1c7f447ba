package org.qingdan.notification.contact;

import java.util.Optional;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.notification.delivery.domain.Contact;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The designated contact of each application, learned from application events (event-carried state),
 * so that listing events, which carry only the public product, still reach the applicant.
 */
@Component
public class ContactBook {

    static final String COLLECTION = "contacts";
    private final MongoTemplate mongo;

    private final java.time.Clock clock;

    public ContactBook(MongoTemplate mongo, java.time.Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.getCollection(COLLECTION).createIndex(new Document("orgUscc", 1).append("learnedAt", -1),
                new com.mongodb.client.model.IndexOptions().name("org_learnedAt"));
    }

    public void learn(DomainEvent event) {
        ApplicationFormSnapshot form = null;
        if (event instanceof ApplicationSubmitted e) {
            form = e.form();
        } else if (event instanceof ApplicationResubmitted e) {
            form = e.form();
        } else if (event instanceof ApplicationAccepted e) {
            form = e.form();
        }
        if (form == null) {
            return;
        }
        // last write wins: one application's events arrive in order on one partition
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", event.aggregateId()),
                new Document("_id", event.aggregateId()).append("name", form.contact().name())
                        .append("email", form.contact().email()).append("orgUscc", form.applicant().uscc())
                        .append("orgName", form.applicant().name()).append("productName", form.product().name())
                        .append("learnedAt", java.util.Date.from(clock.instant())),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public Optional<Contact> of(String applicationId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", applicationId)).first()).map(ContactBook::contact);
    }

    /**
     * An organisation's designated contact: the one its latest application named (contacts learned before
     * {@code learnedAt} was recorded come last). Empty for an organisation that never applied.
     */
    public Optional<Contact> ofOrganisation(String orgUscc) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("orgUscc", orgUscc))
                .sort(new Document("learnedAt", -1)).limit(1).first()).map(ContactBook::contact);
    }

    private static Contact contact(Document d) {
        return new Contact(d.getString("_id"), d.getString("name"), d.getString("email"), d.getString("orgUscc"), d.getString("orgName"),
                d.getString("productName"));
    }
}
