package org.qingdan.wireserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backends answer like the library's own, with or without the index narrowing the candidates. */
class WireServerBackendsTest {

    @TempDir
    Path dir;

    @Test
    void queries_with_more_than_an_index_keys_mean_what_they_say_in_memory() {
        answers(WireServerBackends::memory);
    }

    @Test
    void queries_with_more_than_an_index_keys_mean_what_they_say_in_h2_and_the_data_survives_a_reopen() {
        String file = dir.resolve("wire.mv").toString();
        answers(() -> WireServerBackends.h2(file));
        MongoServer reopened = new MongoServer(WireServerBackends.h2(file));
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(reopened))) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("aggregates");
            assertThat(c.countDocuments()).isEqualTo(500);
            assertThat(c.find(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("revision", 1L))).first()).isNotNull();
        } finally {
            reopened.shutdownNow();
        }
    }

    private void answers(Supplier<MongoBackend> backends) {
        MongoBackend backend = backends.get();
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server))) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("aggregates");
            c.createIndex(Indexes.ascending("owner", "number"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                docs.add(new Document("_id", "a-" + i).append("revision", 0L).append("owner", "o-" + i % 10).append("number", i)
                        .append("status", i % 2 == 0 ? "OPEN" : "CLOSED"));
            }
            c.insertMany(docs);
            assertThat(backend.resolveDatabase("t").resolveCollection("aggregates", true).getClass().getSimpleName())
                    .startsWith("Indexed");

            // the optimistic write: only at the revision read
            assertThat(c.updateOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("revision", 0L)), Updates.set("revision", 1L))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(c.updateOne(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("revision", 0L)), Updates.set("revision", 2L))
                    .getModifiedCount()).as("a stale revision writes nothing").isZero();
            assertThat(c.find(Filters.eq("_id", "a-7")).first().getLong("revision")).isEqualTo(1L);
            // the other conditions still hold
            assertThat(c.find(Filters.and(Filters.eq("_id", "a-8"), Filters.eq("status", "OPEN"))).first()).isNotNull();
            assertThat(c.find(Filters.and(Filters.eq("_id", "a-8"), Filters.eq("status", "CLOSED"))).first()).isNull();
            assertThat(c.find(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("status", "OPEN"))).first()).isNull();
            // a compound unique index, pinned, with one condition more
            assertThat(c.find(Filters.and(Filters.eq("owner", "o-3"), Filters.eq("number", 13), Filters.eq("status", "CLOSED")))
                    .into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("a-13");
            // what is left to the library: operators on the key, a key not pinned
            assertThat(c.countDocuments(Filters.and(Filters.in("_id", "a-1", "a-2", "a-3"), Filters.eq("status", "CLOSED")))).isEqualTo(2);
            assertThat(c.countDocuments(Filters.and(Filters.eq("owner", "o-3"), Filters.eq("status", "CLOSED")))).isEqualTo(50);
            // a find-and-modify and a delete through the same path
            assertThat(c.findOneAndUpdate(Filters.and(Filters.eq("_id", "a-9"), Filters.eq("revision", 0L)), Updates.inc("revision", 1L)))
                    .isNotNull();
            assertThat(c.deleteOne(Filters.and(Filters.eq("_id", "a-9"), Filters.eq("revision", 0L))).getDeletedCount()).isZero();
            assertThat(c.countDocuments()).isEqualTo(500);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void only_plain_values_on_every_key_of_a_unique_index_narrow_the_candidates() {
        List<Index<Integer>> id = List.of(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));
        assertThat(IndexLookup.candidates(doc("_id", "a", "revision", 3L), id)).isNotNull();
        assertThat(IndexLookup.candidates(doc("_id", "a"), id)).as("exactly the keys: the library's own path").isNull();
        assertThat(IndexLookup.candidates(doc("_id", doc("$in", List.of("a")), "revision", 3L), id)).isNull();
        assertThat(IndexLookup.candidates(doc("_id", null, "revision", 3L), id)).isNull();
        assertThat(IndexLookup.candidates(doc("status", "OPEN", "revision", 3L), id)).isNull();
        List<Index<Integer>> pair = List.of(new MemoryUniqueIndex("pair", List.of(new IndexKey("a", true), new IndexKey("b", true)), false));
        assertThat(IndexLookup.candidates(doc("a", "x", "b", 1, "c", true), pair)).isNotNull();
        assertThat(IndexLookup.candidates(doc("a", "x", "c", true), pair)).as("a key not pinned").isNull();
    }

    private static de.bwaldvogel.mongo.bson.Document doc(Object... pairs) {
        de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }

    private static String hostPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }
}
