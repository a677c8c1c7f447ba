package org.qingdan.application.intake.events;

import java.util.List;
import java.util.UUID;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.qingdan.application.call.domain.Call;
import org.qingdan.application.intake.domain.Actor;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationEvent;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.SubmittedVersion;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationNotAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationReturnedForCorrection;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.application.ParticipantNamed;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.CallSummary;

/**
 * Turns what the domain says happened into the published contract, with the whole form and the
 * metadata of its attachments, so that no consumer ever has to call application-service back.
 */
public final class ApplicationEventsAdapter {

    public static DomainEvent toContract(ApplicationEvent event, Application app, long aggregateVersion, Call call,
                                         List<AttachmentInfo> attachments) {
        UUID id = UUID.randomUUID();
        if (event instanceof ApplicationEvent.Submitted s) {
            return new ApplicationSubmitted(id, s.at(), app.id(), aggregateVersion, summary(call), s.version().number(),
                    name(s.version().submittedBy()), snapshot(s.version(), attachments), s.version().riskFlags());
        }
        if (event instanceof ApplicationEvent.Resubmitted r) {
            return new ApplicationResubmitted(id, r.at(), app.id(), aggregateVersion, summary(call), r.version().number(),
                    r.previousVersion(), name(r.version().submittedBy()), snapshot(r.version(), attachments),
                    r.version().riskFlags());
        }
        if (event instanceof ApplicationEvent.Withdrawn w) {
            return new ApplicationWithdrawn(id, w.at(), app.id(), aggregateVersion, app.callId(), app.ownerUscc(),
                    productName(app.draft()), contact(app.draft()), w.reason(), name(w.by()));
        }
        if (event instanceof ApplicationEvent.ReturnedForCorrection r) {
            return new ApplicationReturnedForCorrection(id, r.at(), app.id(), aggregateVersion, app.callId(),
                    r.formVersion(), app.ownerUscc(), productName(app.draft()), contact(app.draft()),
                    r.comments().stream().map(c -> new ApplicationReturnedForCorrection.FieldComment(c.field(), c.comment()))
                            .toList(), name(r.by()), r.correctionDueAt());
        }
        if (event instanceof ApplicationEvent.NotAccepted n) {
            return new ApplicationNotAccepted(id, n.at(), app.id(), aggregateVersion, app.callId(), n.formVersion(), app.ownerUscc(),
                    productName(app.currentVersion().form()), contact(app.currentVersion().form()), n.reason(), n.lapsed(),
                    name(n.by()));
        }
        if (event instanceof ApplicationEvent.ParticipantNamed n) {
            // an address the form knows for the participant: the enterprise section's, when it is that enterprise
            var e = app.draft().enterprise();
            String email = e != null && n.uscc().equals(e.uscc()) ? e.email() : null;
            return new ParticipantNamed(id, n.at(), app.id(), aggregateVersion, app.callId(), app.ownerUscc(), app.ownerName(),
                    productName(app.draft()), n.uscc(), n.name(), n.role(), email == null || email.isBlank() ? null : email, name(n.by()));
        }
        ApplicationEvent.Accepted a = (ApplicationEvent.Accepted) event;
        SubmittedVersion version = app.version(a.formVersion()).orElseThrow();
        return new ApplicationAccepted(id, a.at(), app.id(), aggregateVersion, summary(call), a.formVersion(),
                snapshot(version, attachments), version.riskFlags(), name(a.by()));
    }

    static CallSummary summary(Call call) {
        return new CallSummary(call.id(), call.title(), call.year(), call.publicNoticeDays(), call.reviewersPerApplication());
    }

    private static String name(Actor actor) {
        return actor.name();
    }

    private static String productName(ApplicationForm form) {
        return form.product() == null ? null : form.product().name();
    }

    private static ApplicationFormSnapshot.DesignatedContact contact(ApplicationForm form) {
        var c = form.contact();
        return c == null ? null : new ApplicationFormSnapshot.DesignatedContact(c.name(), c.phone(), c.department(), c.title(), c.email());
    }

