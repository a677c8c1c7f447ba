package org.qingdan.application.intake.domain;

import java.time.Instant;
import java.util.List;

/** What happened to an application, as the domain says it; the events adapter turns these into contracts. */
public sealed interface ApplicationEvent {

    Instant at();

    record Submitted(SubmittedVersion version, Instant at) implements ApplicationEvent {
    }

    record Resubmitted(SubmittedVersion version, int previousVersion, Instant at) implements ApplicationEvent {
    }

    record Withdrawn(String reason, Actor by, Instant at) implements ApplicationEvent {
    }

    record ReturnedForCorrection(int formVersion, List<CorrectionComment> comments, Instant correctionDueAt, Actor by, Instant at)
            implements ApplicationEvent {
    }

    /** 不予受理: refused by the office with a reason, or lapsed when the correction deadline passed. */
    record NotAccepted(int formVersion, String reason, boolean lapsed, Actor by, Instant at) implements ApplicationEvent {
    }

    record Accepted(int formVersion, Actor by, Instant at) implements ApplicationEvent {
    }

    /** The lead named a participant (其他参与机构) with a role, or changed its role: it is asked to confirm. */
    record ParticipantNamed(String uscc, String name, String role, Actor by, Instant at) implements ApplicationEvent {
    }
}
