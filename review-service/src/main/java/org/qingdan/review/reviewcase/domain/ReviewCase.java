package org.qingdan.review.reviewcase.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.Rating;
import org.qingdan.review.reviewcase.domain.ReviewRefused.Kind;
import org.qingdan.review.reviewcase.domain.ReviewRefused.Problem;
import org.qingdan.review.reviewer.domain.Reviewer;

/**
 * The expert review of one accepted application (评审): assignment without conflicts of interest,
 * independent reviews, quorum, and exactly one committee decision. Immutable; each command returns the
 * next case and what happened.
 */
public record ReviewCase(
        String id,
        String applicationId,
        CallSummary call,
        int formVersion,
        ApplicationFormSnapshot form,
        List<String> riskFlags,
        List<Integer> formVersionsSeen,
        CaseStatus status,
        List<Assignment> assignments,
        List<Review> reviews,
        Decision decision,
        Instant openedAt,
        String closedReason) {

    public static final int MAX_TEXT = 2000;

    public ReviewCase {
        riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
        formVersionsSeen = formVersionsSeen == null ? List.of() : List.copyOf(formVersionsSeen);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    /** What happened to a case. */
    public sealed interface Event {
        record ReviewerAssigned(Assignment assignment) implements Event {
        }

        record ReadyForDecision(Scores scores) implements Event {
        }

        /** An expert submitted its review: done, no more reminders. */
        record ReviewSubmitted(String reviewerId, Instant submittedAt) implements Event {
        }

        /** An expert stepped aside for a conflict of interest: its assignment, and its access, end. */
        record ReviewerRecused(Assignment assignment) implements Event {
        }

        /** Closed without a decision: the applicant's withdrawal took effect. */
        record Closed(String reason) implements Event {
        }

        record Completed(Decision decision, Scores scores) implements Event {
        }
    }

    public record Outcome(ReviewCase reviewCase, List<Event> events) {
    }

    public static ReviewCase open(String applicationId, CallSummary call, int formVersion, ApplicationFormSnapshot form,
                                  List<String> riskFlags, Instant now) {
        return new ReviewCase(applicationId, applicationId, call, formVersion, form, riskFlags, List.of(formVersion),
                CaseStatus.OPEN, List.of(), List.of(), null, now, null);
    }

    /** A later version of the form replaces the snapshot; the versions seen stay listed. Idempotent. */
    public ReviewCase withSnapshot(int version, ApplicationFormSnapshot newer, List<String> flags) {
        if (version <= formVersion || status == CaseStatus.DECIDED || status == CaseStatus.CLOSED) {
            return this;
        }
        List<Integer> seen = new ArrayList<>(formVersionsSeen);
        seen.add(version);
        return new ReviewCase(id, applicationId, call, version, newer, flags, seen, status, assignments, reviews, decision, openedAt, closedReason);
    }

    /**
     * The applicant withdrew. The case is where a withdrawal and the committee's decision meet, and it takes
     * exactly one of them: undecided, it closes (and no decision can follow); decided, the decision stands and
     * the withdrawal changes nothing (application-service learns the decision from ReviewCompleted). Idempotent.
     */
    public Outcome withdraw(String reason) {
        if (status == CaseStatus.DECIDED || status == CaseStatus.CLOSED) {
            return new Outcome(this, List.of());
        }
        ReviewCase closed = new ReviewCase(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, CaseStatus.CLOSED,
                assignments, reviews, decision, openedAt, reason);
        return new Outcome(closed, List.of(new Event.Closed(reason)));
    }

    /** The organisations of the application: the lead, the enterprise, every participant, the report's issuer. */
    public Set<String> organisations() {
        Set<String> orgs = new HashSet<>();
        orgs.add(form.applicant().uscc());
        orgs.add(form.enterprise().uscc());
        form.participants().forEach(p -> orgs.add(p.uscc()));
        if (form.operationalEvaluation() != null && form.operationalEvaluation().issuerUscc() != null) {
            orgs.add(form.operationalEvaluation().issuerUscc());
        }
        return orgs;
    }

    public boolean conflicted(Reviewer reviewer) {
        return organisations().contains(reviewer.orgUscc());
    }

    public List<Assignment> activeAssignments() {
        return assignments.stream().filter(Assignment::active).toList();
    }

    public Optional<Assignment> assignmentOf(String reviewerId) {
        return assignments.stream().filter(a -> a.reviewerId().equals(reviewerId)).findFirst();
    }

    public Optional<Review> reviewOf(String reviewerId) {
        return reviews.stream().filter(r -> r.reviewerId().equals(reviewerId)).findFirst();
    }

    public int missingReviewers() {
        return Math.max(0, call.reviewersPerApplication() - activeAssignments().size());
    }

    /** The office assigns one expert by hand; the same rules as automatic assignment apply. */
    public Outcome assign(Reviewer reviewer, int openLoad, String by, Instant now, Duration reviewPeriod) {
        requireStatus(CaseStatus.OPEN, CaseStatus.ASSIGNED);
        if (!reviewer.active()) {
            throw new ReviewRefused(Kind.INVALID, "专家 " + reviewer.name() + " 已停用");
        }
        if (conflicted(reviewer)) {
            throw new ReviewRefused(Kind.CONFLICT_OF_INTEREST, "专家 " + reviewer.name() + " 所在机构（" + reviewer.orgUscc()
                    + "）是申报单位、金融科技企业或参与机构，须回避");
        }
        if (assignmentOf(reviewer.id()).isPresent()) {
            throw new ReviewRefused(Kind.INVALID, "专家 " + reviewer.name() + " 已分配过本申报（或已声明回避）");
        }
        if (openLoad >= reviewer.loadLimit()) {
            throw new ReviewRefused(Kind.INVALID, "专家 " + reviewer.name() + " 已达同时评审上限 " + reviewer.loadLimit());
        }
        if (missingReviewers() == 0) {
            throw new ReviewRefused(Kind.INVALID, "本申报已分配 " + call.reviewersPerApplication() + " 位专家");
        }
        Assignment assignment = new Assignment(reviewer.id(), reviewer.name(), reviewer.email(), reviewer.orgUscc(), now,
                now.plus(reviewPeriod), by, Assignment.Status.ACTIVE, null);
        List<Assignment> next = new ArrayList<>(assignments);
        next.add(assignment);
        ReviewCase assigned = with(CaseStatus.ASSIGNED, next, reviews, decision);
        return new Outcome(assigned, List.of(new Event.ReviewerAssigned(assignment)));
    }

    /**
     * Fills the call's number of reviewers from the pool: active experts without a conflict, not already on
     * the case and under their load limit; those whose expertise matches the product's scenarios and
     * technologies first, then the least loaded, then by id for a stable choice.
     */
    public Outcome autoAssign(List<Reviewer> pool, Map<String, Integer> openLoads, String by, Instant now, Duration reviewPeriod) {
        requireStatus(CaseStatus.OPEN, CaseStatus.ASSIGNED);
        int needed = missingReviewers();
        List<Reviewer> candidates = pool.stream()
                .filter(Reviewer::active)
                .filter(r -> !conflicted(r))
                .filter(r -> assignmentOf(r.id()).isEmpty())
                .filter(r -> openLoads.getOrDefault(r.id(), 0) < r.loadLimit())
                .sorted(Comparator.comparingInt((Reviewer r) -> -expertise(r))
                        .thenComparingInt(r -> openLoads.getOrDefault(r.id(), 0))
                        .thenComparing(Reviewer::id))
                .toList();
        if (needed > 0 && candidates.size() < needed) {
            throw new ReviewRefused(Kind.NO_CANDIDATES, "可分配的专家不足：还需 " + needed + " 位，符合回避与负荷要求的只有 "
                    + candidates.size() + " 位");
        }
        ReviewCase current = this;
        List<Event> events = new ArrayList<>();
        for (Reviewer r : candidates.subList(0, needed)) {
            Outcome step = current.assign(r, openLoads.getOrDefault(r.id(), 0), by, now, reviewPeriod);
            current = step.reviewCase();
            events.addAll(step.events());
        }
        return new Outcome(current, events);
    }

    /** How well an expert's fields match the product: scenarios count double. */
    int expertise(Reviewer r) {
        int score = 0;
        for (var s : form.product().scenarios()) {
            if (r.scenarios().contains(s)) {
                score += 2;
            }
        }
        for (String t : form.product().keyTechnologies()) {
            if (r.technologies().stream().anyMatch(x -> x.equalsIgnoreCase(t))) {
                score += 1;
            }
        }
        return score;
    }

    /** The expert declares a conflict of interest: its assignment ends, the office assigns someone else. */
    public Outcome declareConflict(String reviewerId, String reason) {
        Assignment assignment = requireActiveAssignment(reviewerId);
        if (reviewOf(reviewerId).filter(Review::submitted).isPresent()) {
            throw new ReviewRefused(Kind.WRONG_STATE, "已提交评审意见，不能再声明回避");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            throw new ReviewRefused(Kind.INVALID, "请说明回避原因",
                    List.of(new Problem("reason", "required", "请说明回避原因（不超过 " + MAX_TEXT + " 字）")));
        }
        List<Assignment> next = assignments.stream()
                .map(a -> a.reviewerId().equals(reviewerId) ? assignment.conflict(reason.trim()) : a).toList();
        List<Review> withoutDraft = reviews.stream().filter(r -> !r.reviewerId().equals(reviewerId)).toList();
        return new Outcome(with(next.stream().anyMatch(Assignment::active) ? CaseStatus.ASSIGNED : CaseStatus.OPEN, next, withoutDraft,
                decision), List.of(new Event.ReviewerRecused(assignment)));
    }

    /** Saves the expert's draft; a submitted review no longer changes. */
    public ReviewCase saveDraft(String reviewerId, Review draft, Instant now) {
        requireActiveAssignment(reviewerId);
        requireStatus(CaseStatus.ASSIGNED);
        if (reviewOf(reviewerId).filter(Review::submitted).isPresent()) {
            throw new ReviewRefused(Kind.WRONG_STATE, "评审意见已提交，不能修改");
        }
        List<Problem> problems = texts(draft);
        if (!problems.isEmpty()) {
            throw new ReviewRefused(Kind.INVALID, "评审意见不符合要求", problems);
        }
        Review saved = new Review(reviewerId, draft.ratings(), draft.eligibilityConfirmed(), draft.exclusionsFound(),
                draft.recommend(), draft.commentsForCommittee(), draft.commentsForApplicant(), false, now, null);
        return with(status, assignments, replaceReview(saved), decision);
    }

    /** Submits the expert's review: complete, or refused with every missing part. Quorum ends the review. */
    public Outcome submit(String reviewerId, Instant now) {
        requireActiveAssignment(reviewerId);
        requireStatus(CaseStatus.ASSIGNED);
        Review draft = reviewOf(reviewerId).orElseThrow(() -> new ReviewRefused(Kind.INVALID, "请先填写评审意见"));
        if (draft.submitted()) {
            throw new ReviewRefused(Kind.WRONG_STATE, "评审意见已提交");
        }
        List<Problem> problems = new ArrayList<>();
        for (AssessmentDimension d : AssessmentDimension.values()) {
            if (draft.ratings().get(d) == null) {
                problems.add(new Problem("ratings." + d.name(), "required", "请为“" + d.label() + "”评级"));
            }
        }
        if (draft.eligibilityConfirmed() == null) {
            problems.add(new Problem("eligibilityConfirmed", "required", "请确认申报的认定条件（第四条）是否成立"));
        }
        for (ExclusionGround g : ExclusionGround.values()) {
            if (draft.exclusionsFound().get(g) == null) {
                problems.add(new Problem("exclusionsFound." + g.name(), "required", "请逐项核查第五条情形：" + g.label()));
            }
        }
        if (draft.recommend() == null) {
            problems.add(new Problem("recommend", "required", "请给出是否推荐"));
        }
        if (draft.commentsForCommittee() == null || draft.commentsForCommittee().isBlank()) {
            problems.add(new Problem("commentsForCommittee", "required", "请填写供专委会参考的意见"));
        }
        if (!problems.isEmpty()) {
            throw new ReviewRefused(Kind.INVALID, "评审意见不完整", problems);
        }
        Review submitted = new Review(reviewerId, draft.ratings(), draft.eligibilityConfirmed(), draft.exclusionsFound(),
                draft.recommend(), draft.commentsForCommittee(), draft.commentsForApplicant(), true, draft.savedAt(), now);
        List<Review> next = replaceReview(submitted);
        ReviewCase updated = with(status, assignments, next, decision);
        Event done = new Event.ReviewSubmitted(reviewerId, now);
        if (updated.quorum()) {
            ReviewCase ready = with(CaseStatus.READY_FOR_DECISION, assignments, next, decision);
            return new Outcome(ready, List.of(done, new Event.ReadyForDecision(ready.scores())));
        }
        return new Outcome(updated, List.of(done));
    }

    /** Every active assignment has a submitted review, and there are as many as the call asks. */
    public boolean quorum() {
        List<Assignment> active = activeAssignments();
        return active.size() >= call.reviewersPerApplication()
                && active.stream().allMatch(a -> reviewOf(a.reviewerId()).filter(Review::submitted).isPresent());
    }

    public List<Review> submittedReviews() {
        return reviews.stream().filter(Review::submitted)
                .filter(r -> assignmentOf(r.reviewerId()).filter(Assignment::active).isPresent()).toList();
    }

    /**
     * What one expert may see of the others: nothing until its own review is submitted (independent
     * reviews), then the other submitted reviews.
     */
    public List<Review> reviewsVisibleTo(String reviewerId) {
        if (reviewOf(reviewerId).filter(Review::submitted).isEmpty()) {
            return reviewOf(reviewerId).map(List::of).orElse(List.of());
        }
        List<Review> visible = new ArrayList<>(submittedReviews());
        if (visible.stream().noneMatch(r -> r.reviewerId().equals(reviewerId))) {
            reviewOf(reviewerId).ifPresent(visible::add);
        }
        return visible;
    }

    public Scores scores() {
        Map<AssessmentDimension, Rating> self = new EnumMap<>(AssessmentDimension.class);
        var s = form.selfAssessment();
        if (s != null) {
            self.put(AssessmentDimension.LEGAL_COMPLIANCE, s.legalCompliance().rating());
            self.put(AssessmentDimension.FINANCIAL_INNOVATION, s.financialInnovation().rating());
            self.put(AssessmentDimension.RISK_CONTROL, s.riskControl().rating());
            self.put(AssessmentDimension.AFTER_SALES_SERVICE, s.afterSalesService().rating());
        }
        return Scores.of(submittedReviews(), self);
    }

    /** The committee's decision, exactly once: the second attempt finds the case decided. */
    public Outcome decide(boolean approve, List<String> reasons, String by, Instant now) {
        if (status == CaseStatus.DECIDED) {
            throw new ReviewRefused(Kind.WRONG_STATE, "本申报已审核，不能重复决定");
        }
        requireStatus(CaseStatus.READY_FOR_DECISION);
        List<String> clean = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::trim).toList();
        if (clean.isEmpty()) {
            throw new ReviewRefused(Kind.INVALID, "请填写审核理由", List.of(new Problem("reasons", "required", "请至少填写一条理由")));
        }
        Decision d = new Decision(approve, clean, by, now);
        ReviewCase decided = with(CaseStatus.DECIDED, assignments, reviews, d);
        return new Outcome(decided, List.of(new Event.Completed(d, decided.scores())));
    }

    private List<Problem> texts(Review r) {
        List<Problem> problems = new ArrayList<>();
        if (r.commentsForCommittee() != null && r.commentsForCommittee().length() > MAX_TEXT) {
            problems.add(new Problem("commentsForCommittee", "max-length", "不超过 " + MAX_TEXT + " 字"));
        }
        if (r.commentsForApplicant() != null && r.commentsForApplicant().length() > MAX_TEXT) {
            problems.add(new Problem("commentsForApplicant", "max-length", "不超过 " + MAX_TEXT + " 字"));
        }
        return problems;
    }

    private Assignment requireActiveAssignment(String reviewerId) {
        return assignmentOf(reviewerId).filter(Assignment::active)
                .orElseThrow(() -> new ReviewRefused(Kind.NOT_ASSIGNED, "您未被分配评审本申报"));
    }

    private void requireStatus(CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ReviewRefused(Kind.WRONG_STATE, "评审当前为“" + status.label() + "”，不能执行此操作");
    }

    private List<Review> replaceReview(Review review) {
        List<Review> next = new ArrayList<>(reviews.stream().filter(r -> !r.reviewerId().equals(review.reviewerId())).toList());
        next.add(review);
        return next;
    }

    private ReviewCase with(CaseStatus nextStatus, List<Assignment> nextAssignments, List<Review> nextReviews, Decision nextDecision) {
        return new ReviewCase(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, nextStatus, nextAssignments,
                nextReviews, nextDecision, openedAt, closedReason);
    }
}