    /** A submitted form is complete (FormRules passed), so required values are present here. */
    static ApplicationFormSnapshot snapshot(SubmittedVersion version, List<AttachmentInfo> attachments) {
        ApplicationForm f = version.form();
        var a = f.applicant();
        var e = f.enterprise();
        var p = f.product();
        var s = f.selfAssessment();
        var ev = f.operationalEvaluation();
        List<ApplicationFormSnapshot.Participant> participants = new java.util.ArrayList<>();
        for (int i = 0; i < f.participants().size(); i++) {
            var row = f.participants().get(i);
            participants.add(new ApplicationFormSnapshot.Participant(i + 1, row.name(), row.uscc(), row.role(),
                    yes(row.memberInstitution()), yes(row.scenarioProvider())));
        }
        return new ApplicationFormSnapshot(
                new ApplicationFormSnapshot.ApplicantOrganisation(a.name(), a.uscc(), a.leadKind(), a.registeredAddress(),
                        a.officeAddress(), a.financialLicenceNumber()),
                contact(f),
                participants,
                new ApplicationFormSnapshot.FintechEnterprise(e.name(), e.uscc(), e.enterpriseType(), e.mailingAddress(),
                        e.postcode(), e.contactName(), e.department(), e.title(), e.email(), e.mobile()),
                new ApplicationFormSnapshot.Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                        p.honours().stream().map(h -> new ApplicationFormSnapshot.Honour(h.kind(), h.name(), h.date(),
                                h.issuer(), h.supportingMaterialId())).toList(),
                        p.productType(), p.scenarios(), p.otherScenarioDescription()),
                new ApplicationFormSnapshot.SelfAssessment(
                        new ApplicationFormSnapshot.LegalCompliance(yes(s.legalCompliance().scenarioProvidedByMember()),
                                yes(s.legalCompliance().regulatoryExemptionOrAttention()),
                                yes(s.legalCompliance().violatesLawsBeyondExemption()), s.legalCompliance().rating()),
                        new ApplicationFormSnapshot.FinancialInnovation(yes(s.financialInnovation().empowersDigitalTransformation()),
                                yes(s.financialInnovation().orientedToRealEconomy()),
                                yes(s.financialInnovation().listedInXinchuangCatalogue()),
                                yes(s.financialInnovation().thirdPartyAdaptationReport()), s.financialInnovation().rating()),
                        new ApplicationFormSnapshot.RiskControl(yes(s.riskControl().risksIdentified()),
                                yes(s.riskControl().majorLatentRisk()), yes(s.riskControl().preventionAndCompensation()),
                                s.riskControl().rating()),
                        new ApplicationFormSnapshot.AfterSalesService(yes(s.afterSalesService().effectiveComplaintMechanism()),
                                yes(s.afterSalesService().afterSalesAgreementSigned()), s.afterSalesService().rating())),
                ev == null ? null : new ApplicationFormSnapshot.OperationalEvaluation(ev.issuerName(), ev.issuerUscc(),
                        ev.technicalSecurityAndInnovation(), ev.businessCompliance(), ev.riskControl(),
                        ev.painPointsSolved(), ev.effectAchieved(), ev.vendorServiceQuality(), ev.reportAttachmentId()),
                f.supportingMaterials().stream().map(m -> new ApplicationFormSnapshot.SupportingMaterial(m.id(), m.kind(),
                        m.title(), m.attachmentId())).toList(),
                f.eligibility().stream().map(c -> new ApplicationFormSnapshot.EligibilityClaim(c.basis(), c.evidence(),
                        c.attachmentId())).toList(),
                new ApplicationFormSnapshot.ApplicantOpinion(f.opinion().decision(), f.opinion().signatory(), f.opinion().date()),
                new ApplicationFormSnapshot.Commitment(yes(f.commitment().accepted()), f.commitment().signedFormAttachmentId()),
                attachments.stream().map(at -> new ApplicationFormSnapshot.AttachmentRef(at.id(), at.fileName(),
                        at.mediaType(), at.size(), at.sha256(), at.uploadedAt())).toList(),
                version.filingDate());
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private ApplicationEventsAdapter() {
    }
}
