package org.qingdan.listing.register.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingdan.contracts.form.PublicProduct;

/**
 * One product's way through the list: public notice, listed or not, delisted. Its id is the approved
 * application's id, so a product re-enters the list only through a new application. {@code version}
 * counts the events of this listing (their {@code aggregateVersion}).
 */
public record Listing(
        String id,
        PublicProduct product,
        ListingStatus status,
        Instant noticeStartsAt,
        Instant noticeEndsAt,
        int noticeDays,
        Instant listedAt,
        Delisting delisting,
        List<Objection> objections,
        List<HistoryEntry> history,
        long version) {

    public Listing {
        objections = List.copyOf(objections);
        history = List.copyOf(history);
    }

    public Optional<Objection> objection(String objectionId) {
        return objections.stream().filter(o -> o.id().equals(objectionId)).findFirst();
    }

    public boolean hasOpenObjection() {
        return objections.stream().anyMatch(o -> o.status() == Objection.Status.OPEN);
    }

    Listing with(ListingStatus nextStatus, Instant nextListedAt, Delisting nextDelisting, List<Objection> nextObjections,
                 HistoryEntry entry) {
        List<HistoryEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(entry);
        return new Listing(id, product, nextStatus, noticeStartsAt, noticeEndsAt, noticeDays, nextListedAt, nextDelisting,
                nextObjections, nextHistory, version + 1);
    }
}
