package org.qingdan.application.call;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.qingdan.application.call.domain.Call;
import org.qingdan.application.call.persistence.CallStore;
import org.qingdan.application.shared.Idempotency;
import org.qingdan.support.web.IfMatch;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Calls for applications: the office plans, opens and closes them; everyone signed in reads them. */
@Service
public class CallService {

    private final CallStore calls;
    private final Clock clock;

    public CallService(CallStore calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    public record Draft(String title, Integer year, java.time.Instant opensAt, java.time.Instant closesAt,
                        Integer publicNoticeDays, Integer reviewersPerApplication) {
    }

    public CallStore.Versioned plan(CurrentUser office, Draft draft, String idempotencyKey, String requestHash) {
        String id = Idempotency.idFor("call", office.username(), idempotencyKey);
        Call call = Call.plan(id, draft.title(), draft.year(), draft.opensAt(), draft.closesAt(), draft.publicNoticeDays(),
                draft.reviewersPerApplication(), office.username(), clock.instant());
        try {
            long version = calls.insert(call, requestHash);
            return new CallStore.Versioned(call, version, requestHash);
        } catch (DuplicateKeyException replay) {
            CallStore.Versioned existing = calls.find(id).orElseThrow();
            if (!requestHash.equals(existing.requestHash())) {
                throw new ProblemException(422, "idempotency-key-reused", "幂等键已用于另一请求",
                        "Idempotency-Key 已用于内容不同的请求，请换一个键", List.of());
            }
            return existing;
        }
    }

    public List<CallStore.Versioned> all() {
        return calls.all();
    }

    public CallStore.Versioned get(String id) {
        return calls.find(id).orElseThrow(() -> ProblemException.notFound("征集 " + id + " 不存在"));
    }

    public CallStore.Versioned open(String id, Long expectedVersion) {
        return transition(id, expectedVersion, Call::open);
    }

    public CallStore.Versioned close(String id, Long expectedVersion) {
        return transition(id, expectedVersion, Call::close);
    }

    private CallStore.Versioned transition(String id, Long expectedVersion, UnaryOperator<Call> change) {
        CallStore.Versioned current = get(id);
        IfMatch.require(expectedVersion, current.version());
        Call next = change.apply(current.call());
        long version = calls.update(next, current.version(), current.requestHash());
        return new CallStore.Versioned(next, version, current.requestHash());
    }
}
