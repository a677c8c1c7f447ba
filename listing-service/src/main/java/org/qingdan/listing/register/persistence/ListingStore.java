package org.qingdan.listing.register.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.ListFilter;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.qingdan.support.query.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The listings in MongoDB, one document each. Every read answers from one document or one page; the
 * full content of an edition is streamed page by page on {@code _id}, so neither this service nor the
 * database ever holds the whole list for one request.
 */
@Component
public class ListingStore implements VersionedStore<Listing> {

    /** Listings read per round trip when streaming. */
    static final int STREAM_PAGE = 200;
    private static final String VERSIONS = "publicVersion";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public ListingStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Optional<Versioned<Listing>> find(String id) {
        ListingDocument doc = mongo.findById(id, ListingDocument.class);
        return doc == null ? Optional.empty() : Optional.of(new Versioned<>(doc.listing(), doc.revision()));
    }

    /** A listing as the public sees it: without objections (who objected stays with the office). */
    public Optional<Listing> findPublic(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("listing.objections", "grams");
        return Optional.ofNullable(mongo.findOne(query, ListingDocument.class)).map(ListingDocument::listing);
    }

    /** Inserts a new listing with its events; false if a listing with this id exists (a redelivered approval). */
    public boolean insert(Listing listing, List<? extends DomainEvent> events) {
        try {
            store.insert(ListingDocument.of(listing), events);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public long update(Versioned<Listing> read, Listing next, List<? extends DomainEvent> events) {
        return store.update(ListingDocument.of(next), read.version(), events);
    }

    /** Ids of listings whose notice ended by {@code now}, after {@code afterId}, in id order. */
    public List<String> dueIds(Instant now, String afterId, int limit) {
        Query query = Query.query(Criteria.where("status").is(ListingStatus.PUBLIC_NOTICE)
                .and("listing.noticeEndsAt").lte(now).and("_id").gt(afterId == null ? "" : afterId));
        query.fields().include("_id");
        query.with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, ListingDocument.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** When the earliest public notice ends that ends after {@code after} (on the {@code notice_end} index), if any. */
    public Optional<Instant> nextNoticeEnd(Instant after) {
        Query query = Query.query(Criteria.where("status").is(ListingStatus.PUBLIC_NOTICE).and("listing.noticeEndsAt").gt(after));
        query.fields().include("listing.noticeEndsAt");
        query.with(Sort.by("listing.noticeEndsAt")).limit(1);
        return mongo.find(query, Document.class, ListingDocument.COLLECTION).stream().findFirst()
                .map(d -> d.get("listing", Document.class)).map(l -> l.getDate("noticeEndsAt")).map(java.util.Date::toInstant);
    }

    /**
     * Ids of listed products whose yearly re-confirmation is overdue and not yet flagged for that anniversary, after
     * {@code afterId}, in id order (on the {@code reconfirm_due} index).
     */
    public List<String> reconfirmationOverdueIds(Instant now, String afterId, int limit) {
        Query query = Query.query(Criteria.where("status").is(ListingStatus.LISTED).and("reconfirmDueAt").lte(now)
                .and("overdueFlagged").ne(true).and("_id").gt(afterId == null ? "" : afterId));
        query.fields().include("_id");
        query.with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, ListingDocument.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Listed products whose re-confirmation is overdue, the longest overdue first, a page at a time (office). */
    public Page<Listing> overdue(Instant now, int page, int size) {
        Criteria criteria = Criteria.where("status").is(ListingStatus.LISTED).and("reconfirmDueAt").lte(now);
        long total = mongo.count(Query.query(criteria), ListingDocument.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.asc("reconfirmDueAt"), Sort.Order.asc("_id"))).skip((long) page * size)
                .limit(size);
        query.fields().exclude("listing.objections", "listing.history", "grams");
        return new Page<>(mongo.find(query, ListingDocument.class).stream().map(ListingDocument::listing).toList(), page, size, total);
    }

    /** Ids of listings whose change waits for its edition (a crash between the two writes). */
    public List<String> pendingIds(int limit) {
        Query query = Query.query(Criteria.where("pending").is(true));
        query.fields().include("_id");
        query.limit(limit);
        return mongo.find(query, Document.class, ListingDocument.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** One page of the public list, filtered and sorted (newest first, then id) in MongoDB, with the total. */
    public Page<Listing> page(ListFilter filter, int page, int size) {
        Criteria criteria = criteria(filter);
        long total = mongo.count(Query.query(criteria), ListingDocument.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("sortAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("listing.objections", "listing.history", "grams");
        return new Page<>(mongo.find(query, ListingDocument.class).stream().map(ListingDocument::listing).toList(), page, size, total);
    }

    /** Every listing with its objections, for the office, one page at a time (newest first). */
    public Page<Listing> all(ListingStatus status, int page, int size) {
        Criteria criteria = status == null ? new Criteria() : Criteria.where("status").is(status);
        long total = mongo.count(Query.query(criteria), ListingDocument.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("sortAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("grams");
        return new Page<>(mongo.find(query, ListingDocument.class).stream().map(ListingDocument::listing).toList(), page, size, total);
    }

    static Criteria criteria(ListFilter f) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(f.status() == null ? ListingStatus.LISTED : f.status()));
        if (f.scenario() != null) {
            all.add(Criteria.where("listing.product.scenarios").is(f.scenario()));
        }
        if (f.productType() != null) {
            all.add(Criteria.where("listing.product.productType").is(f.productType()));
        }
        if (f.year() != null) {
            all.add(Criteria.where("listing.product.callYear").is(f.year()));
        }
        if (f.technology() != null) {
            all.add(Criteria.where("listing.product.keyTechnologies").regex(contains(f.technology())));
        }
        if (f.enterprise() != null) {
            all.add(new Criteria().orOperator(Criteria.where("listing.product.enterprise.name").regex(contains(f.enterprise())),
                    Criteria.where("listing.product.enterprise.uscc").is(f.enterprise())));
        }
        if (f.q() != null) {
            // the bigram index narrows the candidates; the substring test decides
            var grams = ListingDocument.bigrams(f.q());
            if (!grams.isEmpty()) {
                all.add(Criteria.where("grams").all(grams));
            }
            all.add(new Criteria().orOperator(Criteria.where("listing.product.productName").regex(contains(f.q())),
                    Criteria.where("listing.product.enterprise.name").regex(contains(f.q()))));
        }
        return new Criteria().andOperator(all);
    }

    private static Pattern contains(String text) {
        return Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The entries of edition {@code number} (every listing on notice or on the list then), in listing id
     * order, read {@value #STREAM_PAGE} at a time: a listing is in it from the edition that started its
     * notice until the one that removed it, and listed from its listing edition on.
     */
    public void forEachEntryAt(long number, Consumer<Edition.Entry> each) {
        String after = "";
        while (true) {
            Query query = Query.query(new Criteria().andOperator(
                    Criteria.where("publicFrom").lte(number),
                    new Criteria().orOperator(Criteria.where("publicUntil").is(null), Criteria.where("publicUntil").gt(number)),
                    Criteria.where("_id").gt(after)));
            query.fields().include("listing.product", "listedEdition");
            query.with(Sort.by("_id")).limit(STREAM_PAGE);
            List<Document> batch = mongo.find(query, Document.class, ListingDocument.COLLECTION);
            for (Document d : batch) {
                Number listedEdition = (Number) d.get("listedEdition");
                boolean listed = listedEdition != null && listedEdition.longValue() <= number;
                ListedProduct product = mongo.getConverter().read(ListedProduct.class, d.get("listing", Document.class).get("product", Document.class));
                each.accept(new Edition.Entry(d.getString("_id"), listed ? ListingStatus.LISTED : ListingStatus.PUBLIC_NOTICE, product));
            }
            if (batch.size() < STREAM_PAGE) {
                return;
            }
            after = batch.get(batch.size() - 1).getString("_id");
        }
    }

    /** How many listed products one scenario, product type (null when the form named none) and call year have. */
    public record Count(String scenario, String productType, int year, int count) {
    }

    /** Listed products by scenario × product type × call year, counted by MongoDB. */
    public List<Count> statistics() {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(ListingStatus.LISTED)),
                Aggregation.project().and("listing.product.scenarios").as("scenario")
                        .and("listing.product.productType").as("productType").and("listing.product.callYear").as("year"),
                Aggregation.unwind("scenario"),
                Aggregation.group("scenario", "productType", "year").count().as("count"));
        List<Count> rows = new ArrayList<>();
        for (Document d : mongo.aggregate(aggregation, ListingDocument.COLLECTION, Document.class)) {
            Document id = d.get("_id", Document.class);
            rows.add(new Count(id.getString("scenario"), id.getString("productType"), ((Number) id.get("year")).intValue(),
                    ((Number) d.get("count")).intValue()));
        }
        return rows;
    }

    /**
     * A number that changes whenever anything public changes: the ETag of the list's reads, answered from
     * one small document. Bumped after each write of a listing (a crash before the bump leaves a pending
     * edition whose completion bumps it).
     */
    public long publicVersion() {
        Document d = mongo.getCollection(VERSIONS).find(new Document("_id", "list")).first();
        return d == null ? 0 : ((Number) d.get("value")).longValue();
    }

    /** Returns the new version. */
    public long bumpPublicVersion() {
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is("list")), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, VERSIONS);
        return ((Number) d.get("value")).longValue();
    }
}
