package org.qingdan.wireserver;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The wire server's two backends (in memory for the tests, H2 for the devstack's data that survives a restart), with
 * collections that answer a query from a unique index whenever the query pins the index's keys, and from a non-unique
 * index ({@link SecondaryIndex}, which the library ignores) for a query it can narrow ({@link IndexLookup}).
 * As released, mongo-java-server uses an index only for a query with exactly the index's keys, so every optimistic
 * write of an aggregate ({@code {_id, revision}}) read the whole collection under the collection's lock: a cost that
 * grows with the data and that MongoDB does not have.
 */
public final class WireServerBackends {

    /** In memory: gone when the process ends. */
    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                                        boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }

                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
                    }
                };
            }
        };
    }

    /** In an H2 MVStore file: the same files and map names as {@link H2Backend}, so existing data opens unchanged. */
    public static MongoBackend h2(String fileName) {
        return new H2Backend(fileName) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                MVStore store = getMvStore();
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                                       boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }

                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                        // as H2Database names the maps (mongo-java-server 1.47)
                        String namespace = getFullCollectionNamespace(collectionName);
                        return new IndexedH2Collection(this, collectionName, options, store.openMap("databases." + namespace),
                                store.openMap("meta." + namespace), cursorRegistry);
                    }
                };
            }
        };
    }

    private static final class IndexedMemoryCollection extends MemoryCollection {

        IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            IndexLookup.Candidates<Integer> candidates = IndexLookup.candidates(query, getIndexes());
            return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fields)
                    : matchDocuments(query, candidates.positions(), orderBy, skip, limit, batchSize, fields);
        }
    }

    private static final class IndexedH2Collection extends H2Collection {

        IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
                            org.h2.mvstore.MVMap<Object, Document> documents, org.h2.mvstore.MVMap<String, Object> meta,
                            CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            IndexLookup.Candidates<Object> candidates = IndexLookup.candidates(query, getIndexes());
            return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fields)
                    : matchDocuments(query, candidates.positions(), orderBy, skip, limit, batchSize, fields);
        }
    }

    private WireServerBackends() {
    }
}
