package org.qingdan.support.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Decides what a file is from its bytes, never from its name, and keeps only PDFs, images and Office
 * documents. Active content is refused, because reviewers open these files on their own machines: a PDF
 * that can run or open something ({@link PdfActiveContent}), an Office Open XML package with macros or
 * ActiveX controls ({@link OfficeMacros}), a legacy .doc/.xls with a VBA project ({@link CompoundFile}).
 * A file we cannot read far enough to tell is refused too.
 */

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
    private static final String MACROS = "Office 文档含有宏（VBA）或 ActiveX 控件，请另存为不含宏的 .docx/.xlsx/.pptx 后再上传";
    private final Detector detector = new DefaultDetector();

    /** Returns the media type of an allowed file, or throws FileRejected. */
    public String inspect(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // no file name in the metadata: the name must not influence the decision
            MediaType type = detector.detect(in, new Metadata());
            detected = type.getBaseType().toString();
        }
        String mediaType = switch (detected) {
            case "application/zip", "application/x-tika-ooxml" -> officeOpenXml(file);
            case OLE2 -> "application/msword"; // a legacy container Tika could not name: Word as the common case
            default -> detected;
        };
        if (startsWith(file, CompoundFile.SIGNATURE)) {
            refuseVba(file); // whatever Tika called it (it names .doc and .xls by their directory's stream names)
        }
        if (!ALLOWED.containsKey(mediaType)) {
            throw new FileRejected(415, "attachment-type",
                    "不支持的文件类型（" + mediaType + "）。请上传 PDF、图片（PNG/JPEG）或 Office 文档");
        }
        if (mediaType.equals("application/pdf")) {
            refuseActivePdf(file);
        }
        return mediaType;
    }

    /**
     * A zip is an Office document only if it is an Open Packaging container with the document part; any
     * Open Packaging container is checked for macros first, whether or not it has a main part.
     */
    private static String officeOpenXml(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return "application/zip";
            }
            Optional<OfficeMacros.Finding> found = OfficeMacros.find(zip);
            if (found.isPresent()) {
                throw found.get().rule().equals("attachment-macros")
                        ? new FileRejected(422, "attachment-macros", MACROS)
                        : new FileRejected(422, "attachment-unreadable", "Office 文档的内容无法完整检查（" + found.get().part() + "），请另存后再上传");
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
            return "application/zip";
        } catch (java.util.zip.ZipException e) {
            return "application/zip";
        }
    }

    private static boolean has(ZipFile zip, String entry) {
        return zip.getEntry(entry) != null;
    }

    private static boolean startsWith(Path file, byte[] prefix) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(prefix.length), prefix);
        }
    }

    /** An OLE2 compound file (legacy .doc, .xls) with a VBA project is refused, and so is one we cannot read. */
    private static void refuseVba(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (CompoundFile.hasVbaProject(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()))) {
                throw new FileRejected(422, "attachment-macros", MACROS);
            }
        } catch (CompoundFile.Malformed e) {
            throw new FileRejected(422, "attachment-unreadable", "Office 文档已损坏或无法读取");
        }
    }

    private static void refuseActivePdf(Path file) throws IOException {
        Optional<PdfActiveContent.Finding> found;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            found = PdfActiveContent.find(pdf);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new FileRejected(422, "attachment-encrypted", "PDF 已加密，请上传未加密的文件");
        } catch (IOException | RuntimeException e) {
            throw new FileRejected(422, "attachment-unreadable", "PDF 文件已损坏或无法读取");
        }
        if (found.isPresent()) {
            throw found.get().rule().equals("attachment-active-content")
                    ? new FileRejected(422, "attachment-active-content",
                            "PDF 含有脚本、启动外部程序、表单提交、嵌入文件或自动打开动作等可执行内容（" + found.get().what()
                                    + "），请另存为不含这些内容的 PDF 后再上传")
                    : new FileRejected(422, "attachment-unreadable", "PDF 的内容无法完整检查（" + found.get().what() + "），请另存后再上传");
        }
    }
}
