package org.qingdan.listing.register.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.qingdan.support.lease.Leases;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.support.outbox.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Moves a list written by the first version (one {@code register} document) to one document per
 * listing, once, before the service consumes or serves anything (it runs while the application context
 * starts; the Kafka listeners start after it). Every step is repeatable — a listing or edition already
 * there is left as it is — so a crash midway is finished by the next start, and a lease lets one
 * instance do it while the others wait. The published editions are kept exactly as they were (their
 * hashes are public); only the list's notices and counts are added beside them. The register document
 * is marked, not removed: its outbox may still hold events the relay has not published.
 */
@Component
public class RegisterMigration implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RegisterMigration.class);
    static final String LOCKS = "migrations";
    static final String NAME = "register-to-listings";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final EditionStore editions;
    private final Clock clock;
    private final Leases leases;

    public RegisterMigration(MongoTemplate mongo, AggregateStore store, EditionStore editions, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.editions = editions;
        this.clock = clock;
        this.leases = new Leases(mongo, clock, LOCKS);
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        migrate();
    }

    /** Migrates if a register of the first layout is there and not migrated yet. Returns whether this call did it. */
    public boolean migrate() throws InterruptedException {
        Instant deadline = clock.instant().plus(WAIT);
        while (needed()) {
            if (leases.acquire(NAME, LEASE)) {
                try {
                    if (needed()) {
                        run();
                        return true;
                    }
                    return false;
                } finally {
                    leases.release(NAME);
                }
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("another instance has been migrating the list for " + WAIT + "; not starting");
            }
            Thread.sleep(500); // another instance migrates: wait for it, then serve the migrated list
        }
        return false;
    }

    private boolean needed() {
        Query query = Query.query(Criteria.where("_id").is(LegacyRegisterDocument.ID).and("migrated").ne(true));
        query.fields().include("_id");
        return mongo.exists(query, LegacyRegisterDocument.COLLECTION);
    }

    private void run() {
        LegacyRegisterDocument legacy = mongo.findById(LegacyRegisterDocument.ID, LegacyRegisterDocument.class);
        List<Listing> listings = legacy.listings() == null ? List.of() : legacy.listings();
        Map<String, Listing> byId = new HashMap<>();
        int moved = 0;
        for (Listing listing : listings) {
            byId.put(listing.id(), listing);
            try {
                store.insert(ListingDocument.of(listing), List.of());
                moved++;
            } catch (DuplicateKeyException alreadyMoved) {
                // moved before a crash: the listing document may have changed since, keep it
            }
        }
        if (legacy.pendingEditions() != null) {
            for (Edition pending : legacy.pendingEditions()) {
                editions.insertKept(pending, notice(pending, byId));
            }
        }
        // the archived editions get the notice and count that the new layout reads beside them
        int noticed = 0;
        long after = 0;
        while (true) {
            Query page = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(20);
            List<Document> docs = mongo.find(page, Document.class, EditionDocument.COLLECTION);
            for (Document d : docs) {
                after = ((Number) d.get("_id")).longValue();
                if (d.get("notice") == null) {
                    Edition e = mongo.getConverter().read(EditionDocument.class, d).edition();
                    EditionDocument.Notice notice = notice(e, byId);
                    Document n = new Document();
                    mongo.getConverter().write(notice, n);
                    n.remove("_class");
                    mongo.getCollection(EditionDocument.COLLECTION).updateOne(new Document("_id", d.get("_id")),
                            new Document("$set", new Document("notice", n).append("entryCount", (long) e.entries().size())));
                    noticed++;
                }
            }
            if (docs.size() < 20) {
                break;
            }
        }
        if (legacy.latest() != null) {
            editions.setHead(legacy.latest().head());
        }
        mongo.getCollection(LegacyRegisterDocument.COLLECTION).updateOne(new Document("_id", LegacyRegisterDocument.ID),
                new Document("$set", new Document("migrated", true)));
        log.info("migrated the list to one document per listing: {} listing(s) moved, {} edition(s) given their notice, head at edition {}",
                moved, noticed, legacy.latest() == null ? 0 : legacy.latest().number());
    }

    private static EditionDocument.Notice notice(Edition e, Map<String, Listing> listings) {
        Listing l = listings.get(e.change().listingId());
        String enterprise = l == null || l.product().enterprise() == null ? null : l.product().enterprise().name();
        return new EditionDocument.Notice(e.createdAt(), e.change().type(), e.change().listingId(), e.change().productName(),
                enterprise, e.change().summary());
    }
}
