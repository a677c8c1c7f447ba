package org.qingdan.listing.register;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.domain.Objection;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.support.query.Page;
import org.springframework.stereotype.Component;

/** What the office reads of the list: every listing with its objections, and the overdue re-confirmations, a page at a time. */
@Component
public class OfficeListQueries {

    private final ListingStore listings;
    private final Clock clock;

    public OfficeListQueries(ListingStore listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    /** Every listing (of one status, or all when null) with its objections, newest first. */
    public Page<Listing> all(ListingStatus status, int page, int size) {
        return listings.all(status, page, size);
    }

    /** Listed products whose re-confirmation is overdue now, the longest overdue first. */
    public Page<Listing> overdue(int page, int size) {
        return listings.overdue(clock.instant(), page, size);
    }

    /** The objections lodged against a listing, with their decisions; empty when there is no such listing. */
    public Optional<List<Objection>> objections(String id) {
        return listings.find(id).map(v -> v.state().objections());
    }
}
