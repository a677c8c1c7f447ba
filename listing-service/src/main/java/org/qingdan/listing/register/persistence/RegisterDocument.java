package org.qingdan.listing.register.persistence;

import java.util.List;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.Listing;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The list as stored: one document with every listing and the latest edition, saved with its events
 * (outbox) and its new editions ({@code pendingEditions}) in one write. The editions are then copied to
 * the {@code editions} collection, where they stay immutable, and pulled from here.
 */
@Document(RegisterDocument.COLLECTION)
public record RegisterDocument(@Id String id, @Version Long version, List<Listing> listings, Edition latest,
                               List<Edition> pendingEditions) {

    public static final String COLLECTION = "register";
    public static final String ID = "list";
}
