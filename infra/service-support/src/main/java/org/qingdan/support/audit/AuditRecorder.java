package org.qingdan.support.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.TraceIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit trail of every aggregate of a service, in its own append-only collection {@code audit}: one document per
 * command, inserted and never changed (this class has no update or delete), read one aggregate at a time, a page at a
 * time, oldest first, on the index {@code {aggregateType, aggregateId, at, _id}}. Its own collection rather than the
 * aggregate's document, so a trail grows without growing the aggregate every command rewrites (and its 16 MB cap).
 *
 * <p>A record is written right after its command's single-document write succeeded: MongoDB may run without
 * transactions, so the two are not atomic. If the record cannot be written, the command still stands (answering an
 * error for a change that happened would invite a second one); the record goes whole to the log at ERROR, where it is
 * kept, and {@code qingdan_audit_failures_total} (Prometheus) counts it for the alert {@code AuditRecordsNotWritten}.
 */
public final class AuditRecorder {

    public static final String COLLECTION = "audit";
    public static final int MAX_PAGE_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Counter failures;

    public AuditRecorder(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.failures = meters == null ? null : Counter.builder("qingdan.audit.failures")
                .description("audit records that could not be written (kept in the log)").register(meters);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("aggregateType", Sort.Direction.ASC).on("aggregateId", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("trail"));
    }

    /** A user's command: who, from the token; the organisation from its claims only. */
    public AuditRecord record(String aggregateType, String aggregateId, CurrentUser user, String action, String detail) {
        String name = user.displayName() == null ? user.username() : user.displayName();
        return write(new AuditRecord(new ObjectId().toHexString(), aggregateType, aggregateId, clock.instant(), user.subject(), name,
                user.orgUscc(), user.orgName(), user.roles() == null ? List.of() : user.roles().stream().sorted().toList(),
                action, detail, TraceIds.current()));
    }

    /**
     * What the system did on its own (a deadline passed) or on another service's event ({@code actorId}: {@code system},
     * or the service whose event it was); the trace id is the one the event carried.
     */
    public AuditRecord recordSystem(String aggregateType, String aggregateId, String actorId, String actorName, String action,
                                    String detail) {
        return write(new AuditRecord(new ObjectId().toHexString(), aggregateType, aggregateId, clock.instant(), actorId, actorName,
                null, null, List.of(), action, detail, TraceIds.current()));
    }

    /** One page of an aggregate's trail, oldest first, and how many records it has in all. */
    public Page trail(String aggregateType, String aggregateId, int page, int size) {
        if (page < 0 || page > 10_000) {
            throw Refusal.badRequest("分页参数不正确", List.of(new Refusal.Violation("page", "range", "page 为 0 至 10000")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal.badRequest("分页参数不正确", List.of(new Refusal.Violation("size", "range", "size 为 1 至 " + MAX_PAGE_SIZE)));
        }
        Query query = Query.query(Criteria.where("aggregateType").is(aggregateType).and("aggregateId").is(aggregateId));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("at", "_id")).skip((long) page * size).limit(size);
        List<AuditRecord> items = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            items.add(fromBson(d));
        }
        return new Page(items, page, size, total);
    }

    /** A page of a trail: {@code items} oldest first, {@code total} records in the whole trail. */
    public record Page(List<AuditRecord> items, int page, int size, long total) {
    }

    private AuditRecord write(AuditRecord r) {
        try {
            mongo.getCollection(COLLECTION).insertOne(toBson(r));
        } catch (RuntimeException e) {
            if (failures != null) {
                failures.increment();
            }
            log.error("audit record not written, kept here: {}", r, e);
        }
        return r;
    }

    private static Document toBson(AuditRecord r) {
        // an ObjectId grows with each record a process writes: records of one instant keep their order
        return new Document("_id", new ObjectId(r.id())).append("aggregateType", r.aggregateType()).append("aggregateId", r.aggregateId())
                .append("at", java.util.Date.from(r.at())).append("actorId", r.actorId()).append("actorName", r.actorName())
                .append("orgUscc", r.orgUscc()).append("orgName", r.orgName()).append("roles", r.roles())
                .append("action", r.action()).append("detail", r.detail()).append("traceId", r.traceId());
    }

    private static AuditRecord fromBson(Document d) {
        @SuppressWarnings("unchecked")
        List<String> roles = d.get("roles", List.class);
        return new AuditRecord(d.getObjectId("_id").toHexString(), d.getString("aggregateType"), d.getString("aggregateId"), d.getDate("at").toInstant(),
                d.getString("actorId"), d.getString("actorName"), d.getString("orgUscc"), d.getString("orgName"),
                roles == null ? List.of() : List.copyOf(roles), d.getString("action"), d.getString("detail"), d.getString("traceId"));
    }
}
