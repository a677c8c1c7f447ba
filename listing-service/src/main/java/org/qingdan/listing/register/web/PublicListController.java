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
import java.util.List;
import java.util.Map;
import org.qingdan.listing.register.PublicListQueries;
import org.qingdan.listing.register.PublicVersion;
import org.qingdan.listing.register.PublicViews;
import org.qingdan.listing.register.domain.CanonicalJson;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Refusal.Violation;
import org.qingdan.support.query.Page;
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
    /** Editions one diff may span. */
    static final int MAX_DIFF_SPAN = 1000;

    private final PublicListQueries list;
    private final PublicStream stream;
    private final PublicVersion publicVersion;

    public PublicListController(PublicListQueries list, PublicStream stream, PublicVersion publicVersion) {
        this.list = list;
        this.publicVersion = publicVersion;
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
    public ResponseEntity<Page<PublicViews.Summary>> listings(
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
        return ok(etag, list.listings(query.filter(), query.page(), query.size()));
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
        return ok(etag, list.listing(id).orElseThrow(() -> Refusal.notFound("清单条目 " + id + " 不存在")));
    }

    @GetMapping("/notices")
    @Operation(summary = "Public notices and changes of the list, newest first, one per edition (Art. 11, 12)")
    public ResponseEntity<Page<PublicViews.Notice>> notices(@RequestParam(required = false) String page,
                                                                         @RequestParam(required = false) String size,
                                                                         WebRequest request) {
        ListQuery paging = ListQuery.of(null, null, null, null, null, null, null, page, size);
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        return ok(etag, list.notices(paging.page(), paging.size()));
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
                .body(Exports.atom(list.notices(0, 50).items(), base));
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
        return csv(list.latestEdition(), "qingdan.csv", ResponseEntity.ok().eTag(etag).cacheControl(SHORT));
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
        EditionHead head = list.head();
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT).contentType(MediaType.APPLICATION_JSON)
                .body(entriesJson(head.number() == 0 ? null : list.edition(head.number()).orElseThrow(), head.number()));
    }

    @GetMapping("/editions")
    @Operation(summary = "The editions, newest first, one page at a time: number, time, change, count and hashes")
    public Page<PublicViews.EditionSummary> editions(@RequestParam(required = false) String page,
                                                                 @RequestParam(required = false) String size) {
        ListQuery paging = ListQuery.of(null, null, null, null, null, null, null, page, size);
        return list.editions(paging.page(), paging.size());
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
        return ResponseEntity.ok().eTag("\"" + edition.hash() + "\"").cacheControl(IMMUTABLE).body(PublicListQueries.published(edition));
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
        return list.edition(number).orElseThrow(() -> Refusal.notFound("第 " + number + " 版不存在"));
    }

    private ResponseEntity<StreamingResponseBody> csv(long number, String filename, ResponseEntity.BodyBuilder response) {
        StreamingResponseBody body = out -> {
            Writer w = writer(out);
            w.write(Exports.CSV_HEADER);
            list.forEachEntryAt(number, e -> write(w, Exports.csvRow(number, e)));
            w.flush();
        };
        return response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(body);
    }

    /** The edition's header fields, then its entries in listing id order, each written as it is read. */
    private StreamingResponseBody entriesJson(Edition edition, long number) {
        return out -> {
            Writer w = writer(out);
            String head = CanonicalJson.write(PublicListQueries.entriesHead(edition, number));
            w.write(head, 0, head.length() - 1);
            w.write(",\"entries\":[");
            boolean[] first = {true};
            list.forEachEntryAt(number, e -> {
                write(w, (first[0] ? "" : ",") + CanonicalJson.write(Edition.published(e)));
                first[0] = false;
            });
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
    public PublicViews.Diff diff(@PathVariable long from, @PathVariable long to) {
        if (from > to || to - from > MAX_DIFF_SPAN) {
            throw Refusal.badRequest("版次范围不正确", List.of(new Violation("to", from > to ? "order" : "max-span",
                    from > to ? "应不小于 from" : "与 from 相差不超过 " + MAX_DIFF_SPAN + " 个版次")));
        }
        edition(from);
        edition(to);
        return list.diff(from, to);
    }

    /** The chain, checked {@value PublicListQueries#MAX_VERIFY} editions a request; see {@link PublicListQueries#verify}. */
    @GetMapping("/editions/verification")
    @Operation(summary = "Verifies the hash chain and digests from the last verified edition on (or from 'from'), page by page")
    public PublicViews.Verification verify(@RequestParam(required = false) Long from) {
        long latest = list.latestEdition();
        if (from != null && (from < 1 || from > Math.max(1, latest))) {
            throw Refusal.badRequest("查询参数不正确", List.of(new Violation("from", "range", "应在 1 至 " + Math.max(1, latest) + " 之间")));
        }
        return list.verify(from);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Listed products by scenario × product type × year, counted in the database")
    public ResponseEntity<List<PublicViews.StatisticsRow>> statistics(WebRequest request) {
        String etag = current(request);
        if (etag == null) {
            return null;
        }
        return ok(etag, list.statistics());
    }
}
