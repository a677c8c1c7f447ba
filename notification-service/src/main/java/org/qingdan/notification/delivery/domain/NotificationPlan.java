package org.qingdan.notification.delivery.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingdan.contracts.DomainEvent;
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
import org.qingdan.contracts.listing.SelfAssessmentUpdated;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.listing.ReportClosed;
import org.qingdan.contracts.listing.ReportFiled;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.contracts.listing.ReportResponseRequested;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewReadyForDecision;
import org.qingdan.contracts.review.ReviewSubmitted;
import org.qingdan.contracts.review.DiscussionPosted;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;

/**
 * Who hears of what (DOMAIN.md §5, issue 6): the applicant's designated contact of every step of its
 * application; reviewers of their assignments; the office of new submissions, withdrawals, quorum and objections;
 * an objecting member of its objection's outcome; a reporting member of its report's dismissal or re-review outcome; the office of reports on listed products and of re-review decisions, the
 * product's enterprise and lead applicant that a report exists (never who filed it), that they are asked to respond, and
 * of a re-review's opening and conclusion (Art. 12);
 * all members of every call opened and closed and of every public notice, listing and delisting (Art. 11, 12); the
 * applicant of a refusal at the formal check (不予受理) and before its correction deadline; a participant named in a joint
 * application, asked to confirm its role (Art. 8); the experts, office and committee of a case of a new post in its
 * discussion. Mail and the in-app inbox.
 */
