package org.qingdan.application.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.qingdan.application.attachment.persistence.GridFsAttachments;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.persistence.ApplicationStore;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.files.FileRejected;
import org.qingdan.support.files.Uploads;
import org.qingdan.support.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Attachments of an application: uploaded by its organisation while it holds the pen, checked by
 * content, stored under a generated id with their SHA-256; read by the organisation, the office, and the
 * reviewers review-service assigned to the application.
 */
@Service
public class AttachmentService {

    /** Attachments one application may have. */
    public static final int MAX_ATTACHMENTS = 60;

    private final ApplicationStore applications;
    private final GridFsAttachments files;
    private final Uploads uploads;
    private final Clock clock;
    private final org.qingdan.support.audit.AuditRecorder audit;

    public AttachmentService(ApplicationStore applications, GridFsAttachments files, Uploads uploads, Clock clock,
                             org.qingdan.support.audit.AuditRecorder audit) {
        this.audit = audit;
        this.applications = applications;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
    }

    public AttachmentInfo upload(CurrentUser user, String applicationId, String originalName, InputStream content)
            throws IOException {
        Application app = readable(user, applicationId);
        if (!(ApplicationService.isApplicant(user) && user.belongsTo(app.ownerUscc()))) {
            throw Refusal.forbidden("只有申报单位本身可以上传附件");
        }
        if (app.status() != ApplicationStatus.DRAFT && app.status() != ApplicationStatus.RETURNED) {
            throw Refusal.wrongState("申报当前为“" + app.status().label() + "”，不能上传附件");
        }
        // each attachment's metadata travels in application.submitted.v1: a bounded count keeps that event bounded
        if (files.ofApplication(applicationId).size() >= MAX_ATTACHMENTS) {
            throw new FileRejected(422, "max-count", "每份申报至多上传 " + MAX_ATTACHMENTS + " 个附件，请删除不需要的附件后再上传");
        }
        return uploads.accept(originalName, content, file -> {
            AttachmentInfo info = new AttachmentInfo(UUID.randomUUID().toString(), applicationId, app.ownerUscc(),
                    file.fileName(), file.mediaType(), file.size(), file.sha256(), user.username(), clock.instant());
            try (InputStream in = Files.newInputStream(file.spooled())) {
                files.store(info, in);
            }
            audit.record(ApplicationService.AUDIT_TYPE, applicationId, user, "ATTACHMENT_UPLOADED",
                    "上传附件 " + info.fileName() + "（" + info.mediaType() + "，" + info.size() + " 字节，SHA-256 " + info.sha256() + "）");
            return info;
        });
    }

    public List<AttachmentInfo> list(CurrentUser user, String applicationId) {
        readable(user, applicationId);
        return files.ofApplication(applicationId);
    }

    /** The file's metadata and content, if the user may read it. */
    public record Download(AttachmentInfo info, InputStream content) {
    }

    public Download download(CurrentUser user, String applicationId, String attachmentId) {
        readable(user, applicationId);
        AttachmentInfo info = files.find(attachmentId)
                .filter(a -> a.applicationId().equals(applicationId))
                .orElseThrow(() -> Refusal.notFound("附件 " + attachmentId + " 不存在"));
        return new Download(info, files.open(attachmentId));
    }

    private Application readable(CurrentUser user, String applicationId) {
        Application app = applications.find(applicationId).map(Versioned::state)
                .orElseThrow(() -> Refusal.notFound("申报 " + applicationId + " 不存在"));
        if (!ApplicationService.mayReadDocuments(user, app)) {
            throw Refusal.notFound("申报 " + applicationId + " 不存在");
        }
        return app;
    }
}
