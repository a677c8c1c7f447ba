package org.qingdan.notification.contact;

import java.util.Optional;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.notification.notification.domain.Contact;
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

    public ContactBook(MongoTemplate mongo) {
        this.mongo = mongo;
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
                        .append("orgName", form.applicant().name()).append("productName", form.product().name()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public Optional<Contact> of(String applicationId) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", applicationId)).first();
        return Optional.ofNullable(d).map(x -> new Contact(applicationId, x.getString("name"), x.getString("email"),
                x.getString("orgUscc"), x.getString("orgName"), x.getString("productName")));
    }
}
