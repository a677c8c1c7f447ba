package org.qingdan.notification.productuse.persistence;

import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The marks, one document per (organisation, listing), its id derived from the two and a unique index on them:
 * marking twice is one mark. Read on indexes only: an organisation's own marks, and a listing's active marks in
 * pages of {@code _id} for the fan-out, never the whole collection.
 */
@Repository
public class ProductUseStore {

    static final String COLLECTION = "productUses";

    private final MongoTemplate mongo;

    public ProductUseStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var marks = mongo.getCollection(COLLECTION);
        marks.createIndex(new Document("orgUscc", 1).append("listingId", 1), new IndexOptions().name("org_listing").unique(true));
        marks.createIndex(new Document("orgUscc", 1).append("markedAt", -1), new IndexOptions().name("org_markedAt"));
        marks.createIndex(new Document("listingId", 1).append("endedAt", 1).append("_id", 1), new IndexOptions().name("listing_active"));
    }

    static String idOf(String orgUscc, String listingId) {
        return orgUscc + "|" + listingId;
    }

    /** Records the mark; false if the organisation had marked the product already (that mark is kept as it is). */
    public boolean insert(ProductUse use) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", idOf(use.orgUscc(), use.listingId()))
                    .append("orgUscc", use.orgUscc()).append("orgName", use.orgName()).append("listingId", use.listingId())
                    .append("productName", use.productName()).append("markedAt", Date.from(use.markedAt()))
                    .append("markedBy", use.markedBy()).append("contactName", use.contactName()).append("contactEmail", use.contactEmail())
                    .append("endedAt", null));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    public Optional<ProductUse> find(String orgUscc, String listingId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", idOf(orgUscc, listingId))).first())
                .map(ProductUseStore::toDomain);
    }

    public boolean delete(String orgUscc, String listingId) {
        return mongo.getCollection(COLLECTION).deleteOne(new Document("_id", idOf(orgUscc, listingId))).getDeletedCount() > 0;
    }

    /** One page of an organisation's marks, newest first. */
    public List<ProductUse> ofOrganisation(String orgUscc, int page, int size) {
        List<ProductUse> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(new Document("orgUscc", orgUscc)).sort(new Document("markedAt", -1).append("_id", 1))
                .skip(page * size).limit(size).forEach(d -> found.add(toDomain(d)));
        return found;
    }

    /** The next page of a listing's active marks after {@code afterId} (null: from the start), in {@code _id} order. */
    public List<ProductUse> activeAfter(String listingId, String afterId, int limit) {
        Document filter = new Document("listingId", listingId).append("endedAt", null);
        if (afterId != null) {
            filter.append("_id", new Document("$gt", afterId));
        }
        List<ProductUse> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(filter).sort(new Document("_id", 1)).limit(limit).forEach(d -> found.add(toDomain(d)));
        return found;
    }

    /** Which of these listings (at most a page) the organisation marks as in use now; read by {@code _id}. */
    public java.util.Set<String> markedAmong(String orgUscc, List<String> listingIds) {
        java.util.Set<String> marked = new java.util.HashSet<>();
        mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", listingIds.stream().map(id -> idOf(orgUscc, id)).toList()))
                .append("endedAt", null)).forEach(d -> marked.add(d.getString("listingId")));
        return marked;
    }

    /** How many organisations mark this listing as in use now (counted on the index). */
    public long activeCount(String listingId) {
        return mongo.getCollection(COLLECTION).countDocuments(new Document("listingId", listingId).append("endedAt", null));
    }

    /** The product was renamed in a corrected record: the marks show its new name. */
    public void rename(String listingId, String productName) {
        mongo.getCollection(COLLECTION).updateMany(new Document("listingId", listingId),
                new Document("$set", new Document("productName", productName)));
    }

    /** The product left the list: its marks stay, as history, and hear no more. */
    public void end(String listingId, Instant at) {
        mongo.getCollection(COLLECTION).updateMany(new Document("listingId", listingId).append("endedAt", null),
                new Document("$set", new Document("endedAt", Date.from(at))));
    }

    /** Where the next page of a fan-out starts: after this mark. */
    public static String cursorOf(ProductUse use) {
        return idOf(use.orgUscc(), use.listingId());
    }

    private static ProductUse toDomain(Document d) {
        Date ended = d.getDate("endedAt");
        return new ProductUse(d.getString("orgUscc"), d.getString("orgName"), d.getString("listingId"), d.getString("productName"),
                d.getDate("markedAt").toInstant(), d.getString("markedBy"), d.getString("contactName"), d.getString("contactEmail"),
                ended == null ? null : ended.toInstant());
    }
}
