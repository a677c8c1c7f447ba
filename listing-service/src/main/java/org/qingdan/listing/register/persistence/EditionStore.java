package org.qingdan.listing.register.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.Listing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The edition chain in MongoDB: the immutable editions, and a small head document (number, hash, digest)
 * that the next edition builds on. Numbering is gap-free and strictly ordered under concurrency: an
 * edition is inserted under its number (the unique {@code _id} lets one writer win each number), then
 * the head moves by compare-and-set. A writer that finds its number taken moves the head forward to the
 * edition that took it (rolling forward after a crash too) and tries the next number.
 */
@Component
public class EditionStore {

    static final String HEADS = "editionHead";
    private static final String HEAD = "head";
    private static final String VERIFIED = "verified";
    /** Editions read per round trip when streaming; small, since a snapshot edition holds a whole list. */
    static final int STREAM_PAGE = 50;

    private final MongoTemplate mongo;

    public EditionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The end of the chain, rolled forward over any edition a crash left ahead of the head. */
    public EditionHead head() {
        EditionHead head = storedHead(HEAD).orElse(EditionHead.EMPTY);
        while (true) {
            Optional<Edition> ahead = find(head.number() + 1);
            if (ahead.isEmpty()) {
                return head;
            }
            EditionHead next = ahead.get().head();
            moveHead(head, next);
            head = next;
        }
    }

    /** The edition that records the pending change of {@code listing}: found if it exists, else appended. */
    public Edition append(Listing listing, java.time.Instant now) {
        String changeKey = changeKey(listing);
        while (true) {
            Optional<Edition> done = byChangeKey(changeKey);
            if (done.isPresent()) {
                head(); // the head may still be behind it after a crash
                return done.get();
            }
            EditionHead head = head();
            Edition edition = Edition.next(head, listing.editionChange(), listing.entryBefore(), listing.entryAfter(), now);
            try {
                mongo.insert(new EditionDocument(edition.number(), edition, changeKey, notice(edition, listing), edition.entryCount()));
            } catch (DuplicateKeyException taken) {
                continue; // the number went to another change (or this change got one): look again
            }
            moveHead(head, EditionHead.of(edition));
            return edition;
        }
    }

    static String changeKey(Listing listing) {
        return listing.id() + ":" + listing.version();
    }

    private static EditionDocument.Notice notice(Edition e, Listing l) {
        return new EditionDocument.Notice(e.createdAt(), e.change().type(), l.id(), l.product().productName(),
                l.product().enterprise() == null ? null : l.product().enterprise().name(), e.change().summary());
    }

    private void moveHead(EditionHead from, EditionHead to) {
        Document filter = new Document("_id", HEAD).append("number", from.number());
        Document set = new Document("$set", head(to));
        try {
            if (from.number() == 0) {
                mongo.getCollection(HEADS).updateOne(filter, set, new com.mongodb.client.model.UpdateOptions().upsert(true));
            } else {
                mongo.getCollection(HEADS).updateOne(filter, set); // no match: another writer moved it already
            }
        } catch (com.mongodb.MongoWriteException alreadyCreated) {
            // the first head was created concurrently: whoever did it moves it on
        }
    }

    private static Document head(EditionHead h) {
        return new Document("number", h.number()).append("hash", h.hash()).append("digest", h.digest())
                .append("entryCount", h.entryCount());
    }

    private Optional<EditionHead> storedHead(String id) {
        Document d = mongo.getCollection(HEADS).find(new Document("_id", id)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new EditionHead(((Number) d.get("number")).longValue(), d.getString("hash"), d.getString("digest"),
                ((Number) d.get("entryCount")).longValue()));
    }

    /** Sets the head outright: only the migration does this, from the last edition of the first layout. */
    void setHead(EditionHead head) {
        mongo.getCollection(HEADS).updateOne(new Document("_id", HEAD), new Document("$set", head(head)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    public Optional<Edition> find(long number) {
        return Optional.ofNullable(mongo.findById(number, EditionDocument.class)).map(EditionDocument::edition);
    }

    private Optional<Edition> byChangeKey(String changeKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("changeKey").is(changeKey)), EditionDocument.class))
                .map(EditionDocument::edition);
    }

