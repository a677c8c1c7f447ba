package org.qingdan.review.reviewcase;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.CallRef;
import org.qingdan.review.reviewcase.domain.DelistingReason;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.review.reviewcase.domain.ReReviewSubject;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewerMatching;
import org.qingdan.review.reviewcase.events.CallAdapter;
import org.qingdan.review.reviewcase.events.FormAdapter;
import org.qingdan.review.reviewcase.events.ReReviewAdapter;
import org.qingdan.review.reviewcase.events.ReviewEventsAdapter;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.review.reviewer.persistence.ReviewerStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.qingdan.support.outbox.VersionedStore.Written;
import org.qingdan.support.query.Page;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The use cases of review. A reviewer reaches only the cases it is assigned to; the office and the
 * committee reach all. Changes are saved with their events in one write; the decision is never retried,
 * so of two concurrent decisions one wins and the other gets 409.
 */
@Service
public class ReviewService {

    private final ReviewCaseStore cases;
    private final ReviewerStore reviewers;
    private final Clock clock;
    private final Duration reviewPeriod;
    private final MeterRegistry meters;
    private final AuditRecorder audit;
    /** Experts per re-review case (a re-review has no call to say it). */
    private final int reReviewers;

    /** The aggregate types of the audit trail: a review case (keyed by the application id) and a pool expert. */
    public static final String AUDIT_CASE = "review-case";
    public static final String AUDIT_REVIEWER = "reviewer";

    public ReviewService(ReviewCaseStore cases, ReviewerStore reviewers, Clock clock,
                         @Value("${qingdan.review.period:P14D}") Duration reviewPeriod, MeterRegistry meters, AuditRecorder audit,
                         @Value("${qingdan.review.re-review-reviewers:3}") int reReviewers) {
        this.reReviewers = reReviewers;
        this.audit = audit;
        this.cases = cases;
        this.reviewers = reviewers;
        this.clock = clock;
        this.reviewPeriod = reviewPeriod;
        this.meters = meters;
    }

    public static boolean isOffice(CurrentUser u) {
        return u.isOffice();
    }

    public static boolean seesAll(CurrentUser u) {
        return u.hasAnyRole(Roles.OFFICE, Roles.ADMIN, Roles.COMMITTEE);
    }

    // --- from application-service's events (idempotent) ---

    public void accepted(ApplicationAccepted e) {
        var existing = cases.find(e.aggregateId());
        if (existing.isEmpty()) {
            try {
                cases.insert(ReviewCase.open(e.aggregateId(), CallAdapter.toDomain(e.call()), e.formVersion(), FormAdapter.toDomain(e.form()),
                        e.riskFlags(), clock.instant()));
                audit.recordSystem(AUDIT_CASE, e.aggregateId(), "application-service", "受理", "OPENED",
                        "申报已受理（第 " + e.formVersion() + " 版，受理人 " + e.acceptedBy() + "），评审开始");
                return;
            } catch (DuplicateKeyException openedMeanwhile) {
                existing = cases.find(e.aggregateId());
            }
        }
        if (applied(e.aggregateId(), c -> new ReviewCase.Outcome(c.withSnapshot(e.formVersion(), FormAdapter.toDomain(e.form()), e.riskFlags()), List.of())).changed()) {
            audit.recordSystem(AUDIT_CASE, e.aggregateId(), "application-service", "受理", "FORM_UPDATED", "受理的申报表：第 " + e.formVersion() + " 版");
        }
    }

    public void resubmitted(ApplicationResubmitted e) {
        if (cases.find(e.aggregateId()).isPresent()) {
            if (applied(e.aggregateId(), c -> new ReviewCase.Outcome(c.withSnapshot(e.formVersion(), FormAdapter.toDomain(e.form()), e.riskFlags()), List.of())).changed()) {
                audit.recordSystem(AUDIT_CASE, e.aggregateId(), "application-service", "申报单位", "FORM_UPDATED",
                        "补正后重新提交：第 " + e.formVersion() + " 版");
            }
        }
    }

    public void withdrawn(ApplicationWithdrawn e) {
        if (cases.find(e.aggregateId()).isPresent()) {
            if (applied(e.aggregateId(), c -> c.withdraw("申报单位撤回：" + e.reason())).changed()) {
                audit.recordSystem(AUDIT_CASE, e.aggregateId(), "application-service", "申报单位", "WITHDRAWN", "申报单位撤回：" + e.reason());
            }
        }
    }

    // --- from listing-service's events (idempotent) ---

