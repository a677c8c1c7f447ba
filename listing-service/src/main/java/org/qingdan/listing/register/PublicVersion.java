package org.qingdan.listing.register;

import java.time.Duration;
import org.qingdan.listing.register.persistence.ListingStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public list's version: the ETag of every list-wide public response and the key of {@code PublicResponseCache}.
 * It is bumped after every change of the public list (after the listing's write, so a response stored under the new
 * number never shows the old state).
 *
 * <p>Reading it was one database round trip per public request, the whole cost of a 304. It is now kept for {@code ttl}
 * (a second): this instance's own bumps are seen at once (read-your-writes), another instance's within the TTL — far
 * inside the minute of {@code max-age} every public response already allows a cache. What the database says is taken
 * as it is (a restored database may count from lower again), except from a read that a bump of this instance overtook.
 *
 * <p>A process that dies between a listing's write and the bump would leave the old number standing until the next
 * change (clients would get 304 for a changed list); each start therefore bumps once.
 */
@Component
public class PublicVersion {

    private record Known(long value, long readAtNanos) {
    }

    private final ListingStore listings;
    private final long ttlNanos;
    private volatile Known known;
    /** Bumps by this instance; a read that saw an older count than this was overtaken and is not remembered. */
    private long bumps;

    public PublicVersion(ListingStore listings, @Value("${qingdan.listing.public-version-ttl:PT1S}") Duration ttl) {
        this.listings = listings;
        this.ttlNanos = ttl.toNanos();
    }

    public long current() {
        Known k = known;
        long now = System.nanoTime();
        if (k != null && now - k.readAtNanos() < ttlNanos) {
            return k.value();
        }
        long bumpsBefore = bumpsSoFar();
        long read = listings.publicVersion();
        synchronized (this) {
            if (bumps == bumpsBefore) {
                known = new Known(read, now);
            }
        }
        return read;
    }

    /** After a change of the public list has been written. */
    public long bump() {
        long value = listings.bumpPublicVersion();
        synchronized (this) {
            bumps++;
            Known k = known;
            // two bumps of this instance may return out of order; then (or after a restore) the database decides
            known = k == null || value > k.value() ? new Known(value, System.nanoTime()) : null;
        }
        return value;
    }

    /** The ETag of list-wide public responses at {@code version}. */
    public static String etag(long version) {
        return "\"v" + version + "\"";
    }

    @EventListener(ApplicationReadyEvent.class)
    void bumpAtStart() {
        bump();
    }

    private synchronized long bumpsSoFar() {
        return bumps;
    }
}
