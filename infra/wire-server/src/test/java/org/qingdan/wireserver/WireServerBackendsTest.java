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
import java.util.function.Consumer;
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
        served(WireServerBackends.h2(file), "aggregates", c -> {
            assertThat(c.countDocuments()).isEqualTo(500);
            assertThat(c.find(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("revision", 1L))).first()).isNotNull();
        });
    }

    private void answers(Supplier<MongoBackend> backends) {
        MongoBackend backend = backends.get();
        served(backend, "aggregates", c -> {
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
            // $in on the unique key, with a condition more
            assertThat(c.countDocuments(Filters.and(Filters.in("_id", "a-1", "a-2", "a-3", "nobody"), Filters.eq("status", "CLOSED")))).isEqualTo(2);
            // what is left to the library: a key not pinned
            assertThat(c.countDocuments(Filters.and(Filters.eq("owner", "o-3"), Filters.eq("status", "CLOSED")))).isEqualTo(50);
            // a find-and-modify and a delete through the same path
            assertThat(c.findOneAndUpdate(Filters.and(Filters.eq("_id", "a-9"), Filters.eq("revision", 0L)), Updates.inc("revision", 1L)))
                    .isNotNull();
            assertThat(c.deleteOne(Filters.and(Filters.eq("_id", "a-9"), Filters.eq("revision", 0L))).getDeletedCount()).isZero();
            assertThat(c.countDocuments()).isEqualTo(500);
        });
    }

    @Test
    void non_unique_indexes_answer_as_a_scan_would_in_memory() {
        MongoBackend backend = WireServerBackends.memory();
        served(backend, "outboxes", c -> secondaryAnswers(backend, c));
    }

    @Test
    void non_unique_indexes_answer_as_a_scan_would_in_h2_and_are_rebuilt_on_reopen() {
        String file = dir.resolve("secondary.mv").toString();
        MongoBackend backend = WireServerBackends.h2(file);
        served(backend, "outboxes", c -> secondaryAnswers(backend, c));
        MongoBackend reopened = WireServerBackends.h2(file);
        served(reopened, "outboxes", c -> {
            assertThat(c.countDocuments(Filters.exists("pending.0.at"))).isEqualTo(secondary(reopened, "pending_oldest").getCount())
                    .as("rebuilt from the stored documents").isEqualTo(249);
            assertThat(c.countDocuments(Filters.eq("owner", "o-3"))).isEqualTo(secondaryCandidates(reopened, "owner_1", "owner", "o-3"));
        });
    }

    /** 500 documents, half with a pending event: every answer checked against what a scan of the same documents gives. */
    private static void secondaryAnswers(MongoBackend backend, MongoCollection<Document> c) {
        c.createIndex(Indexes.ascending("owner"));
        c.createIndex(Indexes.ascending("pending.0.at"), new IndexOptions().sparse(true).name("pending_oldest"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Document d = new Document("_id", "a-" + i).append("owner", "o-" + i % 10).append("status", i % 3 == 0 ? "OPEN" : "CLOSED")
                    .append("number", 10_000 - i);
            if (i % 2 == 0) {
                d.append("pending", List.of(new Document("at", 10_000 - i), new Document("at", 20_000)));
            }
            docs.add(d);
        }
        c.insertMany(docs);
        assertThat(secondary(backend, "pending_oldest").getCount()).as("only the documents with the key").isEqualTo(250);

        // equality on the index's key, alone and with another condition
        assertThat(c.countDocuments(Filters.eq("owner", "o-3"))).isEqualTo(50);
        assertThat(secondaryCandidates(backend, "owner_1", "owner", "o-3")).as("narrowed to the owner's").isEqualTo(50);
        assertThat(c.countDocuments(Filters.and(Filters.eq("owner", "o-3"), Filters.eq("status", "OPEN"))))
                .isEqualTo(docs.stream().filter(d -> d.get("owner").equals("o-3") && d.get("status").equals("OPEN")).count());
        assertThat(c.countDocuments(Filters.eq("owner", "nobody"))).isZero();
        // the outbox's question: documents with a pending event, in an order, a batch of 5, with a condition more (the
        // library sorts by a plain field only, not by "pending.0.at", with or without an index)
        assertThat(c.find(Filters.and(Filters.exists("pending.0.at"), Filters.eq("status", "OPEN")))
                .sort(new Document("number", 1)).limit(5).map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("a-498", "a-492", "a-486", "a-480", "a-474");
        assertThat(c.countDocuments(Filters.in("owner", "o-1", "o-2"))).isEqualTo(100);
        // what the index cannot narrow is left to the library
        assertThat(c.countDocuments(Filters.ne("owner", "o-1"))).isEqualTo(450);
        assertThat(c.countDocuments(Filters.exists("pending.0.at", false))).isEqualTo(250);

        // writes move documents in and out: the pending events published, a new one raised, an owner changed, a delete
        c.updateOne(Filters.eq("_id", "a-498"), Updates.unset("pending"));
        c.updateOne(Filters.eq("_id", "a-1"), Updates.combine(Updates.set("pending", List.of(new Document("at", 1))), Updates.set("number", 0)));
        c.updateOne(Filters.eq("_id", "a-3"), Updates.set("owner", "o-4"));
        c.deleteOne(Filters.eq("_id", "a-492"));
        c.replaceOne(Filters.eq("_id", "a-13"), new Document("owner", "o-0").append("status", "OPEN"));
        assertThat(c.find(Filters.exists("pending.0.at")).sort(new Document("number", 1)).limit(3)
                .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("a-1", "a-496", "a-494");
        assertThat(c.countDocuments(Filters.exists("pending.0.at"))).isEqualTo(249);
        assertThat(c.countDocuments(Filters.eq("owner", "o-3"))).isEqualTo(48);
        assertThat(c.countDocuments(Filters.eq("owner", "o-4"))).isEqualTo(51);
        assertThat(c.countDocuments(Filters.eq("owner", "o-0"))).isEqualTo(51);
        assertThat(secondary(backend, "pending_oldest").getCount()).isEqualTo(249);
    }

    @SuppressWarnings("unchecked")
    private static <P> SecondaryIndex<P> secondary(MongoBackend backend, String name) {
        return WireServerBackendsTest.<P>indexesOf(backend).stream().filter(i -> i.getName().equals(name))
                .map(i -> (SecondaryIndex<P>) i).findFirst().orElseThrow();
    }

    private static long secondaryCandidates(MongoBackend backend, String index, String key, Object value) {
        List<Object> found = new ArrayList<>();
        secondary(backend, index).candidates(doc(key, value)).forEach(found::add);
        return found.size();
    }

    /** Keys held by one document and by several, documents with several keys (an array), as writes move them. */
    @Test
    void keys_of_one_document_and_of_several_follow_the_writes() {
        MongoBackend backend = WireServerBackends.memory();
        served(backend, "outboxes", c -> {
            c.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
            c.insertMany(List.of(new Document("_id", 1).append("tags", List.of("x", "y")), new Document("_id", 2).append("tags", List.of("y")),
                    new Document("_id", 3).append("tags", "z")));
            assertThat(tagged(c, backend, "y")).containsExactlyInAnyOrder(1, 2);
            assertThat(tagged(c, backend, "x")).containsExactly(1);

            c.updateOne(Filters.eq("_id", 2), Updates.set("tags", List.of("z")));
            assertThat(tagged(c, backend, "y")).as("two under the key, then one").containsExactly(1);
            assertThat(tagged(c, backend, "z")).as("one, then two").containsExactlyInAnyOrder(2, 3);

            c.deleteOne(Filters.eq("_id", 1));
            assertThat(tagged(c, backend, "x")).isEmpty();
            assertThat(tagged(c, backend, "y")).isEmpty();

            c.replaceOne(Filters.eq("_id", 3), new Document("status", "untagged"));
            assertThat(tagged(c, backend, "z")).containsExactly(2);
            assertThat(secondary(backend, "tags").getCount()).as("not sparse: the untagged one is held too").isEqualTo(2);
        });
    }

    /** Parallel arrays have no keys: the index stops narrowing, queries scan, and deletes still find every position. */
    @Test
    void an_index_that_cannot_hold_a_document_leaves_queries_to_a_scan_and_deletes_working() {
        MongoBackend backend = WireServerBackends.memory();
        served(backend, "outboxes", c -> {
            c.createIndex(Indexes.ascending("a", "b"), new IndexOptions().name("a_b"));
            c.insertMany(List.of(new Document("_id", 1).append("a", 1).append("b", 2),
                    new Document("_id", 2).append("a", List.of(1, 2)).append("b", List.of(2, 3)),
                    new Document("_id", 3).append("a", 1).append("b", 2)));
            assertThat(secondary(backend, "a_b").candidates(doc("a", 1, "b", 2))).as("no longer narrows").isNull();
            assertThat(c.countDocuments(Filters.and(Filters.eq("a", 1), Filters.eq("b", 2)))).as("answered by a scan").isEqualTo(3);

            c.deleteOne(Filters.eq("_id", 2));
            c.deleteOne(Filters.eq("_id", 1));
            c.insertOne(new Document("_id", 4).append("a", 5).append("b", 6));
            c.deleteOne(Filters.eq("_id", 4));
            assertThat(c.find().map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly(3);
            assertThat(secondary(backend, "a_b").getCount()).isEqualTo(1);
        });
    }

    /** The documents tagged {@code tag}, asserted to be what the index narrows the query to. */
    private static List<Object> tagged(MongoCollection<Document> c, MongoBackend backend, String tag) {
        List<Object> found = c.find(Filters.eq("tags", tag)).map(d -> d.get("_id")).into(new ArrayList<>());
        assertThat(secondaryCandidates(backend, "tags", "tags", tag)).as("the index's candidates for " + tag).isEqualTo(found.size());
        return found;
    }

    @Test
    void a_secondary_index_narrows_plain_values_or_in_on_its_keys_or_its_first_key_or_exists_on_a_sparse_single_key() {
        var owner = new SecondaryIndex<Integer>("owner", List.of(new IndexKey("owner", true)), false);
        assertThat(owner.candidates(doc("owner", "o-1"))).isNotNull();
        assertThat(owner.candidates(doc("owner", "o-1", "status", "OPEN"))).isNotNull();
        assertThat(owner.candidates(doc("owner", doc("$in", List.of("o-1", "o-2"))))).isNotNull();
        assertThat(owner.candidates(doc("owner", doc("$in", List.of("o-1", doc("x", 1)))))).as("a value not plain").isNull();
        assertThat(owner.candidates(doc("owner", doc("$nin", List.of("o-1"))))).isNull();
        assertThat(owner.candidates(doc("owner", doc("$exists", true)))).as("not sparse: holds documents without the key").isNull();
        assertThat(owner.candidates(doc("status", "OPEN"))).isNull();
        var pending = new SecondaryIndex<Integer>("pending", List.of(new IndexKey("pending.0.at", true)), true);
        assertThat(pending.candidates(doc("pending.0.at", doc("$exists", true), "status", "OPEN"))).isNotNull();
        assertThat(pending.candidates(doc("pending.0.at", doc("$exists", false)))).isNull();
        assertThat(pending.candidates(doc("pending.0.at", doc("$lte", 3)))).isNull();
        var due = new SecondaryIndex<Integer>("due", List.of(new IndexKey("status", true), new IndexKey("at", true)), false);
        assertThat(due.candidates(doc("status", "PENDING", "at", doc("$lte", 3)))).as("the first key pinned").isNotNull();
        assertThat(due.candidates(doc("status", doc("$in", List.of("PENDING", "RETRYING"))))).isNotNull();
        assertThat(due.candidates(doc("at", 3))).as("only a later key pinned").isNull();
        List<Object> many = java.util.stream.IntStream.range(0, 100_000).boxed().map(Object.class::cast).toList();
        var four = new SecondaryIndex<Integer>("abcd", List.of(new IndexKey("a", true), new IndexKey("b", true), new IndexKey("c", true),
                new IndexKey("d", true)), false);
        assertThat(four.candidates(doc("a", doc("$in", many), "b", doc("$in", many), "c", doc("$in", many), "d", doc("$in", many))))
                .as("10^20 combinations (more than a long holds): looked up by the first key, not multiplied out").isNotNull();
    }

    @Test
    void only_plain_values_on_every_key_of_a_unique_index_narrow_the_candidates() {
        List<Index<Integer>> id = List.of(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));
        assertThat(IndexLookup.candidates(doc("_id", "a", "revision", 3L), id)).isNotNull();
        assertThat(IndexLookup.candidates(doc("_id", "a"), id)).as("exactly the keys: the library's own path").isNull();
        assertThat(IndexLookup.candidates(doc("_id", doc("$in", List.of("a")), "revision", 3L), id)).isNotNull();
        assertThat(IndexLookup.candidates(doc("_id", doc("$in", List.of("a", "b"))), id)).as("the library scans for $in").isNotNull();
        assertThat(IndexLookup.candidates(doc("_id", doc("$nin", List.of("a"))), id)).isNull();
        assertThat(IndexLookup.candidates(doc("$or", List.of(doc("_id", "a"), doc("_id", doc("$in", List.of("b", "c"))))), id))
                .as("every branch narrowed").isNotNull();
        assertThat(IndexLookup.candidates(doc("$or", List.of(doc("_id", "a"), doc("status", "OPEN"))), id))
                .as("a branch not narrowed: a scan").isNull();
        assertThat(IndexLookup.candidates(doc("_id", null, "revision", 3L), id)).isNull();
        assertThat(IndexLookup.candidates(doc("status", "OPEN", "revision", 3L), id)).isNull();
        List<Index<Integer>> pair = List.of(new MemoryUniqueIndex("pair", List.of(new IndexKey("a", true), new IndexKey("b", true)), false));
        assertThat(IndexLookup.candidates(doc("a", "x", "b", 1, "c", true), pair)).isNotNull();
        assertThat(IndexLookup.candidates(doc("a", "x", "c", true), pair)).as("a key not pinned").isNull();
    }

    @Test
    void in_or_and_a_first_key_narrow_as_a_scan_would_answer_in_memory() {
        answersLikeAScan(WireServerBackends.memory());
    }

    @Test
    void in_or_and_a_first_key_narrow_as_a_scan_would_answer_in_h2() {
        answersLikeAScan(WireServerBackends.h2(dir.resolve("narrow.mv").toString()));
    }

    /**
     * The notification outbox's shapes (a due index of status and time; $in of ids; "due or stuck in sending" as an $or)
     * on a collection with the indexes and on one without, which the library scans: the same documents in the same
     * order, before and after writes move documents between statuses.
     */
    private void answersLikeAScan(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server))) {
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("outboxes");
            MongoCollection<Document> scanned = client.getDatabase("t").getCollection("scanned");
            indexed.createIndex(Indexes.ascending("status", "at"), new IndexOptions().name("due"));
            indexed.createIndex(Indexes.ascending("tags", "at"), new IndexOptions().name("tags_at"));
            String[] statuses = {"PENDING", "RETRYING", "SENDING", "SENT", "FAILED"};
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                docs.add(new Document("_id", String.format("n-%03d", (i * 7) % 600)).append("status", statuses[i % 5]).append("at", (i * 13) % 97)
                        .append("lease", i % 11).append("tags", i % 4 == 0 ? List.of("x", "y") : List.of("z")).append("number", i % 3 == 0 ? 1L : 1.0));
            }
            indexed.insertMany(docs);
            scanned.insertMany(docs);
            List<org.bson.conversions.Bson> queries = List.of(
                    Filters.and(Filters.in("status", "PENDING", "RETRYING"), Filters.lte("at", 40)),
                    Filters.and(Filters.eq("status", "SENDING"), Filters.lt("lease", 5)),
                    Filters.or(Filters.and(Filters.in("status", "PENDING", "RETRYING"), Filters.lte("at", 40)),
                            Filters.and(Filters.eq("status", "SENDING"), Filters.lt("lease", 5))),
                    Filters.and(Filters.in("_id", "n-001", "n-010", "n-100", "n-999"), Filters.or(Filters.eq("status", "PENDING"), Filters.eq("status", "SENT"))),
                    Filters.in("_id", "n-002", "n-020", "n-200"),
                    Filters.or(Filters.eq("_id", "n-003"), Filters.in("_id", "n-030", "n-300")),
                    Filters.and(Filters.eq("status", "FAILED"), Filters.in("at", 1, 2, 3, 50)),
                    Filters.and(Filters.eq("tags", "y"), Filters.gte("at", 50)),
                    Filters.and(Filters.in("tags", "x", "z"), Filters.eq("at", 12)),
                    Filters.eq("status", "NOBODY"),
                    Filters.in("status", List.of()));
            List<Index<Object>> indexes = indexesOf(backend);
            for (int round = 0; round < 2; round++) {
                for (org.bson.conversions.Bson query : queries) {
                    var bson = query.toBsonDocument();
                    assertThat(IndexLookup.candidates(toWire(bson), indexes)).as("narrowed: " + bson).isNotNull();
                    assertThat(ids(indexed.find(query))).as(bson.toJson()).isEqualTo(ids(scanned.find(query)));
                    assertThat(ids(indexed.find(query).limit(3))).as("a limit without a sort takes the same: " + bson)
                            .isEqualTo(ids(scanned.find(query).limit(3)));
                }
                // the outbox at work: some sent, some retried, one deleted
                for (MongoCollection<Document> c : List.of(indexed, scanned)) {
                    c.updateMany(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("at", 30)), Updates.set("status", "SENT"));
                    c.updateMany(Filters.eq("status", "SENDING"), Updates.combine(Updates.set("status", "RETRYING"), Updates.inc("at", 5)));
                    c.updateOne(Filters.eq("_id", "n-010"), Updates.set("tags", List.of("y")));
                    c.deleteOne(Filters.eq("_id", "n-100"));
                }
            }
            assertThat(indexed.countDocuments(queries.get(2))).as("the queries find documents").isPositive();
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Object> ids(com.mongodb.client.FindIterable<Document> found) {
        return found.map(d -> d.get("_id")).into(new ArrayList<>());
    }

    /** The indexes of collection "outboxes" (the library keeps them to itself). */
    @SuppressWarnings("unchecked")
    private static <P> List<Index<P>> indexesOf(MongoBackend backend) {
        var collection = backend.resolveDatabase("t").resolveCollection("outboxes", true);
        try {
            var indexes = de.bwaldvogel.mongo.backend.AbstractMongoCollection.class.getDeclaredField("indexes");
            indexes.setAccessible(true);
            return (List<Index<P>>) indexes.get(collection);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A driver's filter as the wire server receives it. */
    private static de.bwaldvogel.mongo.bson.Document toWire(org.bson.BsonDocument bson) {
        de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document();
        bson.forEach((key, value) -> d.put(key, toWire(value)));
        return d;
    }

    private static Object toWire(org.bson.BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> toWire(value.asDocument());
            case ARRAY -> value.asArray().stream().map(WireServerBackendsTest::toWire).toList();
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> value.asDouble().getValue();
            default -> throw new IllegalArgumentException("not in these queries: " + value);
        };
    }

    private static de.bwaldvogel.mongo.bson.Document doc(Object... pairs) {
        de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }

    /** A wire server over {@code backend} for the length of {@code test}, which gets one of its collections through the driver. */
    private static void served(MongoBackend backend, String collection, Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server))) {
            test.accept(client.getDatabase("t").getCollection(collection));
        } finally {
            server.shutdownNow();
        }
    }

    private static String hostPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }
}
