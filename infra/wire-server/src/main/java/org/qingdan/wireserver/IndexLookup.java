package org.qingdan.wireserver;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;

/**
 * The documents a query can match, from a unique index whose every key the query sets to a plain value (a string, an
 * ObjectId, a number or a boolean): at most one; else from a {@link SecondaryIndex} that can narrow it. The caller
 * still matches the whole query against them, so the other conditions ({@code revision}, {@code status}, …) keep their
 * meaning; an operator, a regex, an array, an embedded document or null on an index key leaves the query to the
 * library (or to a secondary index's {@code $exists}).
 */
final class IndexLookup {

    record Candidates<P>(Iterable<P> positions) {
    }

    static <P> Candidates<P> candidates(Document query, List<Index<P>> indexes) {
        Candidates<P> unique = fromUniqueIndex(query, indexes);
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
        return null;
    }

    private static <P> Candidates<P> fromUniqueIndex(Document query, List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            Document pinned = pinned(query, index.getKeys());
            // with exactly the index's keys the library uses the index itself
            if (pinned != null && pinned.size() < query.size() && index.canHandle(pinned)) {
                return new Candidates<>(index.getPositions(pinned));
            }
        }
        return null;
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
