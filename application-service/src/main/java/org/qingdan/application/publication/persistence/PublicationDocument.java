package org.qingdan.application.publication.persistence;

import org.qingdan.application.publication.domain.Publication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An application's publication as stored: {@code _id} the application id, the facts under {@code state}. */
@Document("publications")
public record PublicationDocument(@Id String id, Publication state) {
}
