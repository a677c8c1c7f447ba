package org.qingdan.listing.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.register.domain.CanonicalJson;
import org.qingdan.listing.register.domain.ChainCheck;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.PublicVersion;
import org.qingdan.listing.register.persistence.EditionDocument;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.Violation;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public list, for anyone: the association's website and the public. Every answer reads one page
 * or one document, or streams page by page; none loads the whole list or every edition. Responses carry
 * an ETag (the list's public version, or an edition's hash) and Cache-Control; a conditional GET answers
 * 304 after reading only the version.
 */
@RestController
@RequestMapping("/api/public")
@Tag(name = "公开清单 Public list", description = "Anonymous: the list, notices, feeds, editions, exports, statistics")
public class PublicListController {

    /**
     * The list changes a few times a day: fresh for a minute, so a change shows on the website within one; then a
     * cache (a CDN, the website's own) may serve the stale copy for five minutes while it revalidates in the
     * background (a 304 on the ETag, cheap), and for a day while listing-service cannot answer at all.
     */
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
            .staleWhileRevalidate(Duration.ofMinutes(5)).staleIfError(Duration.ofDays(1));
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    /** Editions one diff may span, and one verification request may check. */
    static final int MAX_DIFF_SPAN = 1000;
    static final int MAX_VERIFY = 5000;

    private final ListingStore listings;
    private final EditionStore editions;
    private final PublicStream stream;
    private final PublicVersion publicVersion;

    public PublicListController(ListingStore listings, EditionStore editions, PublicStream stream, PublicVersion publicVersion) {
        this.publicVersion = publicVersion;
        this.listings = listings;
        this.editions = editions;
        this.stream = stream;
    }

    /** The list's ETag, or null when the client's copy is current (the caller then answers 304). */
    private String current(WebRequest request) {
        String etag = PublicVersion.etag(publicVersion.current());
        return request.checkNotModified(etag) ? null : etag;
    }