    /**
     * The numbers of one page, newest first: numbering has no gaps, so a page is a list of known numbers,
     * read by {@code _id $in} (the _id index answers it; the development wire server too, which would scan the
     * collection for a range or a sort).
     */
    private static List<Long> numbers(long latest, int page, int size) {
        List<Long> numbers = new java.util.ArrayList<>();
        for (long n = latest - (long) page * size; n > 0 && numbers.size() < size; n--) {
            numbers.add(n);
        }
        return numbers;
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new java.util.ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** One page of editions, newest first, without a snapshot's entries. */
    public List<EditionDocument> page(long latest, int page, int size) {
        Query query = Query.query(Criteria.where("_id").in(numbers(latest, page, size))).with(Sort.by(Sort.Order.desc("_id")));
        query.fields().exclude("edition.entries", "edition.entry", "notice");
        return mongo.find(query, EditionDocument.class);
    }

    /** A public notice with the number of the edition it announces. */
    public record NumberedNotice(long edition, EditionDocument.Notice notice) {
    }

    /** One page of public notices (each edition's change), newest first. */
    public List<NumberedNotice> notices(long latest, int page, int size) {
        Query query = Query.query(Criteria.where("_id").in(numbers(latest, page, size))).with(Sort.by(Sort.Order.desc("_id")));
        query.fields().include("notice");
        return mongo.find(query, Document.class, EditionDocument.COLLECTION).stream()
                .map(d -> new NumberedNotice(((Number) d.get("_id")).longValue(),
                        mongo.getConverter().read(EditionDocument.Notice.class, d.get("notice", Document.class)))).toList();
    }

    /** Editions {@code from}..{@code to}, oldest first, read {@value #STREAM_PAGE} at a time. */
    public void forEach(long from, long to, Consumer<Edition> each) {
        for (long start = from; start <= to; start += STREAM_PAGE) {
            Query query = Query.query(Criteria.where("_id").in(range(start, Math.min(to, start + STREAM_PAGE - 1))))
                    .with(Sort.by("_id"));
            for (EditionDocument d : mongo.find(query, EditionDocument.class)) {
                each.accept(d.edition());
            }
        }
    }

    /** The changes of editions {@code from}..{@code to}, oldest first, without their entries. */
    public void forEachChange(long from, long to, Consumer<Edition.Change> each) {
        for (long start = from; start <= to; start += ListingStore.STREAM_PAGE) {
            Query query = Query.query(Criteria.where("_id").in(range(start, Math.min(to, start + ListingStore.STREAM_PAGE - 1))))
                    .with(Sort.by("_id"));
            query.fields().include("edition.change");
            for (Document d : mongo.find(query, Document.class, EditionDocument.COLLECTION)) {
                Document c = d.get("edition", Document.class).get("change", Document.class);
                each.accept(new Edition.Change(c.getString("type"), c.getString("listingId"), c.getString("productName"),
                        c.getString("summary")));
            }
        }
    }

    /** The last edition the chain was verified up to, with its hash, digest and count. */
    public Optional<EditionHead> verified() {
        return storedHead(VERIFIED);
    }

    /** Records a verification up to {@code head}, unless a later one was recorded meanwhile. */
    public void verified(EditionHead head) {
        try {
            mongo.getCollection(HEADS).updateOne(new Document("_id", VERIFIED).append("number", new Document("$lt", head.number())),
                    new Document("$set", head(head)), new com.mongodb.client.model.UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException laterRecorded) {
            // the upsert met the document at a later number: keep that
        }
    }

    /** Forgets the cached verification (it no longer matches what is stored). */
    public void forgetVerification() {
        mongo.getCollection(HEADS).deleteOne(new Document("_id", VERIFIED));
    }

    /** Migration: keeps an edition of the first layout exactly as it was, with its notice beside it. */
    void insertKept(Edition edition, EditionDocument.Notice notice) {
        try {
            mongo.insert(new EditionDocument(edition.number(), edition, null, notice, (long) edition.entries().size()));
        } catch (DuplicateKeyException alreadyKept) {
            // kept before a crash or by another instance
        }
    }
}
