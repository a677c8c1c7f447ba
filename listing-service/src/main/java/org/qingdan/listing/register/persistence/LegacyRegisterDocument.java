package org.qingdan.listing.register.persistence;

import java.util.List;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.Listing;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The list as the first version stored it: one document with every listing and the latest edition (it
 * reached MongoDB's 16 MB limit and rewrote everything on every change). Read only by
 * {@link RegisterMigration}, which moves it to one document per listing; its outbox still drains.
 */
@Document(LegacyRegisterDocument.COLLECTION)
public record LegacyRegisterDocument(@Id String id, @Version Long version, List<Listing> listings, Edition latest,
                                     List<Edition> pendingEditions, Boolean migrated) {

    public static final String COLLECTION = "register";
    public static final String ID = "list";
}
