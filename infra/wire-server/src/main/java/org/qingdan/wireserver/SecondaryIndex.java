package org.qingdan.wireserver;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index, which mongo-java-server 1.47 accepts and then ignores (its {@code EmptyIndex}): every query on
 * such a key read the whole collection under the collection's lock, so the devstack's cost grew with its data where
 * MongoDB's does not — the outbox relay's question "which documents have pending events?" (a sparse index) scanned
 * every application, case and listing at every round.
 *
 * <p>Kept in memory beside the documents (the library fills it from the stored documents when the collection opens,
 * as for any index it adds), it narrows a query's candidates in {@link IndexLookup} for three shapes: every key of the
 * index set to a plain value or to {@code $in} plain values; its first key so set, whatever the others are (an index
 * of several keys keeps its documents by their first key too: {@code {status: "PENDING", nextAttemptAt: {$lte: now}}}
 * reads the pending ones, not the whole collection); and {@code {key: {$exists: true}}} on a sparse index of one key. The caller matches the
 * whole query against the candidates, so an index only ever makes a query cheaper, never changes its answer. The
 * library itself never asks it ({@link #canHandle} is false). Should a document's keys not be computable (parallel
 * arrays), the index stops answering and every query scans again, as before.
 *
 * <p>Its memory is the wire server's heap, which holds the whole database in the in-memory backend (the fault suite's
 * 2,000 submissions): most keys hold one document (a key ending in {@code _id} or a timestamp) and most documents one
 * key, so a single position and a single key are kept as themselves, not in a one-element set (about a third of the
 * memory of sets everywhere).
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final System.Logger log = System.getLogger(SecondaryIndex.class.getName());
    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();
    private static final Document EXISTS = new Document("$exists", true);
    /** More combinations of pinned values than this are looked up by the first key's values alone. */
    private static final int MAX_COMBINATIONS = 1_000;

    /** An indexed document: its position and its key values (a {@link KeyValue}, or a {@code Set} for several). */
    private record Entry<P>(P position, Object keys) {

        @SuppressWarnings("unchecked")
        Iterable<KeyValue> keyValues() {
            return keys instanceof KeyValue one ? List.of(one) : (Set<KeyValue>) keys;
        }
    }

    /** Several positions under one key; a key of one document holds its position itself. */
    private static final class Positions<P> extends LinkedHashSet<P> {
    }

    private final Map<KeyValue, Object> byKey = new HashMap<>();
    /** An index of several keys: the positions under each value of its first key (the same shapes as byKey's). */
    private final Map<KeyValue, Object> byFirstKey = new HashMap<>();
    private final Map<Object, Entry<P>> byId = new HashMap<>();
    private boolean unusable;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /**
     * The positions of the documents that can match {@code query}, or null when this index cannot narrow it. More
     * conditions than the index's keys are fine: the caller matches the whole query.
     */
    synchronized Iterable<P> candidates(Document query) {
        if (unusable) {
            return null;
        }
        if (isSparse() && keys().size() == 1 && EXISTS.equals(query.get(keys().get(0)))) {
            return IndexLookup.inStoredOrder(byId.values().stream().map(Entry::position).toList());
        }
        List<List<Object>> pinned = new ArrayList<>();
        for (String key : keys()) {
            List<Object> values = IndexLookup.values(query.get(key));
            if (values == null) {
                break;
            }
            pinned.add(values);
        }
        if (pinned.isEmpty()) {
            return null;
        }
        // capped, not multiplied out: long $in lists on several keys must not overflow into an exception
        long combinations = pinned.stream().mapToLong(List::size).reduce(1, (a, b) -> Math.min(a * b, MAX_COMBINATIONS + 1L));
        if (pinned.size() < keys().size() || (combinations > MAX_COMBINATIONS && keys().size() > 1)) {
            return positionsUnder(byFirstKey, pinned.subList(0, 1));
        }
        return positionsUnder(byKey, pinned);
    }

    /**
     * The positions under every combination of the pinned values, in the order a scan meets them: a query with a limit
     * and no sort takes the same documents as without the index.
     */
    @SuppressWarnings("unchecked")
    private List<P> positionsUnder(Map<KeyValue, Object> map, List<List<Object>> pinned) {
        List<List<Object>> combinations = List.of(List.of());
        for (List<Object> values : pinned) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : values) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    longer.add(combination);
                }
            }
            combinations = longer;
        }
        Set<P> positions = new LinkedHashSet<>();
        for (List<Object> combination : combinations) {
            Object held = map.get(new KeyValue(combination).normalized());
            if (held instanceof Positions<?> several) {
                positions.addAll((Positions<P>) several);
            } else if (held != null) {
                positions.add((P) held);
            }
        }
        return IndexLookup.inStoredOrder(positions);
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (unusable) {
            byId.put(document.get("_id"), new Entry<>(position, Set.of()));
            return;
        }
        Set<KeyValue> keys;
        try {
            keys = keyValues(document);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "Index {0} cannot hold document {1} ({2}); its queries scan the collection from now on",
                    getName(), document.get("_id"), e.getMessage());
            // the positions stay known: the library asks every index for a document's position when it removes it,
            // and a non-sparse index that knows none fails the delete
            unusable = true;
            byKey.clear();
            byFirstKey.clear();
            byId.replaceAll((id, entry) -> new Entry<>(entry.position(), Set.of()));
            byId.put(document.get("_id"), new Entry<>(position, Set.of()));
            return;
        }
        if (keys == null) {
            return; // sparse, and the document has none of the keys
        }
        Entry<P> before = byId.put(document.get("_id"), new Entry<>(position, keys.size() == 1 ? keys.iterator().next() : keys));
        if (before != null) {
            forget(before);
        }
        for (KeyValue key : keys) {
            hold(byKey, key, position);
        }
        for (KeyValue first : firstKeys(keys)) {
            hold(byFirstKey, first, position);
        }
    }

    /** The document's values of the index's first key, for an index of several keys (none for one of one key). */
    private Set<KeyValue> firstKeys(Iterable<KeyValue> keys) {
        if (keys().size() < 2) {
            return Set.of();
        }
        Set<KeyValue> first = new HashSet<>();
        for (KeyValue key : keys) {
            first.add(new KeyValue(key.get(0)));
        }
        return first;
    }

    @SuppressWarnings("unchecked")
    private void hold(Map<KeyValue, Object> map, KeyValue key, P position) {
        Object held = map.putIfAbsent(key, position);
        if (held == null || held.equals(position)) {
            return;
        }
        if (held instanceof Positions<?> several) {
            ((Positions<P>) several).add(position);
            return;
        }
        Positions<P> several = new Positions<>();
        several.add((P) held);
        several.add(position);
        map.put(key, several);
    }

    /** The document's key values (several for an array: a multikey index); null when a sparse index leaves it out. */
    private Set<KeyValue> keyValues(Document document) {
        if (isSparse() && keys().stream().noneMatch(key -> MATCHER.matches(document, new Document(key, EXISTS)))) {
            return null;
        }
        Set<KeyValue> keys = new HashSet<>();
        for (KeyValue key : getKeyValues(document)) {
            keys.add(key.normalized());
        }
        return keys;
    }

    @Override
    public synchronized P remove(Document document) {
        Entry<P> entry = byId.remove(document.get("_id"));
        if (entry == null) {
            return null;
        }
        forget(entry);
        return entry.position();
    }

    private void forget(Entry<P> entry) {
        for (KeyValue key : entry.keyValues()) {
            release(byKey, key, entry.position());
        }
        for (KeyValue first : firstKeys(entry.keyValues())) {
            release(byFirstKey, first, entry.position());
        }
    }

    private void release(Map<KeyValue, Object> map, KeyValue key, P position) {
        Object held = map.get(key);
        if (held instanceof Positions<?> several) {
            several.remove(position);
            if (several.size() == 1) {
                map.put(key, several.iterator().next());
            }
        } else if (position.equals(held)) {
            map.remove(key);
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized P getPosition(Document document) {
        Entry<P> entry = byId.get(document.get("_id"));
        return entry == null ? null : entry.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: anything may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: anything may change
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // asked only by IndexLookup, which matches the whole query against the candidates
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Iterable<P> candidates = candidates(query);
        if (candidates == null) {
            throw new UnsupportedOperationException("index " + getName() + " cannot answer " + query);
        }
        return candidates;
    }

    @Override
    public synchronized long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return 0; // held in memory, not in the data file
    }

    @Override
    public synchronized void drop() {
        byKey.clear();
        byFirstKey.clear();
        byId.clear();
    }
}
