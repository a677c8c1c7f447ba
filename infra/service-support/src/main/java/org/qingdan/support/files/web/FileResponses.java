package org.qingdan.support.files.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored upload sent back: always as an attachment under its sanitised name, never sniffed, sandboxed, never cached,
 * with its SHA-256 as a {@code Digest} — however the file came in (an application's attachment, a report's evidence).
 */
public final class FileResponses {

    public static ResponseEntity<InputStreamResource> attachment(String fileName, String mediaType, long size, String sha256,
                                                                 InputStream content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(sha256)))
                .body(new InputStreamResource(content));
    }

    private FileResponses() {
    }
}
