package org.qingdan.listing.register.persistence;

import org.qingdan.listing.register.domain.Edition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One published edition, never changed after it is written. */
@Document(EditionDocument.COLLECTION)
public record EditionDocument(@Id long number, Edition edition) {

    public static final String COLLECTION = "editions";
}