public final class NotificationPlan {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public static List<Planned> forEvent(DomainEvent event, Optional<Contact> known, Recipients to) {
        List<Planned> plan = new ArrayList<>();
        if (event instanceof ApplicationSubmitted e) {
            var c = e.form().contact();
            Map<String, Object> v = values("productName", e.form().product().name(), "applicantName", e.form().applicant().name(),
                    "callTitle", e.call().title(), "formVersion", e.formVersion(), "riskFlags", e.riskFlags());
            applicant(plan, "application-submitted", c.email(), c.name(), e.form().applicant().uscc(), v);
            office(plan, "office-new-submission", to, v);
        } else if (event instanceof ApplicationResubmitted e) {
            var c = e.form().contact();
            Map<String, Object> v = values("productName", e.form().product().name(), "applicantName", e.form().applicant().name(),
                    "callTitle", e.call().title(), "formVersion", e.formVersion(), "riskFlags", e.riskFlags());
            applicant(plan, "application-submitted", c.email(), c.name(), e.form().applicant().uscc(), v);
            office(plan, "office-new-submission", to, v);
        } else if (event instanceof ApplicationReturnedForCorrection e) {
            Map<String, Object> v = values("productName", e.productName(), "formVersion", e.formVersion(),
                    "comments", e.comments().stream().map(x -> values("field", x.field(), "comment", x.comment())).toList(),
                    "correctionDueAt", e.correctionDueAt() == null ? null : TIME.format(e.correctionDueAt()));
            applicant(plan, "application-returned", e.contact().email(), e.contact().name(), e.applicantUscc(), v);
        } else if (event instanceof ApplicationNotAccepted e) {
            Map<String, Object> v = values("productName", e.productName(), "formVersion", e.formVersion(), "reason", e.reason(),
                    "lapsed", e.lapsed());
            applicant(plan, "application-not-accepted", e.contact() == null ? null : e.contact().email(),
                    e.contact() == null ? null : e.contact().name(), e.applicantUscc(), v);
        } else if (event instanceof CallOpened e) {
            // Art. 11: calls are announced to the members (定期面向会员单位征集)
            members(plan, "call-opened", to, values("title", e.title(), "year", e.year(), "opensAt", TIME.format(e.opensAt()),
                    "closesAt", TIME.format(e.closesAt()), "callId", e.aggregateId()));
        } else if (event instanceof ParticipantNamed e) {
            // Art. 8: the participant organisation is asked to confirm its role; mail where the form knows an address
            // (the enterprise's), and always the organisation's inbox, which every user of it reads
            applicant(plan, "participant-named", e.contactEmail(), e.participantName(), e.participantUscc(), values(
                    "participantName", e.participantName(), "leadName", e.leadName(), "productName", e.productName(),
                    "role", e.role(), "applicationId", e.aggregateId()));
        } else if (event instanceof CallClosed e) {
            members(plan, "call-closed", to, values("title", e.title(), "year", e.year(), "closedAt", TIME.format(e.closedAt()),
                    "callId", e.aggregateId()));
        } else if (event instanceof ApplicationAccepted e) {
            var c = e.form().contact();
            applicant(plan, "application-accepted", c.email(), c.name(), e.form().applicant().uscc(),
                    values("productName", e.form().product().name(), "callTitle", e.call().title(), "formVersion", e.formVersion()));
        } else if (event instanceof ApplicationWithdrawn e) {
            office(plan, "office-withdrawn", to, values("productName", e.productName(), "reason", e.reason(),
                    "applicantUscc", e.applicantUscc()));
        } else if (event instanceof ReviewerAssigned e) {
            Map<String, Object> v = values("productName", e.productName(), "reviewerName", e.reviewerName(),
                    "dueAt", TIME.format(e.dueAt()), "applicationId", e.applicationId());
            if (e.reviewerEmail() != null && !e.reviewerEmail().isBlank()) {
                plan.add(new Planned(Channel.EMAIL, Planned.mailto(e.reviewerEmail()), e.reviewerName(), "reviewer-assigned", v));
            }
            plan.add(new Planned(Channel.INBOX, "user:" + e.reviewerId(), e.reviewerName(), "reviewer-assigned", v));
        } else if (event instanceof ReviewSubmitted e) {
            // a receipt in the expert's own inbox (no mail): it is done, and hears no more of this task
            plan.add(new Planned(Channel.INBOX, "user:" + e.reviewerId(), e.reviewerId(), "review-submitted",
                    values("productName", e.productName(), "submittedAt", TIME.format(e.submittedAt()), "applicationId", e.applicationId())));
        } else if (event instanceof ReviewerUnassigned e) {
            Map<String, Object> v = values("productName", e.productName(), "reviewerName", e.reviewerName(), "applicationId", e.applicationId());
            if (e.reviewerEmail() != null && !e.reviewerEmail().isBlank()) {
                plan.add(new Planned(Channel.EMAIL, Planned.mailto(e.reviewerEmail()), e.reviewerName(), "reviewer-unassigned", v));
            }
            plan.add(new Planned(Channel.INBOX, "user:" + e.reviewerId(), e.reviewerName(), "reviewer-unassigned", v));
        } else if (event instanceof DiscussionPosted e) {
            // that there is a post, never what it says: the thread is read behind the login (see the contract)
            Map<String, Object> v = values("productName", e.productName(), "authorLabel", e.authorLabel(),
                    "postedAt", TIME.format(e.postedAt()), "applicationId", e.applicationId());
            for (DiscussionPosted.Reader r : e.readers()) {
                Map<String, Object> mine = new java.util.HashMap<>(v);
                mine.put("readerName", r.reviewerName() + "专家");
                if (r.reviewerEmail() != null && !r.reviewerEmail().isBlank()) {
                    plan.add(new Planned(Channel.EMAIL, Planned.mailto(r.reviewerEmail()), r.reviewerName(), "discussion-posted", mine));
                }
                plan.add(new Planned(Channel.INBOX, "user:" + r.reviewerId(), r.reviewerName(), "discussion-posted", mine));
            }
            if (!"OFFICE".equals(e.authorRole())) {
                Map<String, Object> office = new java.util.HashMap<>(v);
                office.put("readerName", "专委会办公室");
                office(plan, "discussion-posted", to, office);
            }
            if (!"COMMITTEE".equals(e.authorRole())) {
                // committee members read the thread when they decide; their inbox says there is more to read
                Map<String, Object> committee = new java.util.HashMap<>(v);
                committee.put("readerName", "专委会委员");
                plan.add(new Planned(Channel.INBOX, "role:committee", "专委会委员", "discussion-posted", committee));
            }
        } else if (event instanceof ReviewerRecused e) {
            office(plan, "office-reviewer-recused", to, values("productName", e.productName(), "reviewerName", e.reviewerName(),
                    "applicationId", e.applicationId()));
        } else if (event instanceof ReviewCaseClosed e) {
            // the withdrawal took effect: the review stopped, no decision will follow
            known.ifPresent(c -> applicant(plan, "withdrawal-confirmed", c.email(), c.name(), c.orgUscc(),
                    values("productName", e.productName(), "reason", e.reason())));
        } else if (event instanceof ReviewReadyForDecision e) {
            office(plan, "office-ready-for-decision", to, values("productName", e.productName(), "reviewCount", e.reviewCount(),
                    "disagree", e.reviewersDisagree()));
        } else if (event instanceof ReviewCompleted e) {
            applicant(plan, "review-completed", e.contact().email(), e.contact().name(), e.applicantUscc(),
                    values("productName", e.product().productName(), "approved", e.decision() == ReviewCompleted.Decision.APPROVED,
                            "decisionLabel", e.decision().label(), "reasons", e.reasons()));
        } else if (event instanceof PublicNoticeStarted e) {
            publicChange(plan, "public-notice-started", known, to, values("productName", e.product().productName(),
                    "enterpriseName", e.product().enterprise().name(), "noticeEndsAt", TIME.format(e.noticeEndsAt()),
                    "noticeDays", e.noticeDays(), "listingId", e.aggregateId()));
        } else if (event instanceof ProductListed e) {
            publicChange(plan, "product-listed", known, to, values("productName", e.product().productName(),
                    "enterpriseName", e.product().enterprise().name(), "edition", e.edition(), "listingId", e.aggregateId()));
        } else if (event instanceof ProductDelisted e) {
            publicChange(plan, "product-delisted", known, to, values("productName", e.product().productName(),
                    "enterpriseName", e.product().enterprise().name(), "reasonLabel", e.reason().label(),
                    "exclusionGroundLabel", e.exclusionGround() == null ? null : e.exclusionGround().label(),
                    "explanation", e.explanation(), "edition", e.edition(), "listingId", e.aggregateId()));
        } else if (event instanceof ObjectionLodged e) {
            office(plan, "office-objection-lodged", to, values("productName", e.productName(), "listingId", e.aggregateId(),
                    "lodgedAt", TIME.format(e.lodgedAt())));
        } else if (event instanceof ObjectionDecided e) {
            Map<String, Object> v = values("productName", e.product().productName(), "upheld", e.outcome() == ObjectionDecided.Outcome.UPHELD,
                    "outcomeLabel", e.outcome().label(), "reason", e.reason(), "listingId", e.aggregateId());
            if (e.outcome() == ObjectionDecided.Outcome.UPHELD) {
                publicChange(plan, "objection-decided", known, to, v);
            } else {
                known.ifPresent(c -> applicant(plan, "objection-decided", c.email(), c.name(), c.orgUscc(), v));
            }
        } else if (event instanceof ReportFiled e) {
            // Art. 12: the office triages; the enterprise and the lead applicant learn that a report exists, never who filed it
            Map<String, Object> v = values("productName", e.productName(), "kinds", kinds(e.kinds(), true), "kindsEn", kinds(e.kinds(), false),
                    "occurredOn", e.occurredOn().toString(), "listingId", e.listingId(), "reportId", e.aggregateId());
            office(plan, "office-report-filed", to, v);
            concerned(plan, "report-filed", e.enterpriseUscc(), e.leadApplicantUscc(), v);
        } else if (event instanceof ReportClosed e) {
            // the reporting organisation alone: its contact (if it ever applied) by mail, its inbox; nobody else learns who reported
            Map<String, Object> v = values("productName", e.productName(), "outcomeLabel", e.outcome().label(), "outcomeEn",
                    e.outcome().name().toLowerCase(java.util.Locale.ROOT), "dismissed", e.outcome() == ReportClosed.Outcome.DISMISSED,
                    "reasons", String.join("；", e.reasons()), "listingId", e.listingId(), "reportId", e.aggregateId());
            String email = known.filter(c -> e.reporterOrgUscc().equals(c.orgUscc())).map(Contact::email).orElse(null);
            String name = known.filter(c -> e.reporterOrgUscc().equals(c.orgUscc())).map(Contact::name).orElse(e.reporterOrgName());
            applicant(plan, "report-closed", email, name, e.reporterOrgUscc(), v);
        } else if (event instanceof ReportResponseRequested e) {
            concerned(plan, "report-response-requested", e.enterpriseUscc(), e.leadApplicantUscc(), values("productName", e.productName(),
                    "question", e.question(), "respondBy", TIME.format(e.respondBy()), "reportId", e.aggregateId()));
        } else if (event instanceof ReReviewRequested e) {
            // the enterprise and the lead applicant hear of it in their inboxes; the lead's designated contact by mail (ReReviewOpened)
            concerned(plan, "re-review-opened", e.product().enterprise().uscc(),
                    e.product().leadApplicant() == null ? null : e.product().leadApplicant().uscc(),
                    values("productName", e.product().productName(), "listingId", e.aggregateId()));
        } else if (event instanceof ReReviewOpened e) {
            known.filter(c -> c.email() != null && !c.email().isBlank()).ifPresent(c -> plan.add(new Planned(Channel.EMAIL,
                    Planned.mailto(c.email()), c.name(), "re-review-opened", values("productName", e.productName(), "listingId", e.aggregateId(),
                    "contactName", c.name()))));
        } else if (event instanceof ReReviewConcluded e) {
            boolean kept = e.outcome() == ReReviewConcluded.Outcome.KEPT;
            Map<String, Object> v = values("productName", e.productName(), "outcomeLabel", kept ? "复核保留" : "移出清单",
                    "outcomeEn", kept ? "kept on the list" : "delisted", "reasons", String.join("；", e.reasons()), "listingId", e.aggregateId());
            known.ifPresentOrElse(c -> applicant(plan, "re-review-concluded", c.email(), c.name(), c.orgUscc(), v),
                    () -> office(plan, "re-review-concluded", to, v));
        } else if (event instanceof ReReviewCompleted e) {
            boolean kept = e.outcome() == ReReviewCompleted.Outcome.KEEP_LISTED;
            office(plan, "office-re-review-completed", to, values("productName", e.productName(),
                    "outcomeLabel", kept ? "复核保留" : "移出清单（" + e.delistingReason().label() + "）",
                    "outcomeEn", kept ? "keep it listed" : "delist it (" + e.delistingReason().name() + ")",
                    "reasons", String.join("；", e.reasons()), "listingId", e.listingId()));
        } else if (event instanceof EnterpriseChangeReported e) {
            office(plan, "office-enterprise-change", to, values("productName", e.productName(), "orgName", e.reportedByOrgName(),
                    "kind", e.kind().label(), "kindEn", e.kind().name(), "effectiveOn", e.effectiveOn().toString(),
                    "description", e.description(), "listingId", e.listingId()));
        } else if (event instanceof RecordCorrected e) {
            // Art. 12: a change of the public list, publicised to all members
            publicChange(plan, "record-corrected", known, to, values("productName", e.product().productName(), "summary", e.summary(),
                    "edition", e.edition(), "listingId", e.aggregateId()));
        } else if (event instanceof Reconfirmed e) {
            Map<String, Object> v = values("productName", e.productName(), "confirmedAt", TIME.format(e.confirmedAt()),
                    "nextDueAt", TIME.format(e.nextDueAt()), "listingId", e.aggregateId());
            known.ifPresentOrElse(c -> applicant(plan, "reconfirmed", c.email(), c.name(), c.orgUscc(), v), () -> office(plan, "reconfirmed", to, v));
        } else if (event instanceof ReconfirmationOverdue e) {
            office(plan, "office-reconfirmation-overdue", to, values("productName", e.productName(), "leadName", e.leadApplicantName(),
                    "dueAt", TIME.format(e.dueAt()), "listingId", e.aggregateId()));
        } else if (event instanceof SelfAssessmentUpdated e) {
            // the ratings the lead declared at its re-confirmation: the office's, never the members' or a webhook's
            var r = e.ratings();
            office(plan, "office-self-assessment-updated", to, values("productName", e.productName(), "leadName", e.leadApplicantName(),
                    "confirmedAt", TIME.format(e.confirmedAt()), "explanation", e.explanation(), "listingId", e.aggregateId(),
                    "ratings", List.of(rating(AssessmentDimension.LEGAL_COMPLIANCE, r.legalCompliance()),
                            rating(AssessmentDimension.FINANCIAL_INNOVATION, r.financialInnovation()),
                            rating(AssessmentDimension.RISK_CONTROL, r.riskControl()),
                            rating(AssessmentDimension.AFTER_SALES_SERVICE, r.afterSalesService()))));
        } else if (event instanceof ObjectionOutcome e) {
            // the objecting organisation learns the outcome of its objection (its address is not known here: the inbox)
            applicant(plan, "objection-outcome", null, e.objectorOrgName(), e.objectorOrgUscc(), values("productName", e.productName(),
                    "upheld", e.outcome() == ObjectionDecided.Outcome.UPHELD, "outcomeLabel", e.outcome().label(), "reason", e.reason(),
                    "listingId", e.aggregateId(), "contactName", e.objectorOrgName()));
        }
        return plan;
    }

