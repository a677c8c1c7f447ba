package org.qingdan.wireserver;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The documents a query can match, from a unique index whose every key the query sets to a plain value (a string, an
 * ObjectId, a number or a boolean) or a single-key one it sets to {@code $in} plain values: at most one per value; else
 * from a {@link SecondaryIndex} that can narrow it; else, for a query of {@code $or} branches, the union of what each
 * branch narrows to when every one does (the notification outbox's "due or stuck in sending"). The caller still matches
 * the whole query against them, so the other conditions ({@code revision}, {@code status}, …) keep their meaning; any
 * other operator, a regex, an array, an embedded document or null on an index key leaves the query to the library (or
 * to a secondary index's {@code $exists}).
 */
final class IndexLookup {

    record Candidates<P>(Iterable<P> positions) {
    }

    static <P> Candidates<P> candidates(Document query, List<Index<P>> indexes) {
        return candidates(query, indexes, false);
    }

    /** {@code branch}: a branch of an {@code $or}, which the library would not look up by its unique index itself. */
    private static <P> Candidates<P> candidates(Document query, List<Index<P>> indexes, boolean branch) {
        query = withoutAnd(query);
        Candidates<P> unique = fromUniqueIndex(query, indexes, branch);
        if (unique != null) {
            return unique;
        }
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                Iterable<P> positions = secondary.candidates(query);
                if (positions != null) {
                    return new Candidates<>(positions);
                }
            }
        }
        return fromBranches(query, indexes);
    }

    private static <P> Candidates<P> fromUniqueIndex(Document query, List<Index<P>> indexes, boolean branch) {
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            List<IndexKey> keys = index.getKeys();
            Object condition = query.get(keys.get(0).getKey());
            List<Object> in = keys.size() == 1 && condition instanceof Document ? values(condition) : null;
            if (in != null) {
                // {_id: {$in: [...]}}: the library scans the collection for it
                Set<P> positions = new LinkedHashSet<>();
                for (Object value : in) {
                    Document pinned = new Document(keys.get(0).getKey(), value);
                    if (!index.canHandle(pinned)) {
                        return null;
                    }
                    index.getPositions(pinned).forEach(positions::add);
                }
                return new Candidates<>(inStoredOrder(positions));
            }
            Document pinned = pinned(query, keys);
            // with exactly the index's keys the library uses the index itself (but not in a branch of an $or)
            if (pinned != null && (branch || pinned.size() < query.size()) && index.canHandle(pinned)) {
                return new Candidates<>(index.getPositions(pinned));
            }
        }
        return null;
    }

    /**
     * {@code {$and: [{a: …}, {b: …}]}} (as the Java driver's {@code Filters.and} writes it) as {@code {a: …, b: …}}, which
     * means the same when no key repeats; otherwise the query as it is.
     */
    private static Document withoutAnd(Document query) {
        if (!(query.get("$and") instanceof List<?> conjuncts)) {
            return query;
        }
        Document flat = new Document(query);
        flat.remove("$and");
        for (Object conjunct : conjuncts) {
            if (!(conjunct instanceof Document d)) {
                return query;
            }
            for (String key : d.keySet()) {
                if (flat.containsKey(key)) {
                    return query;
                }
                flat.put(key, d.get(key));
            }
        }
        return flat;
    }

    /** {@code {$or: [...]}}: the union of every branch's candidates, when each branch is narrowed by an index. */
    private static <P> Candidates<P> fromBranches(Document query, List<Index<P>> indexes) {
        if (!(query.get("$or") instanceof List<?> branches) || branches.isEmpty()) {
            return null;
        }
        Set<P> positions = new LinkedHashSet<>();
        for (Object branch : branches) {
            Candidates<P> narrowed = branch instanceof Document b ? candidates(b, indexes, true) : null;
            if (narrowed == null) {
                return null;
            }
            narrowed.positions().forEach(positions::add);
        }
        return new Candidates<>(inStoredOrder(positions));
    }

    /**
     * The values a condition pins a key to: one for a plain value, each of an {@code $in} of plain values; null for
     * anything else.
     */
    static List<Object> values(Object condition) {
        if (isPlain(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> in
                && in.stream().allMatch(IndexLookup::isPlain)) {
            return List.copyOf(in);
        }
        return null;
    }

    /**
     * A union of candidates in the order a scan meets them (positions in memory, keys in H2), so that a query with a
     * limit and no sort takes the same documents as without the index.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <P> List<P> inStoredOrder(Collection<P> positions) {
        List<P> ordered = new ArrayList<>(positions);
        if (ordered.size() > 1 && ordered.stream().allMatch(p -> p != null && p.getClass() == ordered.get(0).getClass())
                && ordered.get(0) instanceof Comparable) {
            ordered.sort((Comparator) Comparator.naturalOrder());
        }
        return ordered;
    }

    /** The query's conditions on the index's keys, or null unless each is a plain value. */
    private static Document pinned(Document query, List<IndexKey> keys) {
        Document pinned = new Document();
        for (IndexKey key : keys) {
            Object value = query.get(key.getKey());
            if (!isPlain(value)) {
                return null;
            }
            pinned.put(key.getKey(), value);
        }
        return pinned;
    }

    static boolean isPlain(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof Number || value instanceof Boolean;
    }

    private IndexLookup() {
    }
}