    /** The office opened a re-review of a listed product: a case opens once, whatever the redeliveries. */
    public void reReviewRequested(ReReviewRequested e) {
        ReReviewSubject subject = ReReviewAdapter.toDomain(e);
        try {
            cases.insert(ReviewCase.openReReview(subject, reReviewers, clock.instant()));
            audit.recordSystem(AUDIT_CASE, e.reReviewId(), "listing-service", "专委会办公室", "RE_REVIEW_OPENED",
                    "清单产品“" + e.product().productName() + "”收到情况反映，启动复核：" + e.reason() + "（" + e.requestedBy() + "）");
        } catch (DuplicateKeyException openedBefore) {
            // redelivered: the case is open already
        }
    }

    /** Whether this conclusion of a re-review would be recorded (for the confirmation page); records nothing. */
    public void checkReReviewDecision(CurrentUser user, String id, boolean keep, DelistingReason reason, ExclusionGround ground,
                                      List<String> reasons) {
        requireCommittee(user);
        get(user, id).state().decideReReview(keep, reason, ground, reasons, user.username(), clock.instant());
    }

    private static void requireCommittee(CurrentUser user) {
        if (!user.hasAnyRole(Roles.COMMITTEE, Roles.OFFICE, Roles.ADMIN)) {
            throw Refusal.forbidden("只有专委会委员或办公室可以记录复核结论");
        }
    }

    /** The committee's conclusion of a re-review: keep the product listed, or delist it for an Art. 12 reason. Once. */
    public ReviewCase decideReReview(CurrentUser user, String id, boolean keep, DelistingReason reason, ExclusionGround ground,
                                     List<String> reasons, Long expectedVersion) {
        requireCommittee(user);
        Versioned<ReviewCase> current = get(user, id);
        org.qingdan.support.web.IfMatch.require(expectedVersion, current.version());
        ReviewCase.Outcome outcome = current.state().decideReReview(keep, reason, ground, reasons, user.username(), clock.instant());
        save(current, outcome);
        audit.record(AUDIT_CASE, id, user, keep ? "RE_REVIEW_KEPT" : "RE_REVIEW_DELISTED", "复核结论：" + (keep ? "保留" : "移出清单（"
                + reason.label() + (ground == null ? "" : "，" + ground.label()) + "）") + "；理由：" + String.join("；", reasons));
        return outcome.reviewCase();
    }

    // --- reads ---

    /**
     * One page of the cases the user may see, newest first: every case for the office and the committee, the
     * cases where an expert's assignment is active for that expert.
     */
    public Page<ReviewCase> visibleCases(CurrentUser user, CaseQuery query) {
        if (seesAll(user)) {
            return cases.page(query, null, clock.instant());
        }
        if (user.hasRole(Roles.REVIEWER)) {
            return cases.page(query, user.username(), clock.instant());
        }
        throw Refusal.forbidden("只有评审专家、专委会及其办公室可以查看评审");
    }

    /** The calls that have cases, for the list's filter. */
    public List<CallRef> calls() {
        return cases.calls();
    }