    private static Map<String, Object> rating(AssessmentDimension dimension, Rating rating) {
        return values("dimension", dimension.label(), "rating", rating.label());
    }

    /** The lead's reminder of its listed product's yearly re-confirmation, {@code days} before the anniversary (0: today). */
    public static List<Planned> reconfirmationReminder(String contactEmail, String leadName, String leadUscc, String productName,
                                                       Instant dueAt, int days) {
        List<Planned> plan = new ArrayList<>();
        applicant(plan, "reconfirmation-reminder", contactEmail, leadName, leadUscc, values("productName", productName,
                "dueAt", TIME.format(dueAt), "days", days, "today", days == 0));
        return plan;
    }

    /** The applicant's reminder before the correction deadline (补正期限) of a returned application. */
    public static List<Planned> correctionReminder(String contactEmail, String contactName, String applicantUscc, String productName,
                                                   int formVersion, Instant dueAt) {
        List<Planned> plan = new ArrayList<>();
        applicant(plan, "correction-reminder", contactEmail, contactName, applicantUscc, values("productName", productName,
                "formVersion", formVersion, "correctionDueAt", TIME.format(dueAt)));
        return plan;
    }

    /** A reviewer's reminder before the review deadline. */
    public static List<Planned> reminder(String reviewerId, String reviewerName, String reviewerEmail, String productName, Instant dueAt) {
        Map<String, Object> v = values("productName", productName, "reviewerName", reviewerName, "dueAt", TIME.format(dueAt));
        List<Planned> plan = new ArrayList<>();
        if (reviewerEmail != null && !reviewerEmail.isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(reviewerEmail), reviewerName, "review-reminder", v));
        }
        plan.add(new Planned(Channel.INBOX, "user:" + reviewerId, reviewerName, "review-reminder", v));
        return plan;
    }

    private static void applicant(List<Planned> plan, String template, String email, String name, String orgUscc,
                                  Map<String, Object> v) {
        Map<String, Object> values = new LinkedHashMap<>(v);
        values.put("contactName", name);
        if (email != null && !email.isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(email), name, template, values));
        }
        if (orgUscc != null) {
            plan.add(new Planned(Channel.INBOX, "org:" + orgUscc, name, template, values));
        }
    }

    /** The product's enterprise and lead applicant, each in its organisation's inbox (their addresses are not known here). */
    private static void concerned(List<Planned> plan, String template, String enterpriseUscc, String leadUscc, Map<String, Object> v) {
        applicant(plan, template, null, "产品所属企业", enterpriseUscc, v);
        if (leadUscc != null && !leadUscc.equals(enterpriseUscc)) {
            applicant(plan, template, null, "牵头申报单位", leadUscc, v);
        }
    }

    private static String kinds(List<ReportKind> kinds, boolean chinese) {
        return String.join(chinese ? "、" : ", ", kinds.stream().map(k -> chinese ? k.label() : k.name()).toList());
    }

    private static void office(List<Planned> plan, String template, Recipients to, Map<String, Object> v) {
        if (to.officeEmail() != null && !to.officeEmail().isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(to.officeEmail()), "金融科技专委会办公室", template, v));
        }
        plan.add(new Planned(Channel.INBOX, "role:office", "金融科技专委会办公室", template, v));
    }

    /**
     * Art. 11, 12: a change of the public list is publicised to all members: mail to the applicant's contact
     * and to the members' list; in the inbox once, to all (the applicant is a member too: an item to its
     * organisation as well showed it twice).
     */
    private static void publicChange(List<Planned> plan, String template, Optional<Contact> known,
                                     Recipients to, Map<String, Object> v) {
        known.filter(c -> c.email() != null && !c.email().isBlank()).ifPresent(c -> {
            Map<String, Object> values = new LinkedHashMap<>(v);
            values.put("contactName", c.name());
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(c.email()), c.name(), template, values));
        });
        if (to.membersEmail() != null && !to.membersEmail().isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(to.membersEmail()), "全体会员单位", template, v));
        }
        plan.add(new Planned(Channel.INBOX, "all", "全体会员单位", template, v));
    }

    /** To every member: the members' distribution list, and everyone's inbox once. */
    private static void members(List<Planned> plan, String template, Recipients to, Map<String, Object> v) {
        if (to.membersEmail() != null && !to.membersEmail().isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(to.membersEmail()), "全体会员单位", template, v));
        }
        plan.add(new Planned(Channel.INBOX, "all", "全体会员单位", template, v));
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private NotificationPlan() {
    }
}
