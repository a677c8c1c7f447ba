package org.qingdan.application.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingdan.application.publication.domain.Publication;
import org.qingdan.application.publication.persistence.PublicationStore;
import org.springframework.stereotype.Service;

/**
 * The public side of an application's way, as listing-service announces it: kept for the applicant's portal (its
 * timeline and its list), whose pages check who may read the application before they ask here.
 */
@Service
public class PublicationService {

    private final PublicationStore store;

    public PublicationService(PublicationStore store) {
        this.store = store;
    }

    public Optional<Publication> of(String applicationId) {
        return store.find(applicationId);
    }

    /** The publications of a page of applications; those without one are absent. */
    public Map<String, Publication> of(Collection<String> applicationIds) {
        return store.find(applicationIds);
    }

    public void noticeStarted(String applicationId, Instant startsAt, Instant endsAt) {
        store.record(applicationId, "noticeStartsAt", startsAt, Map.of("noticeEndsAt", endsAt));
    }

    public void objectionUpheld(String applicationId, Instant at, String reason) {
        store.record(applicationId, "objectionUpheldAt", at, nullable("objectionReason", reason));
    }

    public void listed(String applicationId, Instant at, long edition) {
        store.record(applicationId, "listedAt", at, Map.of("listedEdition", edition));
    }

    public void reReviewOpened(String applicationId, Instant at) {
        store.record(applicationId, "reReviewOpenedAt", at, Map.of());
    }

    public void reReviewConcluded(String applicationId, Instant at, boolean kept) {
        store.record(applicationId, "reReviewConcludedAt", at, Map.of("reReviewKept", kept));
    }

    public void delisted(String applicationId, Instant at, String reason, long edition) {
        Map<String, Object> fields = nullable("delistingReason", reason);
        fields.put("delistedEdition", edition);
        store.record(applicationId, "delistedAt", at, fields);
    }

    private static Map<String, Object> nullable(String name, Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(name, value);
        return fields;
    }
}
