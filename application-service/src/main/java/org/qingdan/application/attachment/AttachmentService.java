package org.qingdan.application.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.qingdan.application.application.ApplicationService;
import org.qingdan.application.application.domain.Application;
import org.qingdan.application.application.domain.ApplicationStatus;
import org.qingdan.application.application.persistence.ApplicationStore;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.qingdan.application.attachment.domain.AttachmentRejected;
import org.qingdan.application.attachment.domain.FileNames;
import org.qingdan.application.attachment.inspect.ContentInspector;
import org.qingdan.application.attachment.persistence.GridFsAttachments;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

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
    private final ContentInspector inspector;
    private final Clock clock;
    private final long maxSize;
    private final org.qingdan.support.audit.AuditRecorder audit;

    public AttachmentService(ApplicationStore applications, GridFsAttachments files, ContentInspector inspector, Clock clock,
                             @Value("${qingdan.attachments.max-size:20MB}") DataSize maxSize,
                             org.qingdan.support.audit.AuditRecorder audit) {
        this.audit = audit;
        this.applications = applications;
        this.files = files;
        this.inspector = inspector;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    public AttachmentInfo upload(CurrentUser user, String applicationId, String originalName, InputStream content)
            throws IOException {
        Application app = readable(user, applicationId);
        if (!(ApplicationService.isApplicant(user) && user.belongsTo(app.ownerUscc()))) {
            throw ProblemException.forbidden("只有申报单位本身可以上传附件");
        }
        if (app.status() != ApplicationStatus.DRAFT && app.status() != ApplicationStatus.RETURNED) {
            throw ProblemException.conflict("wrong-state", "申报当前为“" + app.status().label() + "”，不能上传附件");
        }
        // each attachment's metadata travels in application.submitted.v1: a bounded count keeps that event bounded
        if (files.ofApplication(applicationId).size() >= MAX_ATTACHMENTS) {
            throw new AttachmentRejected(422, "max-count", "每份申报至多上传 " + MAX_ATTACHMENTS + " 个附件，请删除不需要的附件后再上传");
        }
        Path spooled = Files.createTempFile("qingdan-upload-", ".bin");
        try {
            String sha256 = spool(content, spooled);
            String mediaType = inspector.inspect(spooled);
            AttachmentInfo info = new AttachmentInfo(UUID.randomUUID().toString(), applicationId, app.ownerUscc(),
                    FileNames.sanitize(originalName), mediaType, Files.size(spooled), sha256, user.username(),
                    clock.instant());
            try (InputStream in = Files.newInputStream(spooled)) {
                files.store(info, in);
            }
            audit.record(ApplicationService.AUDIT_TYPE, applicationId, user, "ATTACHMENT_UPLOADED",
                    "上传附件 " + info.fileName() + "（" + info.mediaType() + "，" + info.size() + " 字节，SHA-256 " + sha256 + "）");
            return info;
        } finally {
            Files.deleteIfExists(spooled);
        }
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
                .orElseThrow(() -> ProblemException.notFound("附件 " + attachmentId + " 不存在"));
        return new Download(info, files.open(attachmentId));
    }

    private Application readable(CurrentUser user, String applicationId) {
        Application app = applications.find(applicationId).map(ApplicationStore.Versioned::application)
                .orElseThrow(() -> ProblemException.notFound("申报 " + applicationId + " 不存在"));
        if (!ApplicationService.mayReadDocuments(user, app)) {
            throw ProblemException.notFound("申报 " + applicationId + " 不存在");
        }
        return app;
    }

    /** Copies the upload to disk, counting bytes (chunked uploads have no Content-Length) and hashing. */
    private String spool(InputStream content, Path target) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxSize) {
                    throw new AttachmentRejected(413, "attachment-too-large",
                            "附件超过大小上限 " + DataSize.ofBytes(maxSize).toMegabytes() + " MB");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new AttachmentRejected(422, "attachment-empty", "附件为空文件");
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
