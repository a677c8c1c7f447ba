package org.qingdan.listing.announcement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingdan.listing.announcement.AnnouncementService;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.support.print.PdfPrinter;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The announcements (公示) for the website, anonymous: for each day on which products entered public notice (Art. 11)
 * or left the list (Art. 12), the formal announcement as HTML (inline styles only, for the website and the WeChat
 * editor) and as PDF, and what it is in JSON. The ETag is the SHA-256 of the HTML; a PDF is printed once per content
 * and kept in a small cache, so that repeated reads of a public URL cost no printing.
 */
@RestController
@RequestMapping("/api/public/notices")
@Tag(name = "公示公告 Announcements", description = "Anonymous: the formal announcements of public notice and delisting, per day")
public class PublicAnnouncementController {

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    static final int PDF_CACHE = 16;

    private final AnnouncementService announcements;
    private final PdfPrinter printer;
    private final Map<String, byte[]> pdfs = java.util.Collections.synchronizedMap(new LinkedHashMap<>(PDF_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > PDF_CACHE;
        }
    });

    public PublicAnnouncementController(AnnouncementService announcements, PdfPrinter printer) {
        this.announcements = announcements;
        this.printer = printer;
    }

    @GetMapping("/{date}/{kind}")
    @Operation(summary = "An announcement of a day in JSON: title, whether final, 文号, contact, products, links to its HTML and PDF")
    @ApiResponse(responseCode = "200", description = "The announcement")
    @ApiResponse(responseCode = "404", description = "没有该日的公示 (no product entered notice, or left the list, that day; or no such kind)")
    public AnnouncementView view(@PathVariable @Parameter(description = "the day, yyyy-MM-dd (China time)") String date,
                                 @PathVariable @Parameter(description = "public-notice or delisting") String kind) {
        return AnnouncementView.of(find(date, kind));
    }

    @GetMapping(value = "/{date}/{kind}.html", produces = "text/html;charset=UTF-8")
    @Operation(summary = "An announcement of a day as HTML for the website and the WeChat editor (inline styles, no script, no external resource)")
    @ApiResponse(responseCode = "200", description = "The HTML page", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match")
    @ApiResponse(responseCode = "404", description = "没有该日的公示 (no product entered notice, or left the list, that day; or no such kind)")
    public ResponseEntity<String> html(@PathVariable @Parameter(description = "the day, yyyy-MM-dd (China time)") String date,
                                       @PathVariable @Parameter(description = "public-notice or delisting") String kind,
                                       WebRequest request) {
        String html = AnnouncementDocument.html(find(date, kind));
        String etag = etag(html);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                // the page needs nothing but its own inline styles
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(html);
    }

    @GetMapping(value = "/{date}/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "An announcement of a day as PDF, its fonts embedded")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Not modified since the If-None-Match")
    @ApiResponse(responseCode = "404", description = "没有该日的公示 (no product entered notice, or left the list, that day; or no such kind)")
    public ResponseEntity<byte[]> pdf(@PathVariable @Parameter(description = "the day, yyyy-MM-dd (China time)") String date,
                                      @PathVariable @Parameter(description = "public-notice or delisting") String kind,
                                      WebRequest request) {
        Announcement announcement = find(date, kind);
        String page = AnnouncementDocument.printable(announcement);
        String etag = etag(page);
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] pdf = pdfs.computeIfAbsent(etag, e -> printer.print(page));
        String name = announcement.kind().slug() + "-" + announcement.date() + ".pdf";
        return ResponseEntity.ok().eTag(etag).cacheControl(SHORT).contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private Announcement find(String date, String kind) {
        return announcements.announcement(AnnouncementOfficeController.kind(kind), day(date));
    }

    static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("日期格式不正确", List.of(new Violation("date", "format", "日期格式为 yyyy-MM-dd")));
        }
    }

    private static String etag(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
