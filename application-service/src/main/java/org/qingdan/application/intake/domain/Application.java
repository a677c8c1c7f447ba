package org.qingdan.application.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qingdan.application.intake.domain.ApplicationEvent.Accepted;
import org.qingdan.application.intake.domain.ApplicationEvent.NotAccepted;
import org.qingdan.application.intake.domain.ApplicationEvent.Resubmitted;
import org.qingdan.application.intake.domain.ApplicationEvent.ReturnedForCorrection;
import org.qingdan.application.intake.domain.ApplicationEvent.Submitted;
import org.qingdan.application.intake.domain.ApplicationEvent.Withdrawn;
import org.qingdan.application.intake.domain.ApplicationRefused.Reason;

/**
 * An application (申报) for one product into one call, owned by the organisation that leads it. Immutable:
 * every command returns the next state with the events it raised ({@link Outcome}); the persistence
 * adapter saves both in one write.
 *
 * <p>Lifecycle (DOMAIN.md §5): DRAFT → SUBMITTED → ACCEPTED, or SUBMITTED → RETURNED → SUBMITTED as a new
 * version, or SUBMITTED → NOT_ACCEPTED (不予受理, final), also RETURNED → NOT_ACCEPTED when the correction deadline
 * passes; WITHDRAWN from any state before the committee's decision (once accepted, through
 * WITHDRAWAL_REQUESTED until review-service closes the case; a decision that came first wins).
 */
