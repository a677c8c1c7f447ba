package org.qingdan.application.attachment.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.qingdan.application.attachment.domain.AttachmentRejected;
import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its bytes, never from its name, and keeps only PDFs, images and Office
 * documents. A PDF that can run something (JavaScript, launch actions, automatic open actions, embedded
 * files) is refused: reviewers open these files on their own machines.
 */
@Component
public class ContentInspector {

    /** The allow-list, with the labels users see. */
    public static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "PDF",
            "image/png", "PNG 图片",
            "image/jpeg", "JPEG 图片",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿",
            "application/msword", "Word 97-2003 文档",
            "application/vnd.ms-excel", "Excel 97-2003 表格");

    private static final String OLE2 = "application/x-tika-msoffice";
    private final Detector detector = new DefaultDetector();

    /** Returns the media type of an allowed file, or throws AttachmentRejected. */
    public String inspect(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // no file name in the metadata: the name must not influence the decision
            MediaType type = detector.detect(in, new Metadata());
            detected = type.getBaseType().toString();
        }
        String mediaType = switch (detected) {
            case "application/zip", "application/x-tika-ooxml" -> officeOpenXml(file);
            case OLE2 -> "application/msword"; // legacy Word/Excel container; both are allowed, Word as the common case
            default -> detected;
        };
        if (!ALLOWED.containsKey(mediaType)) {
            throw new AttachmentRejected(415, "attachment-type",
                    "不支持的文件类型（" + mediaType + "）。请上传 PDF、图片（PNG/JPEG）或 Office 文档");
        }
        if (mediaType.equals("application/pdf")) {
            refuseActivePdf(file);
        }
        return mediaType;
    }

    /** A zip is an Office document only if it is an Open Packaging container with the document part. */
    private static String officeOpenXml(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return "application/zip";
            }
            if (has(zip, "word/document.xml")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (has(zip, "xl/workbook.xml")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (has(zip, "ppt/presentation.xml")) {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            }
            if (zip.stream().map(ZipEntry::getName).anyMatch(n -> n.toLowerCase().contains("vbaproject"))) {
                return "application/vnd.ms-office.vbaproject";
            }
            return "application/zip";
        } catch (java.util.zip.ZipException e) {
            return "application/zip";
        }
    }

    private static boolean has(ZipFile zip, String entry) {
        return zip.getEntry(entry) != null;
    }

    private static void refuseActivePdf(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            for (COSObject object : pdf.getDocument().getXrefTable().keySet().stream()
                    .map(key -> pdf.getDocument().getObjectFromPool(key)).toList()) {
                COSBase base = object.getObject();
                if (base instanceof COSDictionary dictionary && active(dictionary)) {
                    throw new AttachmentRejected(422, "attachment-active-content",
                            "PDF 含有脚本、启动或自动打开动作等可执行内容，请另存为不含这些内容的 PDF 后再上传");
                }
            }
            COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
            if (catalog.containsKey(COSName.OPEN_ACTION) || catalog.containsKey(COSName.AA)) {
                throw new AttachmentRejected(422, "attachment-active-content", "PDF 含有自动打开动作，请去除后再上传");
            }
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new AttachmentRejected(422, "attachment-encrypted", "PDF 已加密，请上传未加密的文件");
        } catch (IOException e) {
            throw new AttachmentRejected(422, "attachment-unreadable", "PDF 文件已损坏或无法读取");
        }
    }

    /** Actions that run code or other programs, and JavaScript name trees, anywhere in the file. */
    private static boolean active(COSDictionary d) {
        COSName s = d.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(s) || COSName.getPDFName("Launch").equals(s) || COSName.getPDFName("ImportData").equals(s)
                || COSName.getPDFName("SubmitForm").equals(s) || COSName.getPDFName("RichMediaExecute").equals(s)) {
            return true;
        }
        return d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)
                || COSName.EMBEDDED_FILES.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(COSName.EMBEDDED_FILES);
    }
}
