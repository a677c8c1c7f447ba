package org.qingdan.listing.register;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ReReview;
import org.qingdan.listing.register.domain.RegisterEvent;
import org.qingdan.listing.register.domain.SelfAssessmentUpdate;
import org.qingdan.listing.register.events.ListingEventsAdapter;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.listing.register.persistence.RegisterMigration;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.qingdan.support.outbox.VersionedStore.Written;
import org.qingdan.support.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The use cases of the list. Every change of a listing goes through {@link #execute}: read that one
 * listing, decide, write once against its revision, retry on a race. A change of the public list then
 * gets its edition ({@link #sequence}); commands on other listings never wait for it.
 */
@Service
public class RegisterService {

    /** Listings listed per query round at the end of their notice. */
    private static final int DUE_BATCH = 100;

    private final ListingStore listings;
    private final PublicVersion publicVersion;
    private final EditionStore editions;
    private final Clock clock;
    private final AuditRecorder audit;
    private final ObjectProvider<ReReviewFollowers> followers;

    /** The aggregate type of listings in the audit trail (keyed by the application id, as the listing is). */
    public static final String AUDIT_TYPE = "listing";

    /** {@code migration}: the list of the first layout is migrated before anything here runs. */
    public RegisterService(ListingStore listings, EditionStore editions, Clock clock, RegisterMigration migration, AuditRecorder audit,
                           ObjectProvider<ReReviewFollowers> followers, PublicVersion publicVersion) {
        this.publicVersion = publicVersion;
        this.followers = followers; // resolved when used: the followers depend on this service
        this.audit = audit;
        this.listings = listings;
        this.editions = editions;
        this.clock = clock;
    }

    /** The committee approved: public notice starts. Idempotent per application (a redelivery finds the listing). */
    public Listing startNotice(String applicationId, ListedProduct product, int noticeDays) {
        Listing started = Listing.startNotice(applicationId, product, noticeDays, clock.instant());
        if (listings.insert(started, List.of())) {
            publicVersion.bump();
            audit.recordSystem(AUDIT_TYPE, applicationId, "review-service", "金融科技专委会", "PUBLIC_NOTICE_STARTED",
                    "专委会审核通过，公示开始（" + noticeDays + " 天）");
            return sequence(new Versioned<>(started, 0));
        }
        // redelivered: make sure a change a crash left without its edition gets it now
        return listings.find(applicationId).map(this::completePending).orElseThrow();
    }

    /** Lists every product whose notice has ended with nothing holding it back. Returns how many. */
    public int listDue() {
        int listed = 0;
        String after = null;
        while (true) {
            List<String> due = listings.dueIds(clock.instant(), after, DUE_BATCH);
            for (String id : due) {
                if (execute(id, l -> l.listIfDue(clock.instant())).changed()) {
                    audit.recordSystem(AUDIT_TYPE, id, "system", "系统", "LISTED", "公示期满，纳入清单");
                    listed++;
                }
            }
            if (due.size() < DUE_BATCH) {
                return listed;
            }
            after = due.get(due.size() - 1);
        }
    }

    /** Gives their editions to changes a crash left pending. Returns how many. */
    public int completePending() {
        int done = 0;
        for (String id : listings.pendingIds(DUE_BATCH)) {
            listings.find(id).ifPresent(this::completePending);
            done++;
        }
        return done;
    }

    public Listing lodgeObjection(CurrentUser member, String listingId, String grounds, String evidence) {
        String org = member.organisation().orElse(null);
        if (org == null || !member.isMember()) {
            throw Refusal.forbidden("只有会员单位的申报用户（applicant、vendor）可以提出公示异议");
        }
        return audited(member, listingId, "OBJECTION_LODGED", "提出公示异议：" + grounds,
                execute(listingId, l -> l.lodgeObjection(member.username(), org, member.orgName(), grounds, evidence, clock.instant())));
    }

    public Listing decideObjection(CurrentUser office, String listingId, String objectionId, boolean uphold, String reason) {
        return audited(office, listingId, uphold ? "OBJECTION_UPHELD" : "OBJECTION_DISMISSED",
                "异议 " + objectionId + (uphold ? " 成立：" : " 不成立：") + reason,
                execute(listingId, l -> l.decideObjection(objectionId, uphold, reason, office.username(), clock.instant(),
                        editions.head().number())));
    }

    public Listing delist(CurrentUser office, String listingId, DelistingReason reason, ExclusionGround ground,
                          String explanation, String evidence) {
        return audited(office, listingId, "DELISTED", "移出清单：" + (reason == null ? "" : reason.label())
                        + (ground == null ? "" : "（" + ground.label() + "）") + "；" + explanation,
                execute(listingId, l -> l.delist(reason, ground, explanation, evidence, office.username(), clock.instant())));
    }

    /**
     * The office opens a re-review of a listed product on a report (the report feature calls this with the brief).
     * Repeating it with the same id changes nothing.
     */
    public Listing openReReview(CurrentUser office, String listingId, String reReviewId, ReReview.Brief brief) {
        return audited(office, listingId, "RE_REVIEW_OPENED", "就情况反映 " + brief.reportId() + " 启动复核：" + brief.reason(),
                execute(listingId, l -> l.openReReview(reReviewId, brief, office.username(), clock.instant())));
    }

    /**
     * The committee's conclusion of a re-review, from review-service; a redelivery finds it concluded. The followers
     * (the report it came from) hear it every time, so that a crash between the two writes loses nothing.
     */
    public Listing.Outcome concludeReReview(String listingId, ReReview.Conclusion conclusion) {
        Listing.Outcome outcome = execute(listingId, l -> l.concludeReReview(conclusion, clock.instant()));
        followers.orderedStream().forEach(f -> f.concluded(conclusion.reReviewId(), conclusion.keep(), conclusion.reasons()));
        if (outcome.changed()) {
            audit.recordSystem(AUDIT_TYPE, listingId, "review-service", "金融科技专委会", conclusion.keep() ? "RE_REVIEW_KEPT" : "RE_REVIEW_DELISTED",
                    (conclusion.keep() ? "复核保留：" : "复核结论移出清单（" + conclusion.reason().label() + "）：")
                            + String.join("；", conclusion.reasons()) + "（" + conclusion.decidedBy() + "）");
        }
        return outcome;
    }

    /** The office accepted a major change of the enterprise: the public record is corrected, in a new edition. */
    public Listing correctRecord(CurrentUser office, String listingId, String correctionId,
                                 org.qingdan.contracts.listing.EnterpriseChangeKind change, String newEnterpriseName, String newEnterpriseUscc,
                                 String note) {
        return audited(office, listingId, "RECORD_CORRECTED", "信息更正（" + change.label() + "，变更报告 " + correctionId + "）：" + note,
                execute(listingId, l -> l.correctRecord(correctionId, change, newEnterpriseName, newEnterpriseUscc, note, clock.instant())));
    }

    /**
     * The lead re-confirms a listed product for the year (年度确认): its lead applicant (or, when the enterprise leads, the
     * enterprise), as an applicant or vendor user of that organisation. A self-assessment no longer accurate comes with
     * its ratings as they are now ({@code update}), kept with the confirmation for the office and the lead.
     */
    public Listing reconfirm(CurrentUser user, String listingId, Boolean inProduction, Boolean noUnreportedIncident,
                             Boolean selfAssessmentAccurate, SelfAssessmentUpdate update, String note) {
        Listing.Outcome outcome = execute(listingId, l -> {
            requireLead(user, l, "只有牵头申报单位可以进行年度确认");
            return l.reconfirm(inProduction, noUnreportedIncident, selfAssessmentAccurate, update, note, user.username(), clock.instant());
        });
        SelfAssessmentUpdate declared = outcome.events().stream().filter(RegisterEvent.Reconfirmed.class::isInstance)
                .map(e -> ((RegisterEvent.Reconfirmed) e).selfAssessmentUpdate()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return audited(user, listingId, "RECONFIRMED", "年度确认" + (declared == null ? "" : "（自主评估已更新：" + declared.summary() + "；"
                + declared.explanation() + "）") + (note == null || note.isBlank() ? "" : "：" + note), outcome);
    }

    /**
     * A listed product's re-confirmations with what the lead declared (the self-assessments updated among them): for the
     * office and the users of its lead organisation, never public.
     */
    public Listing reconfirmations(CurrentUser user, String listingId) {
        Listing l = find(listingId).state();
        if (!user.isOffice()) {
            requireLead(user, l, "只有专委会办公室和牵头申报单位可以查看年度确认记录");
        }
        return l;
    }

    private static void requireLead(CurrentUser user, Listing l, String refusal) {
        if (!user.isMember() || !user.belongsTo(l.lead().uscc())) {
            throw Refusal.forbidden(refusal);
        }
    }

    /** Flags to the office every listed product whose re-confirmation is overdue, once per anniversary. Returns how many. */
    public int flagOverdue() {
        int flagged = 0;
        String after = null;
        while (true) {
            List<String> due = listings.reconfirmationOverdueIds(clock.instant(), after, DUE_BATCH);
            for (String id : due) {
                if (execute(id, l -> l.flagOverdue(clock.instant())).changed()) {
                    audit.recordSystem(AUDIT_TYPE, id, "system", "系统", "RECONFIRMATION_OVERDUE", "年度确认逾期，已告知专委会办公室");
                    flagged++;
                }
            }
            if (due.size() < DUE_BATCH) {
                return flagged;
            }
            after = due.get(due.size() - 1);
        }
    }

    /** The office records it, or the enterprise itself (or the lead applicant) asks for it. */
    public Listing withdrawVoluntarily(CurrentUser user, String listingId, String explanation) {
        boolean office = user.isOffice();
        return audited(user, listingId, "WITHDRAWN", "自愿退出（第三条）：" + explanation, execute(listingId, l -> {
            if (!office && (!l.ownedBy(user::belongsTo) || !user.isMember())) {
                throw Refusal.forbidden("只有产品所属企业、牵头申报单位或专委会办公室可以申请自愿退出");
            }
            return l.withdrawVoluntarily(explanation, user.username(), clock.instant());
        }));
    }

    /** The command in the audit trail when it changed the listing (a repeated one does not). */
    private Listing audited(CurrentUser user, String listingId, String action, String detail, Listing.Outcome outcome) {
        if (outcome.changed()) {
            audit.record(AUDIT_TYPE, listingId, user, action, detail);
        }
        return outcome.listing();
    }

    /** One page of a listing's audit trail, oldest first (the office). */
    public AuditRecorder.Page trail(String listingId, int page, int size) {
        listings.find(listingId).orElseThrow(() -> Refusal.notFound("清单条目 " + listingId + " 不存在"));
        return audit.trail(AUDIT_TYPE, listingId, page, size);
    }

    private Listing.Outcome execute(String listingId, Function<Listing, Listing.Outcome> command) {
        var decided = new Object() {
            Listing.Outcome outcome;
        };
        Written<Listing> written = listings.change(listingId, read -> {
            if (read.state().pendingEdition() != null) {
                sequence(read); // the previous change first: its edition and event come before this one's
                throw new OptimisticLockingFailureException("listing " + listingId + " moved on: its pending edition was completed");
            }
            decided.outcome = command.apply(read.state()); // the domain says whether it changed (a repeated command does not)
            return decided.outcome.changed() ? Write.of(decided.outcome.listing(), decided.outcome.events().stream()
                    .flatMap(e -> ListingEventsAdapter.toContract(e, clock.instant()).stream()).toList()) : Write.nothing();
        }).orElseThrow(() -> notFound(listingId));
        if (!written.changed()) {
            return decided.outcome;
        }
        publicVersion.bump();
        if (written.state().pendingEdition() == null) {
            return decided.outcome;
        }
        return new Listing.Outcome(sequence(written.after()), List.of(), true);
    }

    private static ListingRefused notFound(String listingId) {
        return new ListingRefused(ListingRefused.Reason.NOT_FOUND, null, "not-found", "清单条目 " + listingId + " 不存在");
    }

    private Versioned<Listing> find(String listingId) {
        return listings.find(listingId).orElseThrow(() -> notFound(listingId));
    }

    private Listing completePending(Versioned<Listing> read) {
        return read.state().pendingEdition() == null ? read.state() : sequence(read);
    }

    /** The second write of a change of the list: its edition, then the listing with the number and the event. */
    private Listing sequence(Versioned<Listing> read) {
        Edition edition = editions.append(read.state(), clock.instant());
        Listing.Sequenced sequenced = read.state().sequence(edition);
        try {
            listings.update(read, sequenced.listing(), ListingEventsAdapter.toContract(sequenced.event(), clock.instant()));
            publicVersion.bump();
            return sequenced.listing();
        } catch (OptimisticLockingFailureException sequencedElsewhere) {
            // another instance (or the schedule) completed this change at the same time: its write stands
            return listings.find(read.state().id()).map(Versioned::state).orElseThrow();
        }
    }
}
