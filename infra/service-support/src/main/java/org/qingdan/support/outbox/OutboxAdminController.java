package org.qingdan.support.outbox;

import org.qingdan.support.security.Roles;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the broker refused for good (parked by the {@link OutboxRelay}), for admins: which document,
 * which event, why and when. At most {@value #LIMIT} a request, oldest documents first; the count of all is
 * the metric {@code qingdan_outbox_parked_total}. Registered by {@link OutboxAutoConfiguration}.
 */
@RestController
@RequestMapping("/admin/outbox")
@PreAuthorize(Roles.ADMIN_ONLY)
@Tag(name = "发件箱 Outbox (admin)", description = "Events the broker refused for good, parked beside their documents. Role admin.")
public class OutboxAdminController {

    static final int LIMIT = 100;

    private final MongoTemplate mongo;
    private final OutboxProperties properties;

    OutboxAdminController(MongoTemplate mongo, OutboxProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @GetMapping("/parked")
    @Operation(summary = "Parked events (搁置的事件): which document, which event, why and when; at most 100, oldest documents first")
    @ApiResponse(responseCode = "200", description = "The parked events; empty when none")
    public List<Map<String, Object>> parked() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String collection : properties.getCollections()) {
            for (Document d : mongo.getCollection(collection)
                    .find(new Document(OutboxRelay.PARKED + ".0", new Document("$exists", true)))
                    .projection(new Document(OutboxRelay.PARKED, 1)).limit(LIMIT)) {
                for (Document e : d.getList(OutboxRelay.PARKED, Document.class, List.of())) {
                    if (out.size() >= LIMIT) {
                        return out;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("collection", collection);
                    m.put("documentId", String.valueOf(d.get("_id")));
                    m.put("eventId", e.getString("eventId"));
                    m.put("type", e.getString("type"));
                    m.put("topic", e.getString("topic"));
                    m.put("payloadBytes", e.getString("payload") == null ? 0 : e.getString("payload").length());
                    m.put("failure", e.getString("failure"));
                    Date at = e.getDate("parkedAt");
                    m.put("parkedAt", at == null ? null : at.toInstant());
                    out.add(m);
                }
            }
        }
        return out;
    }
}
