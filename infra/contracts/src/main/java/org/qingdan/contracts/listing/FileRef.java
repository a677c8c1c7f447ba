package org.qingdan.contracts.listing;

import java.time.Instant;

/** A file of a report or of a response to it, by its metadata: the content stays with listing-service. */
public record FileRef(String id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
}
