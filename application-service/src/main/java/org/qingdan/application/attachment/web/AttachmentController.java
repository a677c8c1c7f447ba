package org.qingdan.application.attachment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.qingdan.application.attachment.AttachmentService;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.qingdan.support.files.web.FileResponses;
import org.qingdan.support.security.CurrentUser;

@RestController
@RequestMapping("/api/applications/{applicationId}/attachments")
@Tag(name = "附件 Attachments", description = "Files of an application: PDF, images and Office documents, 20 MB at most")
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file (multipart field 'file'); its type is decided by content")
    @ApiResponse(responseCode = "201", description = "Stored: its id, name, media type, size and SHA-256")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "申报当前状态不能上传附件 (wrong-state): only drafts and returned applications take files")
    @ApiResponse(responseCode = "413", description = "附件超过大小上限 (attachment-too-large): qingdan.attachments.max-size, 20 MB by default")
    @ApiResponse(responseCode = "415", description = "不支持的文件类型 (attachment-type): not PDF, PNG, JPEG, Word, Excel or PowerPoint by content, or not multipart/form-data")
    @ApiResponse(responseCode = "422", description = "附件不符合要求: empty, too many, encrypted, unreadable, or with active content or macros (the rule names which)")
    public ResponseEntity<AttachmentInfo> upload(CurrentUser user, @PathVariable String applicationId,
                                                 @RequestParam("file") MultipartFile file) throws IOException {
        AttachmentInfo info = attachments.upload(user, applicationId, file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/applications/" + applicationId + "/attachments/" + info.id())).body(info);
    }

    @GetMapping
    @Operation(summary = "The application's files (附件), without their content")
    @ApiResponse(responseCode = "200", description = "The files")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    public List<AttachmentInfo> list(CurrentUser user, @PathVariable String applicationId) {
        return attachments.list(user, applicationId);
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download, always as an attachment and never sniffed")
    @ApiResponse(responseCode = "200", description = "The file, with Content-Disposition: attachment and a Digest")
    @ApiResponse(responseCode = "404", description = "No such application or file, or not one the user may see")
    public ResponseEntity<InputStreamResource> download(CurrentUser user, @PathVariable String applicationId,
                                                        @PathVariable String attachmentId) {
        return asFile(attachments.download(user, applicationId, attachmentId));
    }

    /** A file as the browser gets it: always as an attachment, never sniffed nor run, not cached (the portal's too). */
    public static ResponseEntity<InputStreamResource> asFile(AttachmentService.Download download) {
        AttachmentInfo info = download.info();
        return FileResponses.attachment(info.fileName(), info.mediaType(), info.size(), info.sha256(), download.content());
    }
}
