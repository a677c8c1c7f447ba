package org.qingdan.listing.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.ListRegister;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.persistence.RegisterStore;
import org.qingdan.support.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public list, for anyone: the association's website and the public. Responses carry an ETag (the
 * register's version, or an edition's hash) and Cache-Control; a conditional GET answers 304.
 */
@RestController
@RequestMapping("/api/public")
@Tag(name = "公开清单 Public list", description = "Anonymous: the list, notices, feeds, editions, exports, statistics")
public class PublicListController {

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final RegisterStore store;
    private final PublicStream stream;

    public PublicListController(RegisterStore store, PublicStream stream) {
        this.store = store;
        this.stream = stream;
    }

    /**
     * Answers 304 (null) when the client's copy is current, reading only the register's version; otherwise
     * loads the register.
     */
    private RegisterStore.Versioned current(WebRequest request) {
        if (request.checkNotModified("\"r" + store.version() + "\"")) {
            return null;
        }
        return store.load();
    }

    private static <T> ResponseEntity<T> ok(RegisterStore.Versioned read, T body) {
        return ResponseEntity.ok().eTag("\"r" + read.version() + "\"").cacheControl(SHORT).body(body);
    }

    /** No database, no work: the website's liveness probe of the public API, and the benchmark's hello world. */
    @GetMapping("/ping")
    @Operation(summary = "The public API answers (no database read)")
    public Map<String, String> ping() {
        return Map.of("status", "UP");
    }

    @GetMapping("/listings")
    @Operation(summary = "The list with filters, Chinese substring search (q) and paging; status defaults to LISTED")
    public ResponseEntity<PublicViews.Page<PublicViews.Summary>> listings(
            @RequestParam(required = false) String status, @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String productType, @RequestParam(required = false) String technology,
            @RequestParam(required = false) String enterprise, @RequestParam(required = false) String year,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, WebRequest request) {
        ListQuery query = ListQuery.of(status, scenario, productType, technology, enterprise, year, q, page, size);
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        List<Listing> matching = query.apply(read.register().listings());
        int from = Math.min(matching.size(), query.page() * query.size());
        List<PublicViews.Summary> items = matching.subList(from, Math.min(matching.size(), from + query.size()))
                .stream().map(PublicViews::summary).toList();
        return ok(read, new PublicViews.Page<>(items, query.page(), query.size(), matching.size()));
    }

    @GetMapping("/listings/{id}")
    @Operation(summary = "A product's public page with its history")
    public ResponseEntity<PublicViews.Detail> listing(@PathVariable String id, WebRequest request) {
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        Listing listing = read.register().listing(id).filter(l -> l.status() != null)
                .orElseThrow(() -> ProblemException.notFound("清单条目 " + id + " 不存在"));
        return ok(read, PublicViews.detail(listing));
    }

    @GetMapping("/notices")
    @Operation(summary = "Public notices and changes of the list, newest first (Art. 11, 12)")
    public ResponseEntity<PublicViews.Page<PublicViews.Notice>> notices(@RequestParam(required = false) String page,
                                                                         @RequestParam(required = false) String size,
                                                                         WebRequest request) {
        ListQuery paging = ListQuery.of(null, null, null, null, null, null, null, page, size);
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        List<PublicViews.Notice> all = notices(read.register());
        int from = Math.min(all.size(), paging.page() * paging.size());
        return ok(read, new PublicViews.Page<>(all.subList(from, Math.min(all.size(), from + paging.size())),
                paging.page(), paging.size(), all.size()));
    }

    static List<PublicViews.Notice> notices(ListRegister register) {
        List<PublicViews.Notice> all = new ArrayList<>();
        for (Listing l : register.listings()) {
            for (var h : l.history()) {
                if (!h.type().equals("OBJECTION_LODGED")) {
                    all.add(new PublicViews.Notice(h.at(), h.type(), l.id(), l.product().productName(),
                            l.product().enterprise().name(), h.summary(), h.edition()));
                }
            }
        }
        all.sort(Comparator.comparing(PublicViews.Notice::at).reversed()
                .thenComparing(n -> n.edition() == null ? 0L : n.edition(), Comparator.reverseOrder())
                .thenComparing(PublicViews.Notice::listingId));
        return all;
    }