public record Application(
        String id,
        String callId,
        String ownerUscc,
        String ownerName,
        ApplicationStatus status,
        ApplicationForm draft,
        List<SubmittedVersion> versions,
        List<CorrectionComment> corrections,
        String withdrawalReason,
        Set<String> assignedReviewers,
        List<AuditEntry> audit,
        Instant createdAt,
        Instant correctionDueAt,
        String notAcceptedReason,
        List<ParticipantConfirmation> participantConfirmations) {

    /** Longest reason of a refusal (不予受理) or withdrawal, in characters as a reader counts them. */
    public static final int MAX_REASON = 500;

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Application {
        versions = List.copyOf(versions);
        corrections = List.copyOf(corrections);
        assignedReviewers = Set.copyOf(assignedReviewers);
        audit = List.copyOf(audit);
        // documents written before participants confirmed online have none
        participantConfirmations = participantConfirmations == null ? List.of() : List.copyOf(participantConfirmations);
    }

    /** The next state and what happened. */
    public record Outcome(Application application, List<ApplicationEvent> events) {
    }

    public static Application draft(String id, String callId, String ownerUscc, String ownerName, ApplicationForm form,
                                    Actor by, Instant now) {
        return new Application(id, callId, ownerUscc, ownerName, ApplicationStatus.DRAFT,
                form == null ? ApplicationForm.empty() : form, List.of(), List.of(), null, Set.of(),
                List.of(new AuditEntry(now, by, "CREATED", "创建申报草稿")), now, null, null, List.of());
    }

    /** Saves a partial form; allowed while the applicant holds the pen (draft, or returned for correction). */
    public Application editDraft(ApplicationForm form, Actor by, Instant now) {
        requireStatus("修改申报表", ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
        ApplicationForm next = form == null ? ApplicationForm.empty() : form;
        return with(status, next, versions, corrections, withdrawalReason,
                audit(now, by, "DRAFT_SAVED", "保存申报表")).withConfirmations(stillCurrent(participantConfirmations, next));
    }

    /**
     * Saves the form ({@link #editDraft}) and asks every participant named anew, or with a changed role, to confirm it
     * ({@link ApplicationEvent.ParticipantNamed}); a changed role's earlier answer no longer counts.
     */
    public Outcome edit(ApplicationForm form, Actor by, Instant now) {
        Application next = editDraft(form, by, now);
        return new Outcome(next, named(draft, next.draft(), by, now));
    }

    /**
     * The participants of {@code after} not named with the same role in {@code before}: each is asked to confirm. Rows
     * without a valid USCC or a role are not asked yet (a draft may be partial); they are asked once they have both.
     */
    public static List<ApplicationEvent> named(ApplicationForm before, ApplicationForm after, Actor by, Instant now) {
        List<ApplicationEvent> events = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ApplicationForm.Participant p : after.participants()) {
            if (p == null || !org.qingdan.contracts.form.Uscc.isValid(p.uscc()) || p.role() == null || p.role().isBlank()
                    || !seen.add(p.uscc())) {
                continue;
            }
            boolean known = before != null && before.participants().stream().anyMatch(b -> b != null && p.uscc().equals(b.uscc())
                    && ParticipantConfirmation.sameRole(b.role(), p.role()));
            if (!known) {
                events.add(new ApplicationEvent.ParticipantNamed(p.uscc(), p.name(), p.role().strip(), by, now));
            }
        }
        return events;
    }

    /** The participant row of this organisation in the current form, if it is named. */
    public Optional<ApplicationForm.Participant> participant(String uscc) {
        return draft.participants().stream().filter(p -> p != null && uscc != null && uscc.equals(p.uscc())).findFirst();
    }

    /** This organisation's answer, if it answered for the role it has now. */
    public Optional<ParticipantConfirmation> confirmationOf(String uscc) {
        return participantConfirmations.stream().filter(c -> c.uscc().equals(uscc)).findFirst();
    }

    /**
     * The participant confirms its role (Art. 8, 协商一致) while the lead holds the pen (draft, or returned for
     * correction). {@code role}, when given, is the role the participant saw: if the lead changed it meanwhile, the
     * confirmation is refused rather than applied to a role nobody agreed to.
     */
    public Application confirmParticipation(String uscc, String role, Actor by, Instant now) {
        ApplicationForm.Participant row = requireParticipant(uscc, "确认参与");
        if (role != null && !ParticipantConfirmation.sameRole(role, row.role())) {
            throw new ApplicationRefused(Reason.ROLE_CHANGED, "牵头单位已修改本机构的分工，请按当前分工确认",
                    List.of(new RuleViolation("role", "participant-role-changed", "当前分工为“" + row.role() + "”")));
        }
        if (confirmationOf(uscc).filter(c -> c.confirms(row.role())).isPresent()) {
            return this; // confirmed already: a repeated request (a client's retry) changes nothing
        }
        return answer(new ParticipantConfirmation(uscc, row.role().strip(), ParticipantConfirmation.Decision.CONFIRMED, null, by, now),
                "PARTICIPANT_CONFIRMED", "参与机构 " + nameOr(row) + " 确认分工：" + row.role().strip(), now, by);
    }

    /** The participant declines, with a reason; the lead cannot submit while it stands (change the form, or remove it). */
    public Application declineParticipation(String uscc, String reason, Actor by, Instant now) {
        ApplicationForm.Participant row = requireParticipant(uscc, "拒绝参与");
        if (reason == null || reason.isBlank() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new ApplicationRefused(Reason.INVALID, "请说明拒绝的理由",
                    List.of(new RuleViolation("reason", "required", "请填写拒绝的理由（不超过 " + MAX_REASON + " 字）")));
        }
        return answer(new ParticipantConfirmation(uscc, row.role().strip(), ParticipantConfirmation.Decision.DECLINED, reason.trim(), by, now),
                "PARTICIPANT_DECLINED", "参与机构 " + nameOr(row) + " 拒绝分工“" + row.role().strip() + "”：" + reason.trim(), now, by);
    }

    /** Every participant that has not confirmed its current role, each named as {@code participants[i]}. */
    public List<RuleViolation> unconfirmedParticipants() {
        List<RuleViolation> missing = new ArrayList<>();
        List<ApplicationForm.Participant> rows = draft.participants();
        for (int i = 0; i < rows.size(); i++) {
            ApplicationForm.Participant p = rows.get(i);
            if (p == null) {
                continue;
            }
            Optional<ParticipantConfirmation> answer = confirmationOf(p.uscc()).filter(c -> ParticipantConfirmation.sameRole(c.role(), p.role()));
            if (answer.isPresent() && answer.get().decision() == ParticipantConfirmation.Decision.DECLINED) {
                missing.add(new RuleViolation("participants[" + i + "]", "participant-declined",
                        nameOr(p) + "（" + p.uscc() + "）拒绝了分工“" + p.role() + "”：" + answer.get().reason()));
            } else if (answer.isEmpty()) {
                missing.add(new RuleViolation("participants[" + i + "]", "participant-unconfirmed",
                        nameOr(p) + "（" + p.uscc() + "）尚未确认分工“" + p.role() + "”"));
            }
        }
        return missing;
    }

    private ApplicationForm.Participant requireParticipant(String uscc, String action) {
        ApplicationForm.Participant row = participant(uscc)
                .orElseThrow(() -> new ApplicationRefused(Reason.NOT_PARTICIPANT, "本机构不是该申报的参与机构"));
        requireStatus(action, ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
        if (row.role() == null || row.role().isBlank()) {
            throw new ApplicationRefused(Reason.WRONG_STATE, "牵头单位尚未填写本机构的分工，暂不能" + action);
        }
        return row;
    }

    private Application answer(ParticipantConfirmation answer, String action, String detail, Instant now, Actor by) {
        List<ParticipantConfirmation> next = new ArrayList<>(participantConfirmations.stream()
                .filter(c -> !c.uscc().equals(answer.uscc())).toList());
        next.add(answer);
        return with(status, draft, versions, corrections, withdrawalReason, audit(now, by, action, detail)).withConfirmations(next);
    }

    private Application withConfirmations(List<ParticipantConfirmation> confirmations) {
        return new Application(id, callId, ownerUscc, ownerName, status, draft, versions, corrections, withdrawalReason,
                assignedReviewers, audit, createdAt, correctionDueAt, notAcceptedReason, confirmations);
    }

    /** The answers that still hold: given for the role the organisation has in {@code form}. */
    private static List<ParticipantConfirmation> stillCurrent(List<ParticipantConfirmation> answers, ApplicationForm form) {
        return answers.stream().filter(c -> form.participants().stream()
                .anyMatch(p -> p != null && c.uscc().equals(p.uscc()) && ParticipantConfirmation.sameRole(c.role(), p.role()))).toList();
    }

    private static String nameOr(ApplicationForm.Participant p) {
        return p.name() == null || p.name().isBlank() ? "参与机构" : p.name();
    }

    /**
     * Submits the current form. A first submission needs the call open ({@code callRefusal} empty); a
     * corrected one is a new version of an application already in the call. Every violated rule is
     * reported at once; an inadmissible answer refuses the submission with its reason.
     */
    public Outcome submit(Optional<String> callRefusal, Set<String> attachmentIds, Actor by, Instant now) {
        requireStatus("提交申报", ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
        boolean resubmission = status == ApplicationStatus.RETURNED;
        if (!resubmission && callRefusal.isPresent()) {
            throw new ApplicationRefused(Reason.CALL_NOT_OPEN, callRefusal.get());
        }
        FormRules.Result result = FormRules.check(draft, attachmentIds, LocalDate.ofInstant(now, CHINA), ownerUscc);
        if (result.inadmissible()) {
            throw new ApplicationRefused(Reason.INADMISSIBLE, "申报不符合纳入清单的条件，不予受理", result.violations());
        }
        if (!result.violations().isEmpty()) {
            throw new ApplicationRefused(Reason.INVALID, "申报表有 " + result.violations().size() + " 处需要修改", result.violations());
        }
        // Art. 8, Annex 2 §1: every participant agreed to its current role (no nominal participation)
        List<RuleViolation> unconfirmed = unconfirmedParticipants();
        if (!unconfirmed.isEmpty()) {
            throw new ApplicationRefused(Reason.PARTICIPANTS_UNCONFIRMED,
                    unconfirmed.size() + " 家参与机构尚未确认其分工，全部确认后方可提交", unconfirmed);
        }
        // 填报日期: the system's, not the applicant's, for each version
        SubmittedVersion version = new SubmittedVersion(versions.size() + 1, draft, now, by, result.riskFlags(),
                LocalDate.ofInstant(now, CHINA));
        List<SubmittedVersion> nextVersions = new ArrayList<>(versions);
        nextVersions.add(version);
        Application next = with(ApplicationStatus.SUBMITTED, draft, nextVersions, List.of(), null,
                audit(now, by, resubmission ? "RESUBMITTED" : "SUBMITTED", "提交第 " + version.number() + " 版"));
        ApplicationEvent event = resubmission
                ? new Resubmitted(version, version.number() - 1, now)
                : new Submitted(version, now);
        return new Outcome(next, List.of(event));
    }

    /** The applicant withdraws, with a reason, any time before the committee's decision. */
    public Outcome withdraw(String reason, Actor by, Instant now) {
        if (!status.beforeDecision()) {
            throw new ApplicationRefused(Reason.WRONG_STATE, "申报已" + status.label() + "，不能撤回");
        }
        if (reason == null || reason.isBlank() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new ApplicationRefused(Reason.INVALID, "请说明撤回原因",
                    List.of(new RuleViolation("reason", "required", "请填写撤回原因（不超过 500 字）")));
        }
        // once accepted, the review case decides between this withdrawal and the committee's decision
        // (whichever reaches it first): the withdrawal takes effect when review-service closes the case
        ApplicationStatus after = status == ApplicationStatus.ACCEPTED ? ApplicationStatus.WITHDRAWAL_REQUESTED : ApplicationStatus.WITHDRAWN;
        Application next = with(after, draft, versions, corrections, reason.trim(),
                audit(now, by, after.name(), reason.trim()));
        // a draft nobody else has seen needs no event
        return new Outcome(next, versions.isEmpty() ? List.of() : List.of(new Withdrawn(reason.trim(), by, now)));
    }

    /** The office's formal check (受理) accepts the submitted version. */
    public Outcome accept(Actor by, Instant now) {
        requireStatus("受理", ApplicationStatus.SUBMITTED);
        Application next = with(ApplicationStatus.ACCEPTED, draft, versions, List.of(), null,
                audit(now, by, "ACCEPTED", "形式审查通过，受理第 " + currentVersion().number() + " 版"));
        return new Outcome(next, List.of(new Accepted(currentVersion().number(), by, now)));
    }

    /**
     * The office's formal check returns the application for correction (退回补正), with per-field comments and a
     * deadline ({@code now + period}): without a corrected submission by then, it lapses into 不予受理 ({@link #lapse}).
     */
    public Outcome returnForCorrection(List<CorrectionComment> comments, Duration period, Actor by, Instant now) {
        requireStatus("退回补正", ApplicationStatus.SUBMITTED);
        List<RuleViolation> problems = new ArrayList<>();
        if (comments == null || comments.isEmpty()) {
            problems.add(new RuleViolation("comments", "required", "请至少填写一条补正意见"));
        } else {
            for (int i = 0; i < comments.size(); i++) {
                CorrectionComment c = comments.get(i);
                if (c == null || c.field() == null || c.field().isBlank()) {
                    problems.add(new RuleViolation("comments[" + i + "].field", "required", "请指明需要补正的字段"));
                }
                if (c == null || c.comment() == null || c.comment().isBlank()) {
                    problems.add(new RuleViolation("comments[" + i + "].comment", "required", "请填写补正意见"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplicationRefused(Reason.INVALID, "补正意见不完整", problems);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the correction period must be positive: " + period);
        }
        Instant due = now.plus(period);
        Application returned = with(ApplicationStatus.RETURNED, draft, versions, comments, null,
                audit(now, by, "RETURNED", "退回补正：" + comments.size() + " 条意见，补正期限 " + DAY.format(due)));
        Application next = new Application(id, callId, ownerUscc, ownerName, returned.status(), draft, versions, comments, null,
                assignedReviewers, returned.audit(), createdAt, due, null, participantConfirmations);
        return new Outcome(next, List.of(new ReturnedForCorrection(currentVersion().number(), comments, due, by, now)));
    }

    /**
     * The formal check refuses the submitted application (不予受理), with a reason; final: no correction, no resubmission,
     * no withdrawal follows.
     */
    public Outcome refuse(String reason, Actor by, Instant now) {
        requireStatus("不予受理", ApplicationStatus.SUBMITTED);
        if (reason == null || reason.isBlank() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new ApplicationRefused(Reason.INVALID, "请说明不予受理的理由",
                    List.of(new RuleViolation("reason", "required", "请填写不予受理的理由（不超过 " + MAX_REASON + " 字）")));
        }
        return notAccepted(reason.trim(), false, by, now);
    }

    /**
     * The correction deadline passed without a corrected submission: the application lapses into 不予受理 (by the
     * system). Before the deadline, or in any other state, nothing changes and nothing is raised (idempotent).
     */
    public Outcome lapse(Instant now) {
        if (status != ApplicationStatus.RETURNED || correctionDueAt == null || now.isBefore(correctionDueAt)) {
            return new Outcome(this, List.of());
        }
        return notAccepted("逾期未补正：补正期限 " + DAY.format(correctionDueAt) + " 已过", true, SYSTEM, now);
    }

    /** Who acts when a deadline passes. */
    public static final Actor SYSTEM = new Actor("system", "系统");
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private Outcome notAccepted(String reason, boolean lapsed, Actor by, Instant now) {
        Application done = with(ApplicationStatus.NOT_ACCEPTED, draft, versions, corrections, null,
                audit(now, by, lapsed ? "LAPSED" : "NOT_ACCEPTED", "不予受理：" + reason));
        Application next = new Application(id, callId, ownerUscc, ownerName, done.status(), draft, versions, corrections, null,
                assignedReviewers, done.audit(), createdAt, null, reason, participantConfirmations);
        return new Outcome(next, List.of(new NotAccepted(currentVersion().number(), reason, lapsed, by, now)));
    }

    /**
     * The committee's decision, learned from review-service; after it, no withdrawal. A withdrawal still
     * waiting for review-service lost the race: the decision came first and stands. Idempotent.
     */
    public Application decided(boolean approved, Instant now) {
        if (status != ApplicationStatus.ACCEPTED && status != ApplicationStatus.WITHDRAWAL_REQUESTED) {
            return this;
        }
        String summary = status == ApplicationStatus.WITHDRAWAL_REQUESTED ? "审核决定（撤回未生效：专委会已先作出决定）" : "审核决定";
        return with(approved ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, draft, versions, corrections,
                withdrawalReason, audit(now, new Actor("committee", "专委会"), approved ? "APPROVED" : "REJECTED", summary));
    }

    /** review-service closed the case on the withdrawal: it took effect, and no decision can follow. Idempotent. */
    public Application withdrawalConfirmed(Instant now) {
        if (status != ApplicationStatus.WITHDRAWAL_REQUESTED) {
            return this;
        }
        return with(ApplicationStatus.WITHDRAWN, draft, versions, corrections, withdrawalReason,
                audit(now, new Actor("review-service", "评审"), "WITHDRAWN", "撤回已生效，评审终止"));
    }

    /** A reviewer assigned by review-service may read this application's attachments. */
    public Application reviewerAssigned(String reviewerId) {
        Set<String> reviewers = new LinkedHashSet<>(assignedReviewers);
        reviewers.add(reviewerId);
        return new Application(id, callId, ownerUscc, ownerName, status, draft, versions, corrections, withdrawalReason,
                reviewers, audit, createdAt, correctionDueAt, notAcceptedReason, participantConfirmations);
    }

    /** A reviewer who stepped aside (回避) reads this application no more. Idempotent. */
    public Application reviewerRecused(String reviewerId) {
        if (!assignedReviewers.contains(reviewerId)) {
            return this;
        }
        Set<String> reviewers = new LinkedHashSet<>(assignedReviewers);
        reviewers.remove(reviewerId);
        return new Application(id, callId, ownerUscc, ownerName, status, draft, versions, corrections, withdrawalReason,
                reviewers, audit, createdAt, correctionDueAt, notAcceptedReason, participantConfirmations);
    }

    public SubmittedVersion currentVersion() {
        if (versions.isEmpty()) {
            throw new ApplicationRefused(Reason.WRONG_STATE, "申报尚未提交");
        }
        return versions.get(versions.size() - 1);
    }

    public Optional<SubmittedVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    private void requireStatus(String action, ApplicationStatus... allowed) {
        for (ApplicationStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ApplicationRefused(Reason.WRONG_STATE, "申报当前为“" + status.label() + "”，不能" + action);
    }

    private List<AuditEntry> audit(Instant at, Actor by, String action, String detail) {
        List<AuditEntry> next = new ArrayList<>(audit);
        // a run of saves by one person is one step of the owner's history, so the document does not grow with every
        // save; the office's audit trail (its own collection) keeps each
        AuditEntry last = next.isEmpty() ? null : next.get(next.size() - 1);
        if ("DRAFT_SAVED".equals(action) && last != null && last.action().equals(action) && last.by().id().equals(by.id())) {
            next.remove(next.size() - 1);
        }
        next.add(new AuditEntry(at, by, action, detail));
        return next;
    }

    private Application with(ApplicationStatus nextStatus, ApplicationForm nextDraft, List<SubmittedVersion> nextVersions,
                             List<CorrectionComment> nextCorrections, String reason, List<AuditEntry> nextAudit) {
        // the correction deadline holds only while the application waits for its correction
        return new Application(id, callId, ownerUscc, ownerName, nextStatus, nextDraft, nextVersions, nextCorrections,
                reason, assignedReviewers, nextAudit, createdAt, nextStatus == ApplicationStatus.RETURNED ? correctionDueAt : null,
                notAcceptedReason, participantConfirmations);
    }
}
