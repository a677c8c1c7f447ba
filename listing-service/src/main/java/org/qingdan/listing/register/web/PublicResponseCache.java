package org.qingdan.listing.register.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.qingdan.listing.register.PublicVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public list's responses, kept per version of the list. The list changes a few times a day and the website asks
 * for the same few pages all day: each such page was a query, a count and a JSON rendering per request (the profile:
 * two thirds of listing-service's time during public reads). Here the response bytes of a public, version-tagged answer
 * are kept under (version, URL, the headers content negotiation and CORS read) and served as they were until the
 * version moves on; then the whole generation is dropped at once, so nothing stale can be served and no eviction
 * bookkeeping is needed.
 *
 * <p>Only what is safe to share is kept: a 200 to a plain GET whose ETag is the list's current version and whose
 * Cache-Control says {@code public} (the controller declared it the same for everybody). Conditional requests pass
 * through (their 304 is already cheap), as do the streams and exports (bodies written asynchronously or too large).
 * The generation is bounded in entries and bytes; past that it just stops adding — the pages asked first, the popular
 * ones, stay.
 *
 * <p>It runs last among the filters, after security, tracing and metrics, which therefore see every request; the
 * headers it replays are only those set inside it (by the controller and MVC).
 */
@Component
public class PublicResponseCache extends OncePerRequestFilter {

    /** The list-wide public answers whose ETag is the list's version; not the streams, exports and editions. */
    private static final Pattern CACHED = Pattern.compile("/api/public/(listings(/[^/.]+)?|notices|feed\\.atom|statistics)");

    private record Entry(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
    }

    private record Generation(long version, Map<String, Entry> entries, AtomicLong bytes) {
    }

    private final PublicVersion publicVersion;
    private final int maxEntries;
    private final long maxBytes;
    private final int maxEntryBytes;
    private final Counter hits;
    private final Counter misses;
    private volatile Generation generation = new Generation(-1, new ConcurrentHashMap<>(), new AtomicLong());

    public PublicResponseCache(PublicVersion publicVersion, MeterRegistry meters,
                               @Value("${qingdan.listing.public-cache.max-entries:2000}") int maxEntries,
                               @Value("${qingdan.listing.public-cache.max-size:16MB}") DataSize maxSize,
                               @Value("${qingdan.listing.public-cache.max-entry-size:256KB}") DataSize maxEntrySize) {
        this.publicVersion = publicVersion;
        this.maxEntries = maxEntries;
        this.maxBytes = maxSize.toBytes();
        this.maxEntryBytes = (int) maxEntrySize.toBytes();
        this.hits = Counter.builder("qingdan.public.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("qingdan.public.cache").tag("result", "miss").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.IF_NONE_MATCH) != null || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
                || !CACHED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long version = publicVersion.current();
        Generation gen = generation(version);
        String key = key(request);
        Entry hit = gen.entries().get(key);
        if (hit != null) {
            hits.increment();
            replay(hit, response);
            return;
        }
        misses.increment();
        Set<String> before = new HashSet<>(response.getHeaderNames());
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (!request.isAsyncStarted() && cacheable(wrapper, version)) {
                keep(gen, key, new Entry(wrapper.getStatus(), wrapper.getContentType(), added(wrapper, before),
                        wrapper.getContentAsByteArray()));
            }
        } finally {
            if (!request.isAsyncStarted()) {
                wrapper.copyBodyToResponse();
            }
        }
    }

    /**
     * The generation of {@code version}, a new one if the version differs. A response is read after its version, so
     * it shows at least that version's list; a request overtaken by a bump may swap the generation back once, which
     * costs only misses.
     */
    private Generation generation(long version) {
        Generation gen = generation;
        if (gen.version() == version) {
            return gen;
        }
        synchronized (this) {
            if (generation.version() != version) {
                generation = new Generation(version, new ConcurrentHashMap<>(), new AtomicLong());
            }
            return generation;
        }
    }

    private static String key(HttpServletRequest request) {
        // what the answer may vary on: the URL as the client saw it (the feed's links carry the forwarded host and
        // scheme), the negotiated type and language, and CORS's Origin
        return request.getRequestURL().toString() + '?' + request.getQueryString() + '\n' + request.getHeader(HttpHeaders.ACCEPT) + '\n'
                + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) + '\n' + request.getHeader(HttpHeaders.ORIGIN);
    }

    private boolean cacheable(ContentCachingResponseWrapper response, long version) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return response.getStatus() == 200 && PublicVersion.etag(version).equals(response.getHeader(HttpHeaders.ETAG))
                && cacheControl != null && cacheControl.contains("public") && response.getHeader(HttpHeaders.SET_COOKIE) == null
                && response.getContentSize() <= maxEntryBytes;
    }

    private void keep(Generation gen, String key, Entry entry) {
        if (gen.entries().size() < maxEntries && gen.bytes().addAndGet(entry.body().length) <= maxBytes) {
            gen.entries().putIfAbsent(key, entry);
        }
    }

    /** The headers set inside this filter, i.e. by MVC and the controller; the outer filters set theirs again. */
    private static Map<String, List<String>> added(HttpServletResponse response, Set<String> before) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!before.contains(name) && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        return headers;
    }

    private static void replay(Entry entry, HttpServletResponse response) throws IOException {
        response.setStatus(entry.status());
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        entry.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentLength(entry.body().length);
        response.getOutputStream().write(entry.body());
    }
}
