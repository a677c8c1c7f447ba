package org.qingdan.application.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.qingdan.application.attachment.persistence.GridFsAttachments;
import org.qingdan.application.call.domain.Call;
import org.qingdan.application.call.persistence.CallStore;
import org.qingdan.application.intake.domain.Actor;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ApplicationRefused;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.domain.CorrectionComment;
import org.qingdan.application.intake.domain.SubmittedVersion;
import org.qingdan.application.intake.events.ApplicationEventsAdapter;
import org.qingdan.application.intake.persistence.ApplicationStore;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.qingdan.support.outbox.VersionedStore.Written;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.Roles;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.IfMatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The use cases of intake. Every read and write of an application is checked against the user's
 * organisation from the token: applicants and vendors see only their own organisation's applications
 * (another's answers 404, so existence does not leak); the office sees all.
 */
@Service
public class ApplicationService {

    private final ApplicationStore applications;
    private final CallStore calls;
    private final GridFsAttachments attachments;
    private final Clock clock;
    private final Duration correctionPeriod;
    private final AuditRecorder audit;

    /** The aggregate type of applications in the audit trail. */
    public static final String AUDIT_TYPE = "application";

    public ApplicationService(ApplicationStore applications, CallStore calls, GridFsAttachments attachments, Clock clock,
                              @Value("${qingdan.intake.correction-period:P15D}") Duration correctionPeriod, AuditRecorder audit) {
        this.applications = applications;
        this.audit = audit;
        this.calls = calls;
        this.attachments = attachments;
        this.clock = clock;
        if (correctionPeriod.isNegative() || correctionPeriod.isZero()) {
            throw new IllegalArgumentException("qingdan.intake.correction-period must be positive, not " + correctionPeriod);
        }
        this.correctionPeriod = correctionPeriod;
    }

    public static boolean isOffice(CurrentUser user) {
        return user.isOffice();
    }

    public static boolean isApplicant(CurrentUser user) {
        return user.isMember();
    }

    static Actor actor(CurrentUser user) {
        return new Actor(user.subject(), user.displayName() == null ? user.username() : user.displayName());
    }

    public Versioned<Application> create(CurrentUser user, String callId, ApplicationForm form, String idempotencyKey,
                                             String requestHash) {
        String org = requireOrganisation(user);
        Call call = calls.find(callId).map(Versioned::state)
                .orElseThrow(() -> Refusal.invalid("征集不存在",
                        List.of(new Refusal.Violation("callId", "exists", "征集 " + callId + " 不存在"))));
        call.refusesSubmissionAt(clock.instant()).ifPresent(reason -> {
            // the submission's refusal's type and title, not yet the application's own (there is none yet)
            throw new Refusal(ApplicationRefused.Reason.CALL_NOT_OPEN.category(), reason, null, null, List.of());
        });
        String id = Idempotency.idFor("application", org, idempotencyKey);
        Application draft = Application.draft(id, callId, org, user.orgName(), form, actor(user), clock.instant());
        // the participants named in the first form are asked to confirm, as those named later are
        Application.Outcome created = new Application.Outcome(draft,
                Application.named(ApplicationForm.empty(), draft.draft(), actor(user), clock.instant()));
        return Idempotency.createOnce(() -> {
            long version = applications.insert(draft, requestHash,
                    created.events().isEmpty() ? List.of() : toContracts(created, 0L));
            audited(user, null, draft);
            return new Versioned<>(draft, version, requestHash);
        }, () -> applications.find(id).orElseThrow(), Versioned::requestHash, requestHash);
    }

    public Versioned<Application> get(CurrentUser user, String id) {
        Versioned<Application> found = applications.find(id).orElseThrow(() -> notFound(id));
        if (!mayRead(user, found.state())) {
            throw notFound(id);
        }
        return found;
    }

    public List<Application> list(CurrentUser user, String callId, ApplicationStatus status, int page, int size) {
        if (isOffice(user)) {
            return applications.list(null, callId, status, page, size);
        }
        if (isApplicant(user)) {
            return applications.list(requireOrganisation(user), callId, status, page, size);
        }
        throw Refusal.forbidden("只有申报单位和专委会办公室可以查看申报");
    }

    public Versioned<Application> saveDraft(CurrentUser user, String id, ApplicationForm form, Long ifMatch) {
        return change(user, id, ifMatch, true, app -> app.edit(form, actor(user), clock.instant()));
    }

    /**
     * The applications that name the user's organisation as a participant (其他参与机构), newest first: what it may see of
     * them is its own part ({@link Application#participant}), never the whole form.
     */
    public List<Versioned<Application>> participations(CurrentUser user, int page, int size) {
        return applications.naming(requireOrganisation(user), page, size);
    }

    /** One application naming the user's organisation as a participant; any other answers 404, so nothing leaks. */
    public Versioned<Application> participation(CurrentUser user, String id) {
        String org = requireOrganisation(user);
        Versioned<Application> found = applications.find(id).orElseThrow(() -> notFound(id));
        if (found.state().participant(org).isEmpty()) {
            throw notFound(id);
        }
        return found;
    }

    /** The participant confirms its current role (Art. 8, Annex 2 §1). */
    public Versioned<Application> confirmParticipation(CurrentUser user, String id, String role, Long ifMatch) {
        return asParticipant(user, id, ifMatch, (app, org) -> app.confirmParticipation(org, role, actor(user), clock.instant()));
    }

    /** The participant declines its role, with a reason. */
    public Versioned<Application> declineParticipation(CurrentUser user, String id, String reason, Long ifMatch) {
        return asParticipant(user, id, ifMatch, (app, org) -> app.declineParticipation(org, reason, actor(user), clock.instant()));
    }

    private Versioned<Application> asParticipant(CurrentUser user, String id, Long ifMatch,
                                                     java.util.function.BiFunction<Application, String, Application> answer) {
        Versioned<Application> current = participation(user, id);
        IfMatch.require(ifMatch, current.version());
        Application next = answer.apply(current.state(), requireOrganisation(user));
        if (next == current.state()) {
            return current; // nothing to write (a repeated confirmation)
        }
        long version = applications.update(current, next, List.of());
        audited(user, current.state(), next);
        return current.next(next, version);
    }

    /**
     * The office's audit trail of the application's command: the domain's own account of it (its newest trail entry:
     * action and detail), with who, the organisation and the request. The application keeps that account in its
     * document too, as the history its owner reads, written atomically with the state.
     */
    private void audited(CurrentUser user, Application before, Application after) {
        if (before != null && after.audit().equals(before.audit())) {
            return; // nothing happened (a repeated request)
        }
        var entry = after.audit().get(after.audit().size() - 1);
        if (user == null) {
            audit.recordSystem(AUDIT_TYPE, after.id(), entry.by().id(), entry.by().name(), entry.action(), entry.detail());
        } else {
            audit.record(AUDIT_TYPE, after.id(), user, entry.action(), entry.detail());
        }
    }

    public Versioned<Application> submit(CurrentUser user, String id, Long ifMatch) {
        return change(user, id, ifMatch, true, app -> {
            Call call = callOf(app);
            Set<String> files = attachments.ofApplication(id).stream().map(AttachmentInfo::id).collect(Collectors.toSet());
            return app.submit(call.refusesSubmissionAt(clock.instant()), files, actor(user), clock.instant());
        });
    }

    public Versioned<Application> withdraw(CurrentUser user, String id, String reason, Long ifMatch) {
        return change(user, id, ifMatch, true, app -> app.withdraw(reason, actor(user), clock.instant()));
    }

    public Versioned<Application> accept(CurrentUser office, String id, Long ifMatch) {
        requireOffice(office);
        return change(office, id, ifMatch, false, app -> app.accept(actor(office), clock.instant()));
    }

    public Versioned<Application> returnForCorrection(CurrentUser office, String id, List<CorrectionComment> comments,
                                                          Long ifMatch) {
        requireOffice(office);
        return change(office, id, ifMatch, false, app -> app.returnForCorrection(comments, correctionPeriod, actor(office), clock.instant()));
    }

    /** The formal check refuses the application (不予受理) with a reason; final. */
    public Versioned<Application> refuse(CurrentUser office, String id, String reason, Long ifMatch) {
        requireOffice(office);
        return change(office, id, ifMatch, false, app -> app.refuse(reason, actor(office), clock.instant()));
    }

    /**
     * Lapses the returned applications whose correction deadline passed, at most {@code limit}, each its own write
     * guarded by its version: of two instances at once, one changes it and publishes ApplicationNotAccepted, the other
     * finds it changed and leaves it. Answers how many lapsed.
     */
    public int lapseOverdueCorrections(int limit) {
        Instant now = clock.instant();
        int lapsed = 0;
        for (String id : applications.correctionsDueBy(now, limit)) {
            var current = applications.find(id);
            if (current.isEmpty()) {
                continue;
            }
            Application.Outcome outcome = current.get().state().lapse(now);
            if (outcome.events().isEmpty()) {
                continue; // corrected, withdrawn or lapsed meanwhile
            }
            try {
                applications.update(current.get(), outcome.application(), toContracts(outcome, current.get().version() + 1));
                audited(null, current.get().state(), outcome.application());
                lapsed++;
            } catch (org.springframework.dao.OptimisticLockingFailureException changedMeanwhile) {
                // another instance lapsed it, or the applicant corrected it just now: the next run looks again
            }
        }
        return lapsed;
    }

    /** review-service assigned a reviewer: from now on it may download this application's attachments. */
    public void reviewerAssigned(String applicationId, String reviewerId) {
        if (applyFromEvent(applicationId, app -> app.assignedReviewers().contains(reviewerId) ? app : app.reviewerAssigned(reviewerId))) {
            audit.recordSystem(AUDIT_TYPE, applicationId, "review-service", "评审", "REVIEWER_ASSIGNED", "评审专家 " + reviewerId + " 可查阅附件");
        }
    }

    /** A reviewer stepped aside for a conflict of interest: it may no longer download the attachments. */
    public void reviewerRecused(String applicationId, String reviewerId) {
        if (applyFromEvent(applicationId, app -> app.reviewerRecused(reviewerId))) {
            audit.recordSystem(AUDIT_TYPE, applicationId, "review-service", "评审", "REVIEWER_RECUSED", "评审专家 " + reviewerId + " 回避，不再可查阅附件");
        }
    }

    /** review-service closed the case on the applicant's withdrawal. */
    public void withdrawalConfirmed(String applicationId) {
        applyFromEvent(applicationId, app -> app.withdrawalConfirmed(clock.instant()));
    }

    /** The committee decided: no withdrawal any more. */
    public void decided(String applicationId, boolean approved) {
        applyFromEvent(applicationId, app -> app.decided(approved, clock.instant()));
    }

    /**
     * Applies what another service's event says. Both changes are idempotent in the domain (a redelivered
     * event changes nothing and writes nothing); a concurrent user change is retried, not lost.
     */
    private boolean applyFromEvent(String applicationId, java.util.function.UnaryOperator<Application> change) {
        // an application not found is not ours (or already gone): nothing to apply
        return applications.change(applicationId, read -> Write.unlessUnchanged(read.state(), change.apply(read.state()), List.of()))
                .filter(Written::changed)
                .map(done -> {
                    audited(null, done.before().state(), done.state());
                    return true;
                }).orElse(false);
    }

    /**
     * Loads, checks access and If-Match, applies the command, and saves the next state with its events in
     * one write. {@code ownerOnly}: commands only the owning organisation may give.
     */
    private Versioned<Application> change(CurrentUser user, String id, Long ifMatch, boolean ownerOnly,
                                              Function<Application, Application.Outcome> command) {
        Versioned<Application> current = get(user, id);
        if (ownerOnly && !(isApplicant(user) && user.belongsTo(current.state().ownerUscc()))) {
            throw Refusal.forbidden("只有申报单位本身可以执行此操作");
        }
        IfMatch.require(ifMatch, current.version());
        Application.Outcome outcome = command.apply(current.state());
        long nextVersion = current.version() + 1;
        List<DomainEvent> events = outcome.events().isEmpty() ? List.of() : toContracts(outcome, nextVersion);
        long version = applications.update(current, outcome.application(), events);
        audited(user, current.state(), outcome.application());
        return current.next(outcome.application(), version);
    }

    private List<DomainEvent> toContracts(Application.Outcome outcome, long version) {
        Application app = outcome.application();
        Call call = callOf(app);
        List<AttachmentInfo> files = attachments.ofApplication(app.id());
        return outcome.events().stream()
                .map(e -> ApplicationEventsAdapter.toContract(e, app, version, call, files))
                .toList();
    }

    private Call callOf(Application app) {
        return calls.find(app.callId()).map(Versioned::state)
                .orElseThrow(() -> new IllegalStateException("call " + app.callId() + " of " + app.id() + " is gone"));
    }

    public static boolean mayRead(CurrentUser user, Application app) {
        return isOffice(user) || (isApplicant(user) && user.belongsTo(app.ownerUscc()));
    }

    /**
     * Who may read the application's documents (its attachments and the printed form): those who may read the
     * application ({@link #mayRead}), and the reviewers review-service assigned to it (until they recuse or are taken off).
     */
    public static boolean mayReadDocuments(CurrentUser user, Application app) {
        return mayRead(user, app) || (user.hasRole(Roles.REVIEWER) && app.assignedReviewers().contains(user.username()));
    }

    /**
     * The form to print ({@code form.pdf}): submitted version {@code number}, or without a number the form as it stands:
     * the draft while the applicant holds the pen (a draft, or returned for correction: what it prints, signs and seals
     * before it submits), else the latest submitted version. Anyone else than {@link #mayReadDocuments}: 404.
     */
    public FormPrintout printout(CurrentUser user, String id, Integer number) {
        Application app = applications.find(id).map(Versioned::state).orElseThrow(() -> notFound(id));
        if (!mayReadDocuments(user, app)) {
            throw notFound(id);
        }
        if (number != null) {
            SubmittedVersion v = app.version(number)
                    .orElseThrow(() -> Refusal.notFound("申报 " + id + " 没有第 " + number + " 版"));
            return new FormPrintout(app.id(), v.form(), v.number(), v.filingDate());
        }
        boolean penWithApplicant = app.status() == ApplicationStatus.DRAFT || app.status() == ApplicationStatus.RETURNED;
        if (penWithApplicant || app.versions().isEmpty()) {
            return new FormPrintout(app.id(), app.draft(), null, null);
        }
        SubmittedVersion latest = app.versions().get(app.versions().size() - 1);
        return new FormPrintout(app.id(), latest.form(), latest.number(), latest.filingDate());
    }

    private static String requireOrganisation(CurrentUser user) {
        if (!isApplicant(user)) {
            throw Refusal.forbidden("只有申报单位（会员单位信息科技部门或牵头的金融科技企业）可以申报");
        }
        return user.organisation().orElseThrow(() -> Refusal.forbidden("登录令牌中没有所属机构（org_uscc），无法申报"));
    }

    private static void requireOffice(CurrentUser user) {
        if (!isOffice(user)) {
            throw Refusal.forbidden("只有专委会办公室可以进行形式审查");
        }
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("申报 " + id + " 不存在");
    }
}