    /** Each expert of the pool as a candidate for this case: open load, expertise and any conflict of interest. */
    public List<ReviewerMatching.Candidate> candidates(CurrentUser office, ReviewCase c) {
        requireOffice(office);
        var loads = cases.openLoads();
        ReviewerMatching matching = ReviewerMatching.of(c);
        return reviewers.all().stream().map(r -> matching.candidate(r, loads.getOrDefault(r.id(), 0))).toList();
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    public Versioned<ReviewCase> get(CurrentUser user, String id) {
        Versioned<ReviewCase> found = cases.find(id).orElseThrow(() -> Refusal.notFound("评审 " + id + " 不存在"));
        if (seesAll(user)) {
            return found;
        }
        if (user.hasRole(Roles.REVIEWER) && found.state().assignmentOf(user.username()).filter(Assignment::active).isPresent()) {
            return found;
        }
        throw Refusal.notFound("评审 " + id + " 不存在");
    }

    // --- the office ---

    public ReviewCase autoAssign(CurrentUser office, String id) {
        requireOffice(office);
        // the whole pool is read: it is the office's curated list of experts (hundreds at most), not a growing
        // collection; the loads come from one aggregation over the cases under review, never from the cases
        Written<ReviewCase> done = applied(id, c -> c.autoAssign(reviewers.all(), cases.openLoads(), office.username(), clock.instant(), reviewPeriod));
        return audited(office, id, done, "AUTO_ASSIGNED", "自动分配评审专家：" + String.join("、",
                done.state().activeAssignments().stream().map(a -> a.reviewerId()).toList()));
    }

    public ReviewCase assign(CurrentUser office, String id, String reviewerId) {
        requireOffice(office);
        Reviewer reviewer = reviewers.find(reviewerId).orElseThrow(() -> Refusal.notFound("专家 " + reviewerId + " 不在专家库中"));
        return audited(office, id, applied(id, c -> c.assign(reviewer, cases.openLoad(reviewerId), office.username(), clock.instant(), reviewPeriod)),
                "ASSIGNED", "分配评审专家 " + reviewerId);
    }

    /** The office takes an expert off the case (before its review is submitted), e.g. to assign another. */
    public ReviewCase removeAssignment(CurrentUser office, String id, String reviewerId, String reason) {
        requireOffice(office);
        return audited(office, id, applied(id, c -> c.unassign(reviewerId, reason, office.username())),
                "UNASSIGNED", "撤下评审专家 " + reviewerId + "：" + reason);
    }

    /** Replaces one expert by another in one step: the removal and the assignment are one write of the case. */
    public ReviewCase replace(CurrentUser office, String id, String removedId, String reviewerId, String reason) {
        requireOffice(office);
        Reviewer reviewer = reviewers.find(reviewerId).orElseThrow(() -> Refusal.notFound("专家 " + reviewerId + " 不在专家库中"));
        return audited(office, id, applied(id, c -> {
                    ReviewCase.Outcome removed = c.unassign(removedId, reason, office.username());
                    ReviewCase.Outcome assigned = removed.reviewCase().assign(reviewer, cases.openLoad(reviewerId), office.username(),
                            clock.instant(), reviewPeriod);
                    return new ReviewCase.Outcome(assigned.reviewCase(),
                            java.util.stream.Stream.concat(removed.events().stream(), assigned.events().stream()).toList());
                }),
                "REPLACED", "以评审专家 " + reviewerId + " 替换 " + removedId + "：" + reason);
    }

    /** The office shows the case's experts each other's names, or hides them again (专家一/二/三). */
    public ReviewCase showExpertNames(CurrentUser office, String id, boolean shown) {
        requireOffice(office);
        return audited(office, id, applied(id, c -> new ReviewCase.Outcome(c.withExpertNamesShown(shown), List.of())),
                shown ? "EXPERT_NAMES_SHOWN" : "EXPERT_NAMES_HIDDEN", shown ? "专家之间显示姓名" : "专家之间以专家一、二、三相称");
    }

    public java.util.Optional<Reviewer> reviewer(String id) {
        return reviewers.find(id);
    }

    // --- the reviewer ---

    public ReviewCase declareConflict(CurrentUser reviewer, String id, String reason) {
        get(reviewer, id);
        return audited(reviewer, id, applied(id, c -> c.declareConflict(reviewer.username(), reason)), "RECUSED", "声明利益冲突，回避：" + reason);
    }

    public ReviewCase saveDraft(CurrentUser reviewer, String id, Review draft) {
        get(reviewer, id);
        return audited(reviewer, id, applied(id, c -> new ReviewCase.Outcome(c.saveDraft(reviewer.username(), draft, clock.instant()), List.of())),
                "REVIEW_SAVED", "保存评审意见草稿");
    }

    /** Whether the expert's saved draft would be accepted as submitted; refused with every missing part. Writes nothing. */
    public void checkSubmittable(CurrentUser reviewer, String id) {
        get(reviewer, id).state().submit(reviewer.username(), clock.instant());
    }

    public ReviewCase submit(CurrentUser reviewer, String id) {
        get(reviewer, id);
        return audited(reviewer, id, applied(id, c -> c.submit(reviewer.username(), clock.instant())), "REVIEW_SUBMITTED", "提交评审意见");
    }

    /**
     * The office reopens one expert's submitted review for a second look (复核), e.g. to check an Art. 5 finding;
     * the earlier answer stays in the case's history.
     */
    public ReviewCase reopen(CurrentUser office, String id, String reviewerId, String reason) {
        if (!isOffice(office)) {
            throw Refusal.forbidden("只有专委会办公室可以退回专家复核");
        }
        return audited(office, id, applied(id, c -> c.reopen(reviewerId, reason, office.username(), clock.instant())),
                "REVIEW_REOPENED", "退回专家 " + reviewerId + " 复核：" + reason);
    }

    // --- the committee ---

    /** Whether this decision would be recorded now (the confirmation step asks first); writes nothing. */
    public void checkDecision(CurrentUser user, String id, boolean approve, List<String> reasons) {
        if (!user.hasAnyRole(Roles.COMMITTEE, Roles.OFFICE, Roles.ADMIN)) {
            throw Refusal.forbidden("只有专委会委员或办公室可以记录审核决定");
        }
        get(user, id).state().decide(approve, reasons, user.username(), clock.instant());
    }

    public ReviewCase decide(CurrentUser user, String id, boolean approve, List<String> reasons, Long expectedVersion) {
        if (!user.hasAnyRole(Roles.COMMITTEE, Roles.OFFICE, Roles.ADMIN)) {
            throw Refusal.forbidden("只有专委会委员或办公室可以记录审核决定");
        }
        Versioned<ReviewCase> current = get(user, id);
        org.qingdan.support.web.IfMatch.require(expectedVersion, current.version());
        ReviewCase.Outcome outcome = current.state().decide(approve, reasons, user.username(), clock.instant());
        // no retry: a concurrent decision made the version move, and this one must lose with 409
        save(current, outcome);
        audit.record(AUDIT_CASE, id, user, approve ? "APPROVED" : "REJECTED",
                "审核决定：" + (approve ? "通过" : "不通过") + "；理由：" + String.join("；", reasons == null ? List.of() : reasons));
        // time to decision, from the case's opening (the acceptance) to the committee's decision
        Timer.builder("qingdan.review.time-to-decision").description("From acceptance (the case opens) to the committee's decision")
                .tag("decision", approve ? "APPROVED" : "REJECTED").publishPercentiles(0.5, 0.9).register(meters)
                .record(Duration.between(current.state().openedAt(), outcome.reviewCase().decision().decidedAt()));
        return outcome.reviewCase();
    }

    /** Applies a command, retried on a concurrent change of the case (each attempt re-reads it); a repeated one writes nothing. */
    private Written<ReviewCase> applied(String id, Function<ReviewCase, ReviewCase.Outcome> command) {
        return cases.change(id, read -> {
            ReviewCase.Outcome outcome = command.apply(read.state());
            return Write.unlessUnchanged(read.state(), outcome.reviewCase(), contracts(outcome, read.version() + 1));
        }).orElseThrow(() -> Refusal.notFound("评审 " + id + " 不存在"));
    }

    /** The command in the audit trail, when it changed the case. */
    private ReviewCase audited(CurrentUser user, String id, Written<ReviewCase> done, String action, String detail) {
        if (done.changed()) {
            audit.record(AUDIT_CASE, id, user, action, detail);
        }
        return done.state();
    }

    private void save(Versioned<ReviewCase> current, ReviewCase.Outcome outcome) {
        cases.update(current, outcome.reviewCase(), contracts(outcome, current.version() + 1));
    }

    private List<DomainEvent> contracts(ReviewCase.Outcome outcome, long nextVersion) {
        return outcome.events().stream().map(e -> ReviewEventsAdapter.toContract(e, outcome.reviewCase(), nextVersion, clock.instant())).toList();
    }

    private static void requireOffice(CurrentUser user) {
        if (!isOffice(user)) {
            throw Refusal.forbidden("只有专委会办公室可以分配评审专家");
        }
    }

    /** One page of a review case's audit trail, oldest first (the office). */
    public AuditRecorder.Page caseTrail(CurrentUser user, String id, int page, int size) {
        requireOfficeReading(user);
        cases.find(id).orElseThrow(() -> Refusal.notFound("评审 " + id + " 不存在"));
        return audit.trail(AUDIT_CASE, id, page, size);
    }

    /** One page of a pool expert's audit trail, oldest first (the office). */
    public AuditRecorder.Page reviewerTrail(CurrentUser user, String reviewerId, int page, int size) {
        requireOfficeReading(user);
        reviewers.find(reviewerId).orElseThrow(() -> Refusal.notFound("专家 " + reviewerId + " 不在专家库中"));
        return audit.trail(AUDIT_REVIEWER, reviewerId, page, size);
    }

    private static void requireOfficeReading(CurrentUser user) {
        if (!isOffice(user)) {
            throw Refusal.forbidden("只有专委会办公室可以查看审计记录");
        }
    }

    /** The reviewer pool whole: the office's curated list of experts, hundreds at most, so one read is fine. */
    public List<Reviewer> pool() {
        return reviewers.all();
    }

    public Reviewer saveReviewer(CurrentUser office, Reviewer reviewer) {
        requireOffice(office);
        var problems = reviewer.problems();
        if (!problems.isEmpty()) {
            throw Refusal.invalid("专家信息不完整", problems.stream()
                    .map(p -> new Refusal.Violation(p[0], p[1], p[2])).toList());
        }
        reviewers.save(reviewer);
        audit.record(AUDIT_REVIEWER, reviewer.id(), office, "SAVED", "专家库：" + reviewer.name() + "（" + reviewer.orgName() + "，"
                + reviewer.orgUscc() + "），" + (reviewer.active() ? "在库" : "停用") + "，并发上限 " + reviewer.loadLimit());
        return reviewer;
    }
}
