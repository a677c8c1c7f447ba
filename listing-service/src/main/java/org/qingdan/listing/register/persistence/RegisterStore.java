package org.qingdan.listing.register.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.ListRegister;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The register in MongoDB: state, events and new editions in one write; editions archived after. */
@Component
public class RegisterStore {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public RegisterStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The register as read, with its version (-1 before the first write) and the editions not yet archived. */
    public record Versioned(ListRegister register, long version, List<Edition> pendingEditions) {
    }

    public Versioned load() {
        RegisterDocument doc = mongo.findById(RegisterDocument.ID, RegisterDocument.class);
        if (doc == null) {
            return new Versioned(ListRegister.empty(), -1, List.of());
        }
        return new Versioned(new ListRegister(doc.listings(), doc.latest()), doc.version(),
                doc.pendingEditions() == null ? List.of() : doc.pendingEditions());
    }

    /** The register's version alone (-1 before the first write): enough to answer a conditional GET. */
    public long version() {
        Document d = mongo.getCollection(RegisterDocument.COLLECTION).find(new Document("_id", RegisterDocument.ID))
                .projection(new Document("version", 1)).first();
        return d == null ? -1 : ((Number) d.get("version")).longValue();
    }

    /** Saves the next state against the version read; throws OptimisticLockingFailureException if it moved. */
    public void save(Versioned read, ListRegister next, List<Edition> newEditions, List<? extends DomainEvent> events) {
        List<Edition> pending = new ArrayList<>(read.pendingEditions());
        pending.addAll(newEditions);
        RegisterDocument doc = new RegisterDocument(RegisterDocument.ID, null, next.listings(), next.latest(), pending);
        if (read.version() < 0) {
            try {
                store.insert(doc, events);
            } catch (DuplicateKeyException e) {
                throw new org.springframework.dao.OptimisticLockingFailureException("register created concurrently", e);
            }
        } else {
            store.update(doc, read.version(), events);
        }
        archive(pending); // what was just written: no need to read the register again
    }

    /** Copies the editions a crash left pending to the archive (the schedule calls this). */
    public void archive() {
        RegisterDocument doc = mongo.findById(RegisterDocument.ID, RegisterDocument.class);
        if (doc != null && doc.pendingEditions() != null) {
            archive(doc.pendingEditions());
        }
    }

    /** Copies editions to the archive and pulls them from the register (idempotent: an archived edition stays as it is). */
    private void archive(List<Edition> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Long> archived = new ArrayList<>();
        for (Edition edition : pending) {
            try {
                mongo.insert(new EditionDocument(edition.number(), edition));
            } catch (DuplicateKeyException alreadyArchived) {
                // archived before a crash or by another instance
            }
            archived.add(edition.number());
        }
        mongo.getCollection(RegisterDocument.COLLECTION).updateOne(new Document("_id", RegisterDocument.ID),
                new Document("$pull", new Document("pendingEditions", new Document("number", new Document("$in", archived)))));
    }

    public Optional<Edition> edition(long number) {
        EditionDocument doc = mongo.findById(number, EditionDocument.class);
        if (doc != null) {
            return Optional.of(doc.edition());
        }
        return load().pendingEditions().stream().filter(e -> e.number() == number).findFirst();
    }

    /** Editions {@code from}..{@code to}, oldest first, archived or still pending. */
    public List<Edition> editions(long from, long to) {
        List<Edition> found = new ArrayList<>(mongo.find(Query.query(Criteria.where("_id").gte(from).lte(to))
                .with(Sort.by("_id")), EditionDocument.class).stream().map(EditionDocument::edition).toList());
        for (Edition pending : load().pendingEditions()) {
            if (pending.number() >= from && pending.number() <= to && found.stream().noneMatch(e -> e.number() == pending.number())) {
                found.add(pending);
            }
        }
        found.sort(Comparator.comparingLong(Edition::number));
        return found;
    }
}
