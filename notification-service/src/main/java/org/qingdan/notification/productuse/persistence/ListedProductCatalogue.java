package org.qingdan.notification.productuse.persistence;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.notification.productuse.domain.ListedProduct;
import org.springframework.stereotype.Repository;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which products are on the list, learned from {@code listing.events} (event-carried state: notification-service
 * never asks listing-service), one small document per listing, with the count of members that use it kept beside
 * it for the office. A change applies only if it is newer than what the document has ({@code version}), so a
 * redelivered or replayed event changes nothing.
 */
@Repository
public class ListedProductCatalogue {

    static final String COLLECTION = "listedProducts";

    private final MongoTemplate mongo;

    public ListedProductCatalogue(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(new Document("users", -1).append("_id", 1), new IndexOptions().name("users"));
        mongo.getCollection(COLLECTION).createIndex(new Document("listed", 1).append("productName", 1).append("_id", 1),
                new IndexOptions().name("listed_by_name"));
    }

    public void learn(DomainEvent event) {
        if (event instanceof ProductListed e) {
            apply(e, new Document("productName", e.product().productName()).append("listed", true));
        } else if (event instanceof RecordCorrected e) {
            apply(e, new Document("productName", e.product().productName()).append("listed", true));
        } else if (event instanceof ProductDelisted e) {
            apply(e, new Document("productName", e.product().productName()).append("listed", false));
        }
    }

    private void apply(DomainEvent e, Document set) {
        try {
            mongo.getCollection(COLLECTION).updateOne(
                    new Document("_id", e.aggregateId()).append("version", new Document("$lt", e.aggregateVersion())),
                    new Document("$set", set.append("version", e.aggregateVersion())).append("$setOnInsert", new Document("users", 0L)),
                    new UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException older) {
            if (older.getError().getCode() != 11000) {
                throw older;
            }
            // the document has this version or a newer one: the filter missed it, the upsert tried to insert
        }
    }

    public Optional<ListedProduct> find(String listingId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", listingId)).first())
                .map(ListedProductCatalogue::toDomain);
    }

    /**
     * Sets the count kept beside the product to {@code users}, the marks counted on their index. An absolute value, not
     * an increment: writing it again is harmless, so a mark whose count a crash left unwritten is counted by the next
     * recount of that product, whoever makes it.
     */
    public void setUsers(String listingId, long users) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", listingId), new Document("$set", new Document("users", users)));
    }

    /**
     * One page of the listed products members use, most used first (a delisted one's marks are history: it is left
     * out). {@code users} counts marks made and not withdrawn, recounted beside the product by each mark and unmark.
     */
    public List<ListedProduct> mostUsed(int page, int size) {
        List<ListedProduct> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(new Document("users", new Document("$gt", 0)).append("listed", true))
                .sort(new Document("users", -1).append("_id", 1))
                .skip(page * size).limit(size).forEach(d -> found.add(toDomain(d)));
        return found;
    }

    /** One page of the products on the list now, by name: what a member may mark as in use. */
    public List<ListedProduct> listed(int page, int size) {
        List<ListedProduct> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(new Document("listed", true)).sort(new Document("productName", 1).append("_id", 1))
                .skip(page * size).limit(size).forEach(d -> found.add(toDomain(d)));
        return found;
    }

    private static ListedProduct toDomain(Document d) {
        Number users = d.get("users", Number.class);
        return new ListedProduct(d.getString("_id"), d.getString("productName"), d.getBoolean("listed", false),
                users == null ? 0 : users.longValue());
    }
}
