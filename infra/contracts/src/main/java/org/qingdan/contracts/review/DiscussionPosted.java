package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * Someone wrote in a case's discussion (专家讨论): the experts who may read the thread (their own review is in),
 * other than the author, the office and the committee are told that there is a new post, never what it says —
 * the discussion is part of a confidential review and is read behind the login. {@code aggregateId} is the post;
 * {@code authorRole} is EXPERT, OFFICE or COMMITTEE; {@code authorLabel} is how the thread names the author to an
 * expert (专家二, 专委会办公室).
 */
public record DiscussionPosted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String authorRole,
        String authorLabel,
        Instant postedAt,
        List<Reader> readers) implements DomainEvent {

    public static final String TYPE = "review.discussion-posted.v1";

    public DiscussionPosted {
        readers = readers == null ? List.of() : List.copyOf(readers);
    }

    /** An expert who reads the thread and is told of the post. */
    public record Reader(String reviewerId, String reviewerName, String reviewerEmail) {
    }
}
