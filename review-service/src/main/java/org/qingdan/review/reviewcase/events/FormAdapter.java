package org.qingdan.review.reviewcase.events;

import java.util.List;
import java.util.function.Function;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.review.reviewcase.domain.ReviewedForm;

/**
 * The form under review to and from the contracts' {@code ApplicationFormSnapshot}: from it where an application event
 * comes in, back to it where the REST API or an event hands the form on. Field for field; {@code FormAdapterTest} keeps
 * both ways lossless.
 */
public final class FormAdapter {

    public static ReviewedForm toDomain(ApplicationFormSnapshot f) {
        if (f == null) {
            return null;
        }
        var a = f.applicant();
        var e = f.enterprise();
        var p = f.product();
        var o = f.opinion();
        var c = f.commitment();
        return new ReviewedForm(
                a == null ? null : new ReviewedForm.ApplicantOrganisation(a.name(), a.uscc(), a.leadKind(), a.registeredAddress(),
                        a.officeAddress(), a.financialLicenceNumber()),
                toDomain(f.contact()),
                map(f.participants(), x -> new ReviewedForm.Participant(x.rank(), x.name(), x.uscc(), x.role(), x.memberInstitution(),
                        x.scenarioProvider())),
                e == null ? null : new ReviewedForm.FintechEnterprise(e.name(), e.uscc(), e.enterpriseType(), e.mailingAddress(), e.postcode(),
                        e.contactName(), e.department(), e.title(), e.email(), e.mobile()),
                p == null ? null : new ReviewedForm.Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                        map(p.honours(), h -> new ReviewedForm.Honour(h.kind(), h.name(), h.date(), h.issuer(), h.supportingMaterialId())),
                        p.productType(), p.scenarios(), p.otherScenarioDescription()),
                toDomain(f.selfAssessment()),
                toDomain(f.operationalEvaluation()),
                map(f.supportingMaterials(), m -> new ReviewedForm.SupportingMaterial(m.id(), m.kind(), m.title(), m.attachmentId())),
                map(f.eligibility(), x -> new ReviewedForm.EligibilityClaim(x.basis(), x.evidence(), x.attachmentId())),
                o == null ? null : new ReviewedForm.ApplicantOpinion(o.decision(), o.signatory(), o.date()),
                c == null ? null : new ReviewedForm.Commitment(c.accepted(), c.signedFormAttachmentId()),
                map(f.attachments(), x -> new ReviewedForm.AttachmentRef(x.id(), x.fileName(), x.mediaType(), x.size(), x.sha256(),
                        x.uploadedAt())),
                f.filingDate());
    }

    public static ApplicationFormSnapshot toContract(ReviewedForm f) {
        if (f == null) {
            return null;
        }
        var a = f.applicant();
        var e = f.enterprise();
        var p = f.product();
        var o = f.opinion();
        var c = f.commitment();
        return new ApplicationFormSnapshot(
                a == null ? null : new ApplicationFormSnapshot.ApplicantOrganisation(a.name(), a.uscc(), a.leadKind(), a.registeredAddress(),
                        a.officeAddress(), a.financialLicenceNumber()),
                toContract(f.contact()),
                map(f.participants(), x -> new ApplicationFormSnapshot.Participant(x.rank(), x.name(), x.uscc(), x.role(),
                        x.memberInstitution(), x.scenarioProvider())),
                e == null ? null : new ApplicationFormSnapshot.FintechEnterprise(e.name(), e.uscc(), e.enterpriseType(), e.mailingAddress(),
                        e.postcode(), e.contactName(), e.department(), e.title(), e.email(), e.mobile()),
                p == null ? null : new ApplicationFormSnapshot.Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                        map(p.honours(), h -> new ApplicationFormSnapshot.Honour(h.kind(), h.name(), h.date(), h.issuer(),
                                h.supportingMaterialId())),
                        p.productType(), p.scenarios(), p.otherScenarioDescription()),
                toContract(f.selfAssessment()),
                toContract(f.operationalEvaluation()),
                map(f.supportingMaterials(), m -> new ApplicationFormSnapshot.SupportingMaterial(m.id(), m.kind(), m.title(), m.attachmentId())),
                map(f.eligibility(), x -> new ApplicationFormSnapshot.EligibilityClaim(x.basis(), x.evidence(), x.attachmentId())),
                o == null ? null : new ApplicationFormSnapshot.ApplicantOpinion(o.decision(), o.signatory(), o.date()),
                c == null ? null : new ApplicationFormSnapshot.Commitment(c.accepted(), c.signedFormAttachmentId()),
                map(f.attachments(), x -> new ApplicationFormSnapshot.AttachmentRef(x.id(), x.fileName(), x.mediaType(), x.size(),
                        x.sha256(), x.uploadedAt())),
                f.filingDate());
    }

    static ReviewedForm.DesignatedContact toDomain(ApplicationFormSnapshot.DesignatedContact c) {
        return c == null ? null : new ReviewedForm.DesignatedContact(c.name(), c.phone(), c.department(), c.title(), c.email());
    }

    /** The designated contact as the contract names it (ReviewCompleted carries it to the applicant's notifications). */
    static ApplicationFormSnapshot.DesignatedContact toContract(ReviewedForm.DesignatedContact c) {
        return c == null ? null : new ApplicationFormSnapshot.DesignatedContact(c.name(), c.phone(), c.department(), c.title(), c.email());
    }

    private static ReviewedForm.SelfAssessment toDomain(ApplicationFormSnapshot.SelfAssessment s) {
        if (s == null) {
            return null;
        }
        var l = s.legalCompliance();
        var i = s.financialInnovation();
        var r = s.riskControl();
        var a = s.afterSalesService();
        return new ReviewedForm.SelfAssessment(
                l == null ? null : new ReviewedForm.LegalCompliance(l.scenarioProvidedByMember(), l.regulatoryExemptionOrAttention(),
                        l.violatesLawsBeyondExemption(), l.rating()),
                i == null ? null : new ReviewedForm.FinancialInnovation(i.empowersDigitalTransformation(), i.orientedToRealEconomy(),
                        i.listedInXinchuangCatalogue(), i.thirdPartyAdaptationReport(), i.rating()),
                r == null ? null : new ReviewedForm.RiskControl(r.risksIdentified(), r.majorLatentRisk(), r.preventionAndCompensation(), r.rating()),
                a == null ? null : new ReviewedForm.AfterSalesService(a.effectiveComplaintMechanism(), a.afterSalesAgreementSigned(), a.rating()));
    }

    private static ApplicationFormSnapshot.SelfAssessment toContract(ReviewedForm.SelfAssessment s) {
        if (s == null) {
            return null;
        }
        var l = s.legalCompliance();
        var i = s.financialInnovation();
        var r = s.riskControl();
        var a = s.afterSalesService();
        return new ApplicationFormSnapshot.SelfAssessment(
                l == null ? null : new ApplicationFormSnapshot.LegalCompliance(l.scenarioProvidedByMember(), l.regulatoryExemptionOrAttention(),
                        l.violatesLawsBeyondExemption(), l.rating()),
                i == null ? null : new ApplicationFormSnapshot.FinancialInnovation(i.empowersDigitalTransformation(), i.orientedToRealEconomy(),
                        i.listedInXinchuangCatalogue(), i.thirdPartyAdaptationReport(), i.rating()),
                r == null ? null : new ApplicationFormSnapshot.RiskControl(r.risksIdentified(), r.majorLatentRisk(), r.preventionAndCompensation(),
                        r.rating()),
                a == null ? null : new ApplicationFormSnapshot.AfterSalesService(a.effectiveComplaintMechanism(), a.afterSalesAgreementSigned(),
                        a.rating()));
    }

    private static ReviewedForm.OperationalEvaluation toDomain(ApplicationFormSnapshot.OperationalEvaluation e) {
        return e == null ? null : new ReviewedForm.OperationalEvaluation(e.issuerName(), e.issuerUscc(), e.technicalSecurityAndInnovation(),
                e.businessCompliance(), e.riskControl(), e.painPointsSolved(), e.effectAchieved(), e.vendorServiceQuality(),
                e.reportAttachmentId());
    }

    private static ApplicationFormSnapshot.OperationalEvaluation toContract(ReviewedForm.OperationalEvaluation e) {
        return e == null ? null : new ApplicationFormSnapshot.OperationalEvaluation(e.issuerName(), e.issuerUscc(),
                e.technicalSecurityAndInnovation(), e.businessCompliance(), e.riskControl(), e.painPointsSolved(), e.effectAchieved(),
                e.vendorServiceQuality(), e.reportAttachmentId());
    }

    /** A list element by element; null stays null (forms of earlier releases may lack a list). */
    private static <A, B> List<B> map(List<A> list, Function<A, B> each) {
        return list == null ? null : list.stream().map(each).toList();
    }

    private FormAdapter() {
    }
}
