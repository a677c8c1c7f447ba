package org.qingdan.listing.register.domain;

import java.time.Instant;

/** One public step of a listing, with the edition it produced (null when the list did not change). */
public record HistoryEntry(Instant at, String type, String summary, Long edition) {
}
