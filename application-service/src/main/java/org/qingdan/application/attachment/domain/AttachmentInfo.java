package org.qingdan.application.attachment.domain;

import java.time.Instant;

/** A stored file of an application: generated id, sanitised name, type decided by content, size and SHA-256. */
public record AttachmentInfo(
        String id,
        String applicationId,
        String ownerUscc,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {
}
