package org.qingdan.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationNotAccepted;
import org.qingdan.contracts.application.CallClosed;
import org.qingdan.contracts.application.CallOpened;
import org.qingdan.contracts.application.ParticipantNamed;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationReturnedForCorrection;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ObjectionLodged;
import org.qingdan.contracts.listing.ObjectionOutcome;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.EnterpriseChangeReported;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.contracts.listing.ReconfirmationOverdue;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.listing.ReportClosed;
import org.qingdan.contracts.listing.ReportFiled;
import org.qingdan.contracts.listing.ReportResponseRequested;
import org.qingdan.contracts.listing.SelfAssessmentUpdated;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewReadyForDecision;
import org.qingdan.contracts.review.ReviewSubmitted;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;
import org.qingdan.contracts.review.DiscussionPosted;

/**
 * Every event type on the wire: logical type (the {@code ce_type} header), topic, payload record and
 * JSON Schema. The wire never carries a Java class name; consumers map the type back through here.
 */
public final class EventCatalog {

    /** One event type and version. */
    public record Entry(String type, String topic, Class<? extends DomainEvent> payload) {

        /** Classpath location of the JSON Schema of this type and version. */
        public String schemaPath() {
            return "schemas/" + type + ".schema.json";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(ApplicationSubmitted.TYPE, Topics.APPLICATION_EVENTS, ApplicationSubmitted.class),
            new Entry(ApplicationResubmitted.TYPE, Topics.APPLICATION_EVENTS, ApplicationResubmitted.class),
            new Entry(ApplicationWithdrawn.TYPE, Topics.APPLICATION_EVENTS, ApplicationWithdrawn.class),
            new Entry(ApplicationReturnedForCorrection.TYPE, Topics.APPLICATION_EVENTS, ApplicationReturnedForCorrection.class),
            new Entry(ApplicationAccepted.TYPE, Topics.APPLICATION_EVENTS, ApplicationAccepted.class),
            new Entry(ApplicationNotAccepted.TYPE, Topics.APPLICATION_EVENTS, ApplicationNotAccepted.class),
            new Entry(CallOpened.TYPE, Topics.APPLICATION_EVENTS, CallOpened.class),
            new Entry(CallClosed.TYPE, Topics.APPLICATION_EVENTS, CallClosed.class),
            new Entry(ParticipantNamed.TYPE, Topics.APPLICATION_EVENTS, ParticipantNamed.class),
            new Entry(ReviewerAssigned.TYPE, Topics.REVIEW_EVENTS, ReviewerAssigned.class),
            new Entry(ReviewCompleted.TYPE, Topics.REVIEW_EVENTS, ReviewCompleted.class),
            new Entry(ReviewReadyForDecision.TYPE, Topics.REVIEW_EVENTS, ReviewReadyForDecision.class),
            new Entry(ReviewSubmitted.TYPE, Topics.REVIEW_EVENTS, ReviewSubmitted.class),
            new Entry(ReviewCaseClosed.TYPE, Topics.REVIEW_EVENTS, ReviewCaseClosed.class),
            new Entry(ReviewerRecused.TYPE, Topics.REVIEW_EVENTS, ReviewerRecused.class),
            new Entry(ReviewerUnassigned.TYPE, Topics.REVIEW_EVENTS, ReviewerUnassigned.class),
            new Entry(DiscussionPosted.TYPE, Topics.REVIEW_EVENTS, DiscussionPosted.class),
            new Entry(PublicNoticeStarted.TYPE, Topics.LISTING_EVENTS, PublicNoticeStarted.class),
            new Entry(ProductListed.TYPE, Topics.LISTING_EVENTS, ProductListed.class),
            new Entry(ProductDelisted.TYPE, Topics.LISTING_EVENTS, ProductDelisted.class),
            new Entry(ObjectionLodged.TYPE, Topics.LISTING_EVENTS, ObjectionLodged.class),
            new Entry(ObjectionDecided.TYPE, Topics.LISTING_EVENTS, ObjectionDecided.class),
            new Entry(ObjectionOutcome.TYPE, Topics.LISTING_OFFICE_EVENTS, ObjectionOutcome.class),
            new Entry(ReportFiled.TYPE, Topics.LISTING_OFFICE_EVENTS, ReportFiled.class),
            new Entry(ReportResponseRequested.TYPE, Topics.LISTING_OFFICE_EVENTS, ReportResponseRequested.class),
            new Entry(ReportClosed.TYPE, Topics.LISTING_OFFICE_EVENTS, ReportClosed.class),
            new Entry(ReReviewRequested.TYPE, Topics.LISTING_OFFICE_EVENTS, ReReviewRequested.class),
            new Entry(ReReviewOpened.TYPE, Topics.LISTING_EVENTS, ReReviewOpened.class),
            new Entry(ReReviewConcluded.TYPE, Topics.LISTING_EVENTS, ReReviewConcluded.class),
            new Entry(ReReviewCompleted.TYPE, Topics.REVIEW_EVENTS, ReReviewCompleted.class),
            new Entry(EnterpriseChangeReported.TYPE, Topics.LISTING_OFFICE_EVENTS, EnterpriseChangeReported.class),
            new Entry(RecordCorrected.TYPE, Topics.LISTING_EVENTS, RecordCorrected.class),
            new Entry(Reconfirmed.TYPE, Topics.LISTING_EVENTS, Reconfirmed.class),
            new Entry(ReconfirmationOverdue.TYPE, Topics.LISTING_OFFICE_EVENTS, ReconfirmationOverdue.class),
            new Entry(SelfAssessmentUpdated.TYPE, Topics.LISTING_OFFICE_EVENTS, SelfAssessmentUpdated.class));

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::payload, Function.identity()));

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    public static Entry entryFor(Class<?> payload) {
        Entry entry = BY_CLASS.get(payload);
        if (entry == null) {
            throw new IllegalArgumentException("Not a cataloged event: " + payload.getName());
        }
        return entry;
    }

    private EventCatalog() {
    }
}
