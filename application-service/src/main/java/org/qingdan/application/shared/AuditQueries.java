package org.qingdan.application.shared;

import org.qingdan.application.call.CallService;
import org.qingdan.application.call.persistence.CallStore;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.persistence.ApplicationStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.springframework.stereotype.Service;

/** The audit trails of applications and calls, a page at a time, oldest first; of one that exists, else not found. */
@Service
public class AuditQueries {

    private final AuditRecorder audit;
    private final ApplicationStore applications;
    private final CallStore calls;

    public AuditQueries(AuditRecorder audit, ApplicationStore applications, CallStore calls) {
        this.audit = audit;
        this.applications = applications;
        this.calls = calls;
    }

    public AuditRecorder.Page application(String id, int page, int size) {
        applications.find(id).orElseThrow(() -> Refusal.notFound("申报 " + id + " 不存在"));
        return audit.trail(ApplicationService.AUDIT_TYPE, id, page, size);
    }

    public AuditRecorder.Page call(String id, int page, int size) {
        calls.find(id).orElseThrow(() -> Refusal.notFound("征集 " + id + " 不存在"));
        return audit.trail(CallService.AUDIT_TYPE, id, page, size);
    }
}
