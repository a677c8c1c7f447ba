package org.qingdan.review.reviewcase.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.Rating;
import org.qingdan.review.reviewcase.domain.ReviewRefused.Reason;
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
        Call call,
        int formVersion,
        ReviewedForm form,
        List<String> riskFlags,
        List<Integer> formVersionsSeen,
        CaseStatus status,
        List<Assignment> assignments,
        List<Review> reviews,
        Decision decision,
        Instant openedAt,
        String closedReason,
        List<Reopening> reopenings,
        ReReviewSubject reReview,
        Boolean expertNamesShown) {

    public static final int MAX_TEXT = 2000;
    /** How often the office may reopen one expert's review of one case: the history stays bounded. */
    public static final int MAX_REOPENINGS_PER_REVIEWER = 3;

    /** A case of an application (no re-review), as stored before re-reviews existed. */
    public ReviewCase(String id, String applicationId, Call call, int formVersion, ReviewedForm form, List<String> riskFlags,
                      List<Integer> formVersionsSeen, CaseStatus status, List<Assignment> assignments, List<Review> reviews, Decision decision,
                      Instant openedAt, String closedReason, List<Reopening> reopenings) {
        this(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, status, assignments, reviews, decision, openedAt,
                closedReason, reopenings, null, false);
    }

    public ReviewCase {
        riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
        formVersionsSeen = formVersionsSeen == null ? List.of() : List.copyOf(formVersionsSeen);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        reopenings = reopenings == null ? List.of() : List.copyOf(reopenings);
        // a Boolean, not a boolean: cases stored before the office could choose have no such field
        expertNamesShown = Boolean.TRUE.equals(expertNamesShown);
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

        /** The office took an expert off the case before its review was in: its assignment, access and reminders end. */
        record ReviewerUnassigned(Assignment assignment, String by) implements Event {
        }

        /** Closed without a decision: the applicant's withdrawal took effect. */
        record Closed(String reason) implements Event {
        }

        record Completed(Decision decision, Scores scores) implements Event {
        }

        /** The committee decided a re-review: kept listed, or delisted for an Art. 12 reason. */
        record ReReviewCompleted(Decision decision) implements Event {
        }
    }

    public record Outcome(ReviewCase reviewCase, List<Event> events) {
    }

    public static ReviewCase open(String applicationId, Call call, int formVersion, ReviewedForm form,
                                  List<String> riskFlags, Instant now) {
        return new ReviewCase(applicationId, applicationId, call, formVersion, form, riskFlags, List.of(formVersion),
                CaseStatus.OPEN, List.of(), List.of(), null, now, null, List.of());
    }

    /**
     * A re-review (复核) of a listed product opens on the office's request from listing-service. The case is the
     * re-review's; {@code call} only carries how many experts review it. Reviewed as any case, without conflicts of
     * interest with the product's organisations; decided by {@link #decideReReview}.
     */
    public static ReviewCase openReReview(ReReviewSubject subject, int reviewers, Instant now) {
        Call call = new Call("re-review", "复核（第十二条）", subject.product().callYear(), 0, Math.max(1, reviewers));
        return new ReviewCase(subject.reReviewId(), subject.listingId(), call, 0, null, List.of(), List.of(), CaseStatus.OPEN, List.of(),
                List.of(), null, now, null, List.of(), subject, false);
    }

    public boolean isReReview() {
        return reReview != null;
    }

    /** The product's name, from the form or, on a re-review, from its public data. */
    public String productName() {
        return isReReview() ? reReview.product().productName() : form.product().name();
    }

    /** The lead applicant's name. */
    public String applicantName() {
        if (isReReview()) {
            return reReview.product().leadApplicant() == null ? reReview.product().enterprise().name() : reReview.product().leadApplicant().name();
        }
        return form.applicant().name();
    }

    /** A later version of the form replaces the snapshot; the versions seen stay listed. Idempotent. */
    public ReviewCase withSnapshot(int version, ReviewedForm newer, List<String> flags) {
        if (isReReview() || version <= formVersion || status == CaseStatus.DECIDED || status == CaseStatus.CLOSED) {
            return this;
        }
        List<Integer> seen = new ArrayList<>(formVersionsSeen);
        seen.add(version);
        return new ReviewCase(id, applicationId, call, version, newer, flags, seen, status, assignments, reviews, decision, openedAt, closedReason,
                reopenings, reReview, expertNamesShown);
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
                assignments, reviews, decision, openedAt, reason, reopenings, reReview, expertNamesShown);
        return new Outcome(closed, List.of(new Event.Closed(reason)));
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

    /**
     * The office assigns one expert by hand, or {@link #autoAssign} one it chose: the expert must be eligible for the
     * case ({@link ReviewerMatching#requireEligible}) and a place must be free.
     */
    public Outcome assign(Reviewer reviewer, int openLoad, String by, Instant now, Duration reviewPeriod) {
        requireStatus(CaseStatus.OPEN, CaseStatus.ASSIGNED);
        ReviewerMatching.of(this).requireEligible(reviewer, openLoad);
        if (missingReviewers() == 0) {
            throw new ReviewRefused(Reason.INVALID, "本申报已分配 " + call.reviewersPerApplication() + " 位专家");
        }
        Assignment assignment = new Assignment(reviewer.id(), reviewer.name(), reviewer.email(), reviewer.orgUscc(), now,
                now.plus(reviewPeriod), by, Assignment.Status.ACTIVE, null);
        List<Assignment> next = new ArrayList<>(assignments);
        next.add(assignment);
        ReviewCase assigned = with(CaseStatus.ASSIGNED, next, reviews, decision);
        return new Outcome(assigned, List.of(new Event.ReviewerAssigned(assignment)));
    }

    /** Fills the call's number of reviewers with the experts {@link ReviewerMatching#choose} picks from the pool. */
    public Outcome autoAssign(List<Reviewer> pool, Map<String, Integer> openLoads, String by, Instant now, Duration reviewPeriod) {
        requireStatus(CaseStatus.OPEN, CaseStatus.ASSIGNED);
        ReviewCase current = this;
        List<Event> events = new ArrayList<>();
        for (Reviewer r : ReviewerMatching.of(this).choose(pool, openLoads)) {
            Outcome step = current.assign(r, openLoads.getOrDefault(r.id(), 0), by, now, reviewPeriod);
            current = step.reviewCase();
            events.addAll(step.events());
        }
        return new Outcome(current, events);
    }

    /** The expert declares a conflict of interest: its assignment ends, the office assigns someone else. */
    public Outcome declareConflict(String reviewerId, String reason) {
        Assignment assignment = requireActiveAssignment(reviewerId);
        if (reviewOf(reviewerId).filter(Review::submitted).isPresent()) {
            throw new ReviewRefused(Reason.WRONG_STATE, "已提交评审意见，不能再声明回避");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            throw new ReviewRefused(Reason.INVALID, "请说明回避原因",
                    List.of(new Problem("reason", "required", "请说明回避原因（不超过 " + MAX_TEXT + " 字）")));
        }
        List<Assignment> next = assignments.stream()
                .map(a -> a.reviewerId().equals(reviewerId) ? assignment.conflict(reason.trim()) : a).toList();
        List<Review> withoutDraft = reviews.stream().filter(r -> !r.reviewerId().equals(reviewerId)).toList();
        return new Outcome(with(next.stream().anyMatch(Assignment::active) ? CaseStatus.ASSIGNED : CaseStatus.OPEN, next, withoutDraft,
                decision), List.of(new Event.ReviewerRecused(assignment)));
    }

    /**
     * The office takes an expert off the case before its review is submitted (to replace it, or because the call needs
     * fewer): the assignment ends with the reason, the expert's draft goes, and the office may assign someone else.
     * A submitted review stays; the office reopens it instead.
     */
    /** The office takes an expert off the case (before its review is in); the expert is told, its access ends. */
    public Outcome unassign(String reviewerId, String reason, String by) {
        ReviewCase removed = removeAssignment(reviewerId, reason);
        Assignment assignment = assignmentOf(reviewerId).filter(Assignment::active).orElseThrow();
        return new Outcome(removed, List.of(new Event.ReviewerUnassigned(assignment, by)));
    }

    private ReviewCase removeAssignment(String reviewerId, String reason) {
        requireStatus(CaseStatus.OPEN, CaseStatus.ASSIGNED);
        Assignment assignment = assignmentOf(reviewerId).filter(Assignment::active)
                .orElseThrow(() -> new ReviewRefused(Reason.INVALID, "专家 " + reviewerId + " 未被分配评审本申报",
                        List.of(new Problem("reviewerId", "assigned", "请选择本申报在任的评审专家"))));
        if (reviewOf(reviewerId).filter(Review::submitted).isPresent()) {
            throw new ReviewRefused(Reason.WRONG_STATE, "专家 " + assignment.reviewerName() + " 已提交评审意见，不能撤换",
                    List.of(new Problem("reviewerId", "not-submitted", "已提交的评审意见不能撤换，可退回复核")));
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            throw new ReviewRefused(Reason.INVALID, "请说明撤换原因",
                    List.of(new Problem("reason", "required", "请说明撤换原因（不超过 " + MAX_TEXT + " 字）")));
        }
        List<Assignment> next = assignments.stream()
                .map(a -> a.reviewerId().equals(reviewerId) && a.active() ? a.removed(reason.trim()) : a).toList();
        List<Review> withoutDraft = reviews.stream().filter(r -> !r.reviewerId().equals(reviewerId)).toList();
        return with(next.stream().anyMatch(Assignment::active) ? CaseStatus.ASSIGNED : CaseStatus.OPEN, next, withoutDraft, decision);
    }

    /** Saves the expert's draft; a submitted review no longer changes. */
    public ReviewCase saveDraft(String reviewerId, Review draft, Instant now) {
        requireActiveAssignment(reviewerId);
        requireStatus(CaseStatus.ASSIGNED);
        if (reviewOf(reviewerId).filter(Review::submitted).isPresent()) {
            throw new ReviewRefused(Reason.WRONG_STATE, "评审意见已提交，不能修改");
        }
        List<Problem> problems = texts(draft);
        if (!problems.isEmpty()) {
            throw new ReviewRefused(Reason.INVALID, "评审意见不符合要求", problems);
        }
        Review saved = draft.as(reviewerId, false, now, null);
        return with(status, assignments, replaceReview(saved), decision);
    }

    /** Submits the expert's review: complete, or refused with every missing part. Quorum ends the review. */
    public Outcome submit(String reviewerId, Instant now) {
        requireActiveAssignment(reviewerId);
        requireStatus(CaseStatus.ASSIGNED);
        Review draft = reviewOf(reviewerId).orElseThrow(() -> new ReviewRefused(Reason.INVALID, "请先填写评审意见"));
        if (draft.submitted()) {
            throw new ReviewRefused(Reason.WRONG_STATE, "评审意见已提交");
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
            throw new ReviewRefused(Reason.INVALID, "评审意见不完整", problems);
        }
        Review submitted = draft.as(reviewerId, true, draft.savedAt(), now);
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

    /** An expert takes part in the case's discussion while assigned, once its own review is submitted. */
    public boolean discussionOpenTo(String reviewerId) {
        return assignmentOf(reviewerId).filter(Assignment::active).isPresent()
                && reviewOf(reviewerId).filter(Review::submitted).isPresent();
    }

    /**
     * The office's choice whether the experts of this case see each other's names (in their reviews and the
     * discussion) instead of 专家一/二/三. Off by default: experts judge independently, as in double-blind review.
     */
    public ReviewCase withExpertNamesShown(boolean shown) {
        return new ReviewCase(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, status, assignments, reviews,
                decision, openedAt, closedReason, reopenings, reReview, shown);
    }

    /** The experts who take part in the discussion now: they are told of a new post. */
    public List<Assignment> discussionReaders() {
        return assignments.stream().filter(a -> discussionOpenTo(a.reviewerId())).toList();
    }

    /** An expert's number on this case (1, 2, 3 in order of assignment), as experts know each other; 0 if not assigned. */
    public int expertNumber(String reviewerId) {
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).reviewerId().equals(reviewerId)) {
                return i + 1;
            }
        }
        return 0;
    }

    public Scores scores() {
        Map<AssessmentDimension, Rating> self = new EnumMap<>(AssessmentDimension.class);
        var s = isReReview() ? null : form.selfAssessment();
        if (s != null) {
            self.put(AssessmentDimension.LEGAL_COMPLIANCE, s.legalCompliance().rating());
            self.put(AssessmentDimension.FINANCIAL_INNOVATION, s.financialInnovation().rating());
            self.put(AssessmentDimension.RISK_CONTROL, s.riskControl().rating());
            self.put(AssessmentDimension.AFTER_SALES_SERVICE, s.afterSalesService().rating());
        }
        return Scores.of(submittedReviews(), self);
    }

    /**
     * Every finding of the submitted reviews that bars an approval (Art. 5 不得纳入): each Art. 5 situation an expert
     * found, and each expert who did not confirm the Art. 4 basis; in the order of the reviews, then of the grounds.
     */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (Review r : submittedReviews()) {
            String name = assignmentOf(r.reviewerId()).map(Assignment::reviewerName).orElse(r.reviewerId());
            for (ExclusionGround g : ExclusionGround.values()) {
                if (Boolean.TRUE.equals(r.exclusionsFound().get(g))) {
                    findings.add(new Finding(r.reviewerId(), name, Finding.Kind.EXCLUSION, g, r.commentsForCommittee()));
                }
            }
            if (Boolean.FALSE.equals(r.eligibilityConfirmed())) {
                findings.add(new Finding(r.reviewerId(), name, Finding.Kind.ELIGIBILITY_NOT_CONFIRMED, null, r.commentsForCommittee()));
            }
        }
        return findings;
    }

    /**
     * The office reopens one expert's submitted review for a second look (复核): the review becomes that expert's
     * draft again and the case waits for it (评审中); the answer as submitted stays in {@link #reopenings()}. Only
     * before the decision, and at most {@value #MAX_REOPENINGS_PER_REVIEWER} times per expert.
     */
    public Outcome reopen(String reviewerId, String reason, String by, Instant now) {
        if (status == CaseStatus.DECIDED || status == CaseStatus.CLOSED) {
            throw new ReviewRefused(Reason.WRONG_STATE, "评审当前为“" + status.label() + "”，不能退回专家复核");
        }
        Assignment assignment = assignmentOf(reviewerId).filter(Assignment::active)
                .orElseThrow(() -> new ReviewRefused(Reason.INVALID, "专家 " + reviewerId + " 未被分配评审本申报",
                        List.of(new Problem("reviewerId", "assigned", "请选择本申报在任的评审专家"))));
        Review submitted = reviewOf(reviewerId).filter(Review::submitted)
                .orElseThrow(() -> new ReviewRefused(Reason.WRONG_STATE, "专家 " + assignment.reviewerName() + " 尚未提交评审意见，无需退回复核"));
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            throw new ReviewRefused(Reason.INVALID, "请说明退回复核的原因",
                    List.of(new Problem("reason", "required", "请说明退回复核的原因（不超过 " + MAX_TEXT + " 字）")));
        }
        if (reopenings.stream().filter(x -> x.reviewerId().equals(reviewerId)).count() >= MAX_REOPENINGS_PER_REVIEWER) {
            throw new ReviewRefused(Reason.INVALID, "专家 " + assignment.reviewerName() + " 的评审意见已退回复核 "
                    + MAX_REOPENINGS_PER_REVIEWER + " 次，不能再退回",
                    List.of(new Problem("reviewerId", "max-reopenings", "同一专家至多退回复核 " + MAX_REOPENINGS_PER_REVIEWER + " 次")));
        }
        Review draft = submitted.as(reviewerId, false, now, null);
        List<Reopening> history = new ArrayList<>(reopenings);
        history.add(new Reopening(reviewerId, submitted, reason.trim(), by, now));
        ReviewCase reopened = new ReviewCase(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, CaseStatus.ASSIGNED,
                assignments, replaceReview(draft), decision, openedAt, closedReason, history, reReview, expertNamesShown);
        return new Outcome(reopened, List.of());
    }

    /**
     * The committee's decision, exactly once: the second attempt finds the case decided. An approval is refused while
     * any submitted review finds an Art. 5 situation or does not confirm the Art. 4 basis ({@link ApprovalBarred}).
     */
    public Outcome decide(boolean approve, List<String> reasons, String by, Instant now) {
        if (isReReview()) {
            throw new ReviewRefused(Reason.INVALID, "复核案件请作出“保留”或“移出清单”的复核结论",
                    List.of(new Problem("decision", "re-review", "复核案件的结论为 KEEP_LISTED 或 DELIST")));
        }
        List<String> clean = decidable(approve, reasons);
        Decision d = new Decision(approve, clean, by, now);
        ReviewCase decided = with(CaseStatus.DECIDED, assignments, reviews, d);
        return new Outcome(decided, List.of(new Event.Completed(d, decided.scores())));
    }

    /**
     * The committee's conclusion of a re-review, exactly once: keep the product listed (barred, as an approval is,
     * while a submitted review finds an Art. 5 situation or does not confirm the Art. 4 basis), or delist it for an
     * Art. 12 reason, naming the Art. 5 ground for clause (三).
     */
    public Outcome decideReReview(boolean keep, DelistingReason reason, ExclusionGround ground, List<String> reasons, String by, Instant now) {
        if (!isReReview()) {
            throw new ReviewRefused(Reason.INVALID, "只有复核案件可以作出复核结论", List.of(new Problem("decision", "application", "申报案件请审核通过或不通过")));
        }
        List<String> clean = decidable(keep, reasons);
        if (!keep) {
            if (reason == null) {
                throw new ReviewRefused(Reason.INVALID, "请选择移出原因（第十二条）", List.of(new Problem("delistingReason", "required", "请选择移出原因（第十二条）")));
            }
            if (reason == DelistingReason.VOLUNTARY_WITHDRAWAL) {
                throw new ReviewRefused(Reason.INVALID, "复核不能以自愿退出移出", List.of(new Problem("delistingReason", "art12-only", "请选择第十二条所列原因")));
            }
            if ((reason == DelistingReason.ART5_EXCLUSION) != (ground != null)) {
                throw new ReviewRefused(Reason.INVALID, "第五条情形与移出原因不符", List.of(new Problem("exclusionGround",
                        ground == null ? "required" : "only-for-art5", "依第十二条第三项移出时须且只有此时须指明第五条所列情形")));
            }
        } else if (reason != null || ground != null) {
            throw new ReviewRefused(Reason.INVALID, "保留时不填写移出原因", List.of(new Problem("delistingReason", "only-for-delist", "保留时不填写移出原因")));
        }
        Decision d = new Decision(keep, clean, by, now, keep ? null : reason, keep ? null : ground);
        return new Outcome(with(CaseStatus.DECIDED, assignments, reviews, d), List.of(new Event.ReReviewCompleted(d)));
    }

    /** Decidable now, with its reasons cleaned; a favourable decision (approve, keep) barred by any finding. */
    private List<String> decidable(boolean favourable, List<String> reasons) {
        if (status == CaseStatus.DECIDED) {
            throw new ReviewRefused(Reason.WRONG_STATE, isReReview() ? "本复核已作出结论，不能重复决定" : "本申报已审核，不能重复决定");
        }
        requireStatus(CaseStatus.READY_FOR_DECISION);
        List<String> clean = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::trim).toList();
        if (clean.isEmpty()) {
            throw new ReviewRefused(Reason.INVALID, "请填写审核理由", List.of(new Problem("reasons", "required", "请至少填写一条理由")));
        }
        List<Finding> findings = findings();
        if (favourable && !findings.isEmpty()) {
            throw new ApprovalBarred(findings);
        }
        return clean;
    }

    private List<Problem> texts(Review r) {
        List<Problem> problems = new ArrayList<>();
        if (r.commentsForCommittee() != null && r.commentsForCommittee().length() > MAX_TEXT) {
            problems.add(new Problem("commentsForCommittee", "max-length", "不超过 " + MAX_TEXT + " 字"));
        }
        if (r.commentsForApplicant() != null && r.commentsForApplicant().length() > MAX_TEXT) {
            problems.add(new Problem("commentsForApplicant", "max-length", "不超过 " + MAX_TEXT + " 字"));
        }
        r.dimensionComments().forEach((d, text) -> {
            if (text != null && text.length() > MAX_TEXT) {
                problems.add(new Problem("dimensionComments." + d.name(), "max-length", "“" + d.label() + "”的评审依据不超过 " + MAX_TEXT + " 字"));
            }
        });
        return problems;
    }

    private Assignment requireActiveAssignment(String reviewerId) {
        return assignmentOf(reviewerId).filter(Assignment::active)
                .orElseThrow(() -> new ReviewRefused(Reason.NOT_ASSIGNED, "您未被分配评审本申报"));
    }

    private void requireStatus(CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ReviewRefused(Reason.WRONG_STATE, "评审当前为“" + status.label() + "”，不能执行此操作");
    }

    private List<Review> replaceReview(Review review) {
        List<Review> next = new ArrayList<>(reviews.stream().filter(r -> !r.reviewerId().equals(review.reviewerId())).toList());
        next.add(review);
        return next;
    }

    private ReviewCase with(CaseStatus nextStatus, List<Assignment> nextAssignments, List<Review> nextReviews, Decision nextDecision) {
        return new ReviewCase(id, applicationId, call, formVersion, form, riskFlags, formVersionsSeen, nextStatus, nextAssignments,
                nextReviews, nextDecision, openedAt, closedReason, reopenings, reReview, expertNamesShown);
    }
}
