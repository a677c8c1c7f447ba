package org.qingdan.application.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.qingdan.application.call.domain.Call;
import org.qingdan.application.call.events.CallEvents;
import org.qingdan.application.call.persistence.CallStore;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.IfMatch;
import org.springframework.stereotype.Service;

/** Calls for applications: the office plans, opens and closes them; everyone signed in reads them. */
@Service
public class CallService {

    private final CallStore calls;
    private final Clock clock;
    private final org.qingdan.support.audit.AuditRecorder audit;

    /** The aggregate type of calls in the audit trail. */
    public static final String AUDIT_TYPE = "call";

    public CallService(CallStore calls, Clock clock, org.qingdan.support.audit.AuditRecorder audit) {
        this.calls = calls;
        this.clock = clock;
        this.audit = audit;
    }

    public record Draft(String title, Integer year, java.time.Instant opensAt, java.time.Instant closesAt,
                        Integer publicNoticeDays, Integer reviewersPerApplication) {
    }

    public Versioned<Call> plan(CurrentUser office, Draft draft, String idempotencyKey, String requestHash) {
        String id = Idempotency.idFor("call", office.username(), idempotencyKey);
        Call call = Call.plan(id, draft.title(), draft.year(), draft.opensAt(), draft.closesAt(), draft.publicNoticeDays(),
                draft.reviewersPerApplication(), office.username(), clock.instant());
        return Idempotency.createOnce(() -> {
            long version = calls.insert(call, requestHash);
            audit.record(AUDIT_TYPE, id, office, "PLANNED", "计划征集“" + call.title() + "”（" + call.year() + " 年度），"
                    + call.opensAt() + " 至 " + call.closesAt());
            return new Versioned<>(call, version, requestHash);
        }, () -> calls.find(id).orElseThrow(), Versioned::requestHash, requestHash);
    }

    public List<Versioned<Call>> all() {
        return calls.all();
    }

    public Versioned<Call> get(String id) {
        return calls.find(id).orElseThrow(() -> Refusal.notFound("征集 " + id + " 不存在"));
    }

    public Versioned<Call> open(CurrentUser office, String id, Long expectedVersion) {
        return audited(office, "OPENED", "开始征集", transition(id, expectedVersion, c -> c.open(office.username(), clock.instant())));
    }

    public Versioned<Call> close(CurrentUser office, String id, Long expectedVersion) {
        return audited(office, "CLOSED", "结束征集", transition(id, expectedVersion, c -> c.close(office.username(), clock.instant())));
    }

    private Versioned<Call> audited(CurrentUser office, String action, String what, Versioned<Call> done) {
        audit.record(AUDIT_TYPE, done.state().id(), office, action, what + "“" + done.state().title() + "”");
        return done;
    }

    /** The calls that take applications now, for the public (the association website), closing soonest first. */
    public List<Call> openNow() {
        Instant now = clock.instant();
        return calls.openAt(now).stream().filter(c -> c.takesApplicationsAt(now)).toList();
    }

    /** The state and the event it raised in one write (the call's outbox), so that the members hear of each change once. */
    private Versioned<Call> transition(String id, Long expectedVersion, Function<Call, Call.Transition> change) {
        Versioned<Call> current = get(id);
        IfMatch.require(expectedVersion, current.version());
        Call.Transition t = change.apply(current.state());
        long version = calls.update(current, t.call(), List.of(CallEvents.toContract(t, current.version() + 1)));
        return current.next(t.call(), version);
    }
}