    @GetMapping(value = "/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    @Operation(summary = "Atom feed of the notices, newest first")
    public ResponseEntity<String> feed(WebRequest request) {
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        List<PublicViews.Notice> notices = notices(read.register());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().eTag("\"r" + read.version() + "\"").cacheControl(SHORT)
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(Exports.atom(notices.subList(0, Math.min(50, notices.size())), base));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of listing.events, for websites that cannot read Kafka")
    public SseEmitter stream() {
        return stream.subscribe();
    }

    @GetMapping(value = "/listings.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The current edition's entries as CSV")
    public ResponseEntity<String> currentCsv(WebRequest request) {
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        return ResponseEntity.ok().eTag("\"r" + read.version() + "\"").cacheControl(SHORT)
                .header("Content-Disposition", "attachment; filename=\"qingdan.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(Exports.csv(read.register().latest()));
    }

    @GetMapping("/listings.json")
    @Operation(summary = "The current edition as JSON, with its hash")
    public ResponseEntity<Map<String, Object>> currentJson(WebRequest request) {
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        Edition latest = read.register().latest();
        return ok(read, latest == null ? Map.of("entries", List.of()) : published(latest));
    }

    @GetMapping("/editions")
    @Operation(summary = "All editions, newest first: number, time, change and hashes")
    public List<Map<String, Object>> editions() {
        long latest = store.load().register().editionNumber();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Edition e : store.editions(1, latest)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", e.number());
            m.put("createdAt", e.createdAt());
            m.put("change", e.change());
            m.put("entries", e.entries().size());
            m.put("previousHash", e.previousHash());
            m.put("hash", e.hash());
            all.add(0, m);
        }
        return all;
    }

    @GetMapping("/editions/{number}")
    @Operation(summary = "One edition exactly as hashed: SHA-256 over the canonical JSON of everything but 'hash'")
    public ResponseEntity<Map<String, Object>> edition(@PathVariable long number, WebRequest request) {
        Edition edition = store.edition(number).orElseThrow(() -> ProblemException.notFound("第 " + number + " 版不存在"));
        if (request.checkNotModified("\"" + edition.hash() + "\"")) {
            return null;
        }
        return ResponseEntity.ok().eTag("\"" + edition.hash() + "\"").cacheControl(IMMUTABLE).body(published(edition));
    }

    @GetMapping(value = "/editions/{number}.csv", produces = "text/csv;charset=UTF-8")
    public ResponseEntity<String> editionCsv(@PathVariable long number) {
        Edition edition = store.edition(number).orElseThrow(() -> ProblemException.notFound("第 " + number + " 版不存在"));
        return ResponseEntity.ok().eTag("\"" + edition.hash() + "\"").cacheControl(IMMUTABLE)
                .header("Content-Disposition", "attachment; filename=\"qingdan-edition-" + number + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(Exports.csv(edition));
    }

    @GetMapping("/editions/{from}/diff/{to}")
    @Operation(summary = "What changed between two editions: entries added, removed, and whose status changed")
    public Map<String, Object> diff(@PathVariable long from, @PathVariable long to) {
        Edition a = store.edition(from).orElseThrow(() -> ProblemException.notFound("第 " + from + " 版不存在"));
        Edition b = store.edition(to).orElseThrow(() -> ProblemException.notFound("第 " + to + " 版不存在"));
        Map<String, Edition.Entry> before = new TreeMap<>();
        a.entries().forEach(e -> before.put(e.listingId(), e));
        Map<String, Edition.Entry> after = new TreeMap<>();
        b.entries().forEach(e -> after.put(e.listingId(), e));
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        after.forEach((id, e) -> {
            if (!before.containsKey(id)) {
                added.add(diffEntry(e, null));
            } else if (before.get(id).status() != e.status()) {
                changed.add(diffEntry(e, before.get(id).status()));
            }
        });
        before.forEach((id, e) -> {
            if (!after.containsKey(id)) {
                removed.add(diffEntry(e, null));
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("from", from);
        result.put("to", to);
        result.put("added", added);
        result.put("removed", removed);
        result.put("statusChanged", changed);
        return result;
    }

    private static Map<String, Object> diffEntry(Edition.Entry e, ListingStatus previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listingId", e.listingId());
        m.put("productName", e.product().productName());
        m.put("status", e.status().name());
        if (previous != null) {
            m.put("previousStatus", previous.name());
        }
        return m;
    }

    @GetMapping("/editions/verification")
    @Operation(summary = "Recomputes every edition's hash and the chain; says where it breaks, if it does")
    public Edition.Verification verify() {
        long latest = store.load().register().editionNumber();
        return Edition.verify(store.editions(1, latest));
    }

    @GetMapping("/statistics")
    @Operation(summary = "Listed products by scenario × product type × year")
    public ResponseEntity<List<Map<String, Object>>> statistics(WebRequest request) {
        RegisterStore.Versioned read = current(request);
        if (read == null) {
            return null;
        }
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Listing l : read.register().listings()) {
            if (l.status() != ListingStatus.LISTED || l.product().scenarios() == null) {
                continue;
            }
            for (ApplicationScenario scenario : l.product().scenarios()) {
                String type = l.product().productType() == null ? "" : l.product().productType().name();
                String key = scenario.ordinal() + "|" + type + "|" + l.product().callYear();
                rows.computeIfAbsent(key, k -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("scenario", scenario.name());
                    row.put("scenarioLabel", scenario.label());
                    row.put("productType", type);
                    row.put("productTypeLabel", l.product().productType() == null ? "" : l.product().productType().label());
                    row.put("year", l.product().callYear());
                    row.put("count", 0);
                    return row;
                }).merge("count", 1, (x, y) -> (Integer) x + (Integer) y);
            }
        }
        return ok(read, new ArrayList<>(rows.values()));
    }

    static Map<String, Object> published(Edition edition) {
        Map<String, Object> m = new LinkedHashMap<>(edition.content());
        m.put("hash", edition.hash());
        return m;
    }
}