    private static <T> ResponseEntity<T> ok(String etag, T body) {
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT).body(body);
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
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        ListingStore.Page<Listing> found = listings.page(query.filter(), query.page(), query.size());
        return ok(etag, new PublicViews.Page<>(found.items().stream().map(PublicViews::summary).toList(), query.page(),
                query.size(), found.total()));
    }

    @GetMapping("/listings/{id}")
    @Operation(summary = "A product's public page with its history")
    @ApiResponse(responseCode = "200", description = "The product and its history; ETag of the current edition")
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match edition")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such product on the public list)")
    public ResponseEntity<PublicViews.Detail> listing(@PathVariable String id, WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        Listing listing = listings.findPublic(id).orElseThrow(() -> ProblemException.notFound("清单条目 " + id + " 不存在"));
        return ok(etag, PublicViews.detail(listing));
    }

    @GetMapping("/notices")
    @Operation(summary = "Public notices and changes of the list, newest first, one per edition (Art. 11, 12)")
    public ResponseEntity<PublicViews.Page<PublicViews.Notice>> notices(@RequestParam(required = false) String page,
                                                                         @RequestParam(required = false) String size,
                                                                         WebRequest request) {
        ListQuery paging = ListQuery.of(null, null, null, null, null, null, null, page, size);
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        long total = editions.head().number();
        return ok(etag, new PublicViews.Page<>(notices(total, paging.page(), paging.size()), paging.page(), paging.size(), total));
    }

    private List<PublicViews.Notice> notices(long latest, int page, int size) {
        return editions.notices(latest, page, size).stream().map(numbered -> {
            EditionDocument.Notice n = numbered.notice();
            return new PublicViews.Notice(n.at(), n.type(), n.listingId(), n.productName(), n.enterpriseName(), n.summary(),
                    numbered.edition());
        }).toList();
    }

    @GetMapping(value = "/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    @Operation(summary = "Atom feed of the latest 50 notices, newest first")
    @ApiResponse(responseCode = "200", description = "The Atom feed", content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match edition")
    public ResponseEntity<String> feed(WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT)
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(Exports.atom(notices(editions.head().number(), 0, 50), base));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of listing.events, for websites that cannot read Kafka")
    @ApiResponse(responseCode = "200", description = "The stream: one event per fact on listing.events, until the client goes or is too slow", content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "429", description = "订阅过多: too many streams from this client address; Retry-After says when to try again")
    @ApiResponse(responseCode = "503", description = "订阅数已满: the stream has as many subscribers as it takes; Retry-After says when to try again")
    public SseEmitter stream(jakarta.servlet.http.HttpServletRequest request) {
        return stream.subscribe(stream.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
    }

    @GetMapping(value = "/listings.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The current edition's entries as CSV, streamed")
    @ApiResponse(responseCode = "200", description = "CSV with a header row, UTF-8", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match edition")
    public ResponseEntity<StreamingResponseBody> currentCsv(WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        return csv(editions.head().number(), "qingdan.csv", ResponseEntity.ok().eTag(etag).cacheControl(SHORT));
    }

    @GetMapping(value = "/listings.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The current edition: number, hashes, digest and every entry, streamed")
    @ApiResponse(responseCode = "200", description = "The edition with its entries", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match edition")
    public ResponseEntity<StreamingResponseBody> currentJson(WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        EditionHead head = editions.head();
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT).contentType(MediaType.APPLICATION_JSON)
                .body(entriesJson(head.number() == 0 ? null : editions.find(head.number()).orElseThrow(), head.number()));
    }

    @GetMapping("/editions")
    @Operation(summary = "The editions, newest first, one page at a time: number, time, change, count and hashes")
    public PublicViews.Page<PublicViews.EditionSummary> editions(@RequestParam(required = false) String page,
                                                                 @RequestParam(required = false) String size) {
        ListQuery paging = ListQuery.of(null, null, null, null, null, null, null, page, size);
        long total = editions.head().number();
        List<PublicViews.EditionSummary> items = editions.page(total, paging.page(), paging.size()).stream()
                .map(d -> new PublicViews.EditionSummary(d.number(), d.edition().createdAt(), d.edition().change(), d.entryCount() == null ? 0 : d.entryCount(),
                        d.edition().digest(), d.edition().previousHash(), d.edition().hash())).toList();
        return new PublicViews.Page<>(items, paging.page(), paging.size(), total);
    }

    @GetMapping("/editions/{number}")
    @Operation(summary = "One edition exactly as hashed: SHA-256 over the canonical JSON of everything but 'hash'")
    @ApiResponse(responseCode = "200", description = "The edition")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "404", description = "没有这一版 (no such edition)")
    public ResponseEntity<Map<String, Object>> edition(@PathVariable long number, WebRequest request) {
        Edition edition = edition(number);
        if (request.checkNotModified("\"" + edition.hash() + "\"")) {
            return null;
        }
        return ResponseEntity.ok().eTag("\"" + edition.hash() + "\"").cacheControl(IMMUTABLE).body(published(edition));
    }

    @GetMapping(value = "/editions/{number}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The whole list at an edition, streamed; the SHA-256 of its entries add up (mod 2^256) to its digest")
    @ApiResponse(responseCode = "200", description = "The entries, immutable", content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "没有这一版 (no such edition)")
    public ResponseEntity<StreamingResponseBody> editionEntries(@PathVariable long number) {
        Edition edition = edition(number);
        return ResponseEntity.ok().eTag("\"" + edition.hash() + "-entries\"").cacheControl(IMMUTABLE)
                .contentType(MediaType.APPLICATION_JSON).body(entriesJson(edition, number));
    }

    @GetMapping(value = "/editions/{number}.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The whole list at an edition as CSV, streamed")
    @ApiResponse(responseCode = "200", description = "CSV with a header row, UTF-8, immutable", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "没有这一版 (no such edition)")
    public ResponseEntity<StreamingResponseBody> editionCsv(@PathVariable long number) {
        Edition edition = edition(number);
        return csv(number, "qingdan-edition-" + number + ".csv",
                ResponseEntity.ok().eTag("\"" + edition.hash() + "-csv\"").cacheControl(IMMUTABLE));
    }

    private Edition edition(long number) {
        return editions.find(number).orElseThrow(() -> ProblemException.notFound("第 " + number + " 版不存在"));
    }

    private ResponseEntity<StreamingResponseBody> csv(long number, String filename, ResponseEntity.BodyBuilder response) {
        StreamingResponseBody body = out -> {
            Writer w = writer(out);
            w.write(Exports.CSV_HEADER);
            if (number > 0) {
                listings.forEachEntryAt(number, e -> write(w, Exports.csvRow(number, e)));
            }
            w.flush();
        };
        return response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(body);
    }

    /** The edition's header fields, then its entries in listing id order, each written as it is read. */
    private StreamingResponseBody entriesJson(Edition edition, long number) {
        return out -> {
            Writer w = writer(out);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("number", number);
            if (edition != null) {
                header.put("createdAt", edition.createdAt().toString());
                header.put("change", Map.of("type", edition.change().type(), "listingId", edition.change().listingId(),
                        "summary", edition.change().summary()));
                header.put("hash", edition.hash());
                header.put("digest", edition.snapshot() ? edition.snapshotDigest() : edition.digest());
                header.put("entryCount", edition.snapshot() ? edition.entries().size() : edition.entryCount());
            }
            String head = CanonicalJson.write(header);
            w.write(head, 0, head.length() - 1);
            w.write(",\"entries\":[");
            boolean[] first = {true};
            if (number > 0) {
                listings.forEachEntryAt(number, e -> {
                    write(w, (first[0] ? "" : ",") + CanonicalJson.write(Edition.published(e)));
                    first[0] = false;
                });
            }
            w.write("]}");
            w.flush();
        };
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static void write(Writer w, String text) {
        try {
            w.write(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping("/editions/{from}/diff/{to}")
    @Operation(summary = "What changed between two editions (at most 1000 apart): entries added, removed, and whose status changed")
    @ApiResponse(responseCode = "200", description = "The changes")
    @ApiResponse(responseCode = "400", description = "版次范围不正确: to before from (order) or more than 1000 apart (max-span), or not a number")
    @ApiResponse(responseCode = "404", description = "没有这一版 (no such edition)")
    public Map<String, Object> diff(@PathVariable long from, @PathVariable long to) {
        if (from > to || to - from > MAX_DIFF_SPAN) {
            throw ProblemException.badRequest("版次范围不正确", List.of(new Violation("to", from > to ? "order" : "max-span",
                    from > to ? "应不小于 from" : "与 from 相差不超过 " + MAX_DIFF_SPAN + " 个版次")));
        }
        edition(from);
        edition(to);
        // each change's type says the status before and after it; fold them per listing
        Map<String, String[]> folded = new TreeMap<>(); // listingId → {before, after, productName}
        editions.forEachChange(from + 1, to, c -> {
            String[] before = before(c.type());
            folded.computeIfAbsent(c.listingId(), id -> new String[] {before[0], null, null});
            String[] f = folded.get(c.listingId());
            f[1] = before[1];
            f[2] = c.productName();
        });
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> removed = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        folded.forEach((id, f) -> {
            boolean wasIn = f[0] != null && ListingStatus.valueOf(f[0]).inEdition();
            boolean isIn = ListingStatus.valueOf(f[1]).inEdition();
            if (!wasIn && isIn) {
                added.add(diffEntry(id, f[2], f[1], null));
            } else if (wasIn && !isIn) {
                removed.add(diffEntry(id, f[2], f[0], null));
            } else if (wasIn && !f[0].equals(f[1])) {
                changed.add(diffEntry(id, f[2], f[1], f[0]));
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

    /** The status before and after a change of this type. */
    private static String[] before(String type) {
        return switch (type) {
            case "PUBLIC_NOTICE_STARTED" -> new String[] {null, "PUBLIC_NOTICE"};
            case "LISTED" -> new String[] {"PUBLIC_NOTICE", "LISTED"};
            case "OBJECTION_UPHELD" -> new String[] {"PUBLIC_NOTICE", "NOT_LISTED"};
            case "DELISTED" -> new String[] {"LISTED", "DELISTED"};
            default -> throw new IllegalStateException("unknown change " + type);
        };
    }

    private static Map<String, Object> diffEntry(String id, String productName, String status, String previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listingId", id);
        m.put("productName", productName);
        m.put("status", status);
        if (previous != null) {
            m.put("previousStatus", previous);
        }
        return m;
    }

    /**
     * Verifies the chain incrementally: from the last verified edition (checked again) to the latest, at
     * most {@value #MAX_VERIFY} editions a request, remembering how far it got. With {@code from}, checks
     * {@code from} onwards instead (a full re-verification is {@code from=1}, then each {@code next}).
     */
    @GetMapping("/editions/verification")
    @Operation(summary = "Verifies the hash chain and digests from the last verified edition on (or from 'from'), page by page")
    public Map<String, Object> verify(@RequestParam(required = false) Long from) {
        long latest = editions.head().number();
        if (from != null && (from < 1 || from > Math.max(1, latest))) {
            throw ProblemException.badRequest("查询参数不正确", List.of(new Violation("from", "range", "应在 1 至 " + Math.max(1, latest) + " 之间")));
        }
        EditionHead cached = from == null ? editions.verified().orElse(null) : null;
        long start = from != null ? from : cached == null ? 1 : cached.number();
        EditionHead before = from != null && from > 1 ? editions.find(from - 1).map(Edition::head).orElse(null) : null;
        long end = Math.min(latest, start + MAX_VERIFY - 1);
        ChainCheck check = new ChainCheck(before, start);
        String[] recorded = {null};
        editions.forEach(start, end, e -> {
            if (cached != null && e.number() == cached.number()) {
                recorded[0] = e.hash();
            }
            check.accept(e);
        });
        Edition.Verification result = check.result(start, end);
        if (result.valid() && cached != null && latest > 0 && !cached.hash().equals(recorded[0])) {
            result = new Edition.Verification(false, cached.number(), "第 " + cached.number() + " 版的哈希与上次核验时不同，已被改动");
        }
        if (result.valid() && check.last() != null && latest > 0) {
            editions.verified(check.last());
        } else if (!result.valid()) {
            editions.forgetVerification();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", result.valid());
        out.put("brokenAt", result.brokenAt());
        out.put("message", result.message());
        out.put("from", start);
        out.put("to", end);
        out.put("latest", latest);
        out.put("complete", !result.valid() || end >= latest);
        if (result.valid() && end < latest) {
            out.put("next", end + 1);
        }
        return out;
    }

    @GetMapping("/statistics")
    @Operation(summary = "Listed products by scenario × product type × year, counted in the database")
    public ResponseEntity<List<Map<String, Object>>> statistics(WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Map<String, Object> counted : listings.statistics()) {
            ApplicationScenario scenario = ApplicationScenario.valueOf((String) counted.get("scenario"));
            String type = "null".equals(counted.get("productType")) ? "" : (String) counted.get("productType");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", scenario.name());
            row.put("scenarioLabel", scenario.label());
            row.put("productType", type);
            row.put("productTypeLabel", type.isEmpty() ? "" : ProductType.valueOf(type).label());
            row.put("year", counted.get("year"));
            row.put("count", counted.get("count"));
            rows.put(scenario.ordinal() + "|" + type + "|" + counted.get("year"), row);
        }
        return ok(etag, new ArrayList<>(rows.values()));
    }

    static Map<String, Object> published(Edition edition) {
        Map<String, Object> m = new LinkedHashMap<>(edition.content());
        m.put("hash", edition.hash());
        return m;
    }
}
