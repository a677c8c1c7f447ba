package org.qingdan.support.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qingdan.testsupport.files.HostileFiles.DOCM_MAIN;
import static org.qingdan.testsupport.files.HostileFiles.DOCX_MAIN;
import static org.qingdan.testsupport.files.HostileFiles.STORAGE;
import static org.qingdan.testsupport.files.HostileFiles.STREAM;
import static org.qingdan.testsupport.files.HostileFiles.array;
import static org.qingdan.testsupport.files.HostileFiles.dict;
import static org.qingdan.testsupport.files.HostileFiles.linkWithAction;
import static org.qingdan.testsupport.files.HostileFiles.onePage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qingdan.testsupport.files.HostileFiles;

/** Every kind of active content we refuse, each in a file made here, and clean files that still pass. */
class ContentInspectorTest {

    static final String DOC = "application/msword";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;
    final ContentInspector inspector = new ContentInspector();

    String inspect(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.write(file, bytes);
        return inspector.inspect(file);
    }

    String refusal(byte[] bytes) {
        FileRejected e = catchThrowableOfType(FileRejected.class, () -> inspect(bytes));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(422);
        return e.rule();
    }

    static byte[] pdf(Consumer<PDDocument> change) {
        return HostileFiles.pdf(change, false);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------- PDF

    @Test
    void clean_pdfs_pass_plain_compressed_with_a_web_link_and_opening_at_a_page() throws IOException {
        assertThat(inspect(pdf(doc -> { }))).isEqualTo("application/pdf");
        assertThat(inspect(HostileFiles.pdf(doc -> { }, true))).isEqualTo("application/pdf");
        assertThat(inspect(pdf(linkWithAction(dict("S", "/URI", "URI", "https://www.example.org/report"))))).isEqualTo("application/pdf");
        // what LaTeX's hyperref writes: open at the first page, fit to the window
        assertThat(inspect(pdf(doc -> {
            COSArray destination = new COSArray();
            destination.add(doc.getPage(0).getCOSObject());
            destination.add(COSName.getPDFName("Fit"));
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, destination);
        }))).isEqualTo("application/pdf");
        assertThat(inspect(HostileFiles.rawPdf(onePage("")))).isEqualTo("application/pdf");
        assertThat(inspect(HostileFiles.pdfWithObjectStream("FlateDecode", onePage("")))).isEqualTo("application/pdf");
    }

    @Test
    void an_inline_javascript_action_of_a_link_annotation_is_refused() {
        byte[] raw = HostileFiles.rawPdf(onePage("/Annots [<< /Type /Annot /Subtype /Link /Rect [10 10 100 30] "
                + "/A << /S /JavaScript /JS (app.launchURL\\('http://evil.example'\\);) >> >>]"));
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).contains("/A << /S /JavaScript");
        assertThat(refusal(raw)).isEqualTo("attachment-active-content");
        assertThat(refusal(pdf(linkWithAction(dict("S", "/JavaScript", "JS", "app.alert(1)"))))).isEqualTo("attachment-active-content");
    }

    @Test
    void the_same_action_inside_a_flate_compressed_object_stream_is_refused() {
        byte[] compressed = HostileFiles.pdf(linkWithAction(dict("S", "/JavaScript", "JS", "app.alert(1)")), true);
        String text = new String(compressed, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("/ObjStm").doesNotContain("JavaScript"); // nothing to see without inflating
        assertThat(refusal(compressed)).isEqualTo("attachment-active-content");

        byte[] byHand = HostileFiles.pdfWithObjectStream("FlateDecode", onePage("/Annots [<< /Subtype /Link /Rect [0 0 9 9] "
                + "/A << /S /Launch /F (cmd.exe) >> >>]"));
        assertThat(new String(byHand, StandardCharsets.ISO_8859_1)).doesNotContain("Launch");
        assertThat(refusal(byHand)).isEqualTo("attachment-active-content");
    }

    @Test
    void an_object_stream_we_do_not_inflate_ourselves_is_refused_as_unreadable() {
        // PDFBox could decode this one, but we do not inspect what we would not inflate ourselves
        byte[] hex = HostileFiles.pdfWithObjectStream("ASCIIHexDecode", onePage(""));
        assertThat(refusal(hex)).isEqualTo("attachment-unreadable");
        assertThat(catchThrowableOfType(FileRejected.class, () -> inspect(hex))).hasMessageContaining("object stream with filter");
        // and this one no one can decode
        assertThat(refusal(HostileFiles.pdfWithObjectStream("NoSuchDecode", onePage("")))).isEqualTo("attachment-unreadable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Launch", "SubmitForm", "ImportData", "GoToR", "GoToE", "RichMediaExecute", "JavaScript"})
    void actions_that_run_send_or_open_other_files_are_refused(String type) {
        assertThat(refusal(pdf(linkWithAction(dict("S", "/" + type, "F", "other.pdf"))))).isEqualTo("attachment-active-content");
        // also at the end of a chain of harmless actions
        assertThat(refusal(pdf(linkWithAction(dict("S", "/Named", "N", "/NextPage", "Next", dict("S", "/" + type))))))
                .isEqualTo("attachment-active-content");
    }

    @Test
    void a_link_to_a_local_file_or_a_javascript_uri_is_refused() {
        assertThat(refusal(pdf(linkWithAction(dict("S", "/URI", "URI", "file:///C:/Windows/System32/calc.exe")))))
                .isEqualTo("attachment-active-content");
        assertThat(refusal(pdf(linkWithAction(dict("S", "/URI", "URI", "javascript:alert(1)"))))).isEqualTo("attachment-active-content");
    }

    @Test
    void page_additional_actions_are_refused() {
        assertThat(refusal(pdf(doc -> doc.getPage(0).getCOSObject().setItem(COSName.AA,
                dict("O", dict("S", "/Launch", "F", "calc.exe")))))).isEqualTo("attachment-active-content");
        assertThat(refusal(HostileFiles.rawPdf(onePage("/AA << /C << /S /GoTo /D [3 0 R /Fit] >> >>")))).isEqualTo("attachment-active-content");
    }

    @Test
    void form_field_additional_actions_and_xfa_are_refused() {
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM, dict("Fields",
                array(dict("FT", "/Tx", "T", "amount", "AA", dict("K", dict("S", "/JavaScript", "JS", "AFNumber_Keystroke(2)")))))))))
                .isEqualTo("attachment-active-content");
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.ACRO_FORM,
                dict("Fields", new COSArray(), "XFA", "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>")))))
                .isEqualTo("attachment-active-content");
    }

    @Test
    void document_level_javascript_in_the_names_tree_is_refused() {
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, dict("JavaScript",
                dict("Names", namesArray("init", dict("S", "/JavaScript", "JS", "this.print()")))))))).isEqualTo("attachment-active-content");
    }

    @Test
    void embedded_files_in_the_names_tree_or_as_a_file_attachment_annotation_are_refused() {
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, dict("EmbeddedFiles",
                dict("Names", namesArray("a.exe", dict("Type", "/Filespec", "F", "a.exe")))))))).isEqualTo("attachment-active-content");
        assertThat(refusal(pdf(doc -> doc.getPage(0).getCOSObject().setItem(COSName.ANNOTS, array(dict("Subtype", "/FileAttachment",
                "Rect", HostileFiles.rect(), "FS", dict("Type", "/Filespec", "F", "invoice.docm", "EF", dict("F", dict()))))))))
                .isEqualTo("attachment-active-content");
    }

    @Test
    void open_actions_other_than_going_to_a_page_are_refused() {
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION,
                dict("S", "/URI", "URI", "https://tracker.example/")))))
                .isEqualTo("attachment-active-content");
        assertThat(refusal(pdf(doc -> doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION,
                dict("S", "/JavaScript", "JS", "app.alert(1)"))))).isEqualTo("attachment-active-content");
    }

    static COSArray namesArray(String name, org.apache.pdfbox.cos.COSDictionary value) {
        COSArray names = new COSArray();
        names.add(new org.apache.pdfbox.cos.COSString(name));
        names.add(value);
        return names;
    }

    // ---------------------------------------------------------------------------------- Office Open XML

    @Test
    void a_clean_docx_passes_also_with_a_clean_embedded_object() throws IOException {
        assertThat(inspect(HostileFiles.wordPackage(DOCX_MAIN, Map.of()))).isEqualTo(DOCX);
        assertThat(inspect(HostileFiles.wordPackage(DOCX_MAIN, Map.of("word/embeddings/oleObject1.bin",
                HostileFiles.compoundFile(Map.of("\u0001Ole10Native", STREAM), null))))).isEqualTo(DOCX);
    }

    @Test
    void a_macro_enabled_word_document_is_refused() {
        assertThat(refusal(HostileFiles.wordPackage(DOCM_MAIN, Map.of("word/vbaProject.bin", new byte[] {1, 2, 3}))))
                .isEqualTo("attachment-macros");
    }

    @Test
    void a_vba_project_under_a_plain_docx_content_type_is_refused() {
        assertThat(refusal(HostileFiles.wordPackage(DOCX_MAIN, Map.of("word/vbaProject.bin", new byte[] {1}))))
                .isEqualTo("attachment-macros");
    }

    @Test
    void a_macro_enabled_content_type_alone_is_refused() {
        assertThat(refusal(HostileFiles.wordPackage(DOCM_MAIN, Map.of()))).isEqualTo("attachment-macros");
    }

    @Test
    void a_package_of_only_a_vba_project_is_refused_as_macros_not_passed_as_a_zip() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", bytes(HostileFiles.contentTypes("application/xml")));
        parts.put("xl/vbaProject.bin", new byte[] {1});
        assertThat(refusal(HostileFiles.zip(parts))).isEqualTo("attachment-macros");
    }

    @Test
    void activex_controls_and_excel_macro_sheets_are_refused() {
        Map<String, byte[]> activeX = new LinkedHashMap<>();
        activeX.put("[Content_Types].xml", bytes(HostileFiles.contentTypes("application/xml")));
        activeX.put("xl/workbook.xml", bytes("<workbook/>"));
        activeX.put("xl/activeX/activeX1.xml", bytes("<ax:ocx ax:classid=\"{8BD21D40-EC42-11CE-9E0D-00AA006002F3}\"/>"));
        assertThat(refusal(HostileFiles.zip(activeX))).isEqualTo("attachment-macros");

        Map<String, byte[]> macroSheet = new LinkedHashMap<>();
        macroSheet.put("[Content_Types].xml", bytes(HostileFiles.contentTypes("application/xml")));
        macroSheet.put("xl/workbook.xml", bytes("<workbook/>"));
        macroSheet.put("xl/macrosheets/sheet1.xml", bytes("<xm:macrosheet/>"));
        assertThat(refusal(HostileFiles.zip(macroSheet))).isEqualTo("attachment-macros");
    }

    @Test
    void macros_in_an_embedded_object_are_refused() {
        assertThat(refusal(HostileFiles.wordPackage(DOCX_MAIN, Map.of("word/embeddings/oleObject1.bin",
                HostileFiles.compoundFile(Map.of("Macros", STORAGE, "VBA", STORAGE), null))))).isEqualTo("attachment-macros");
        Map<String, byte[]> workbook = new LinkedHashMap<>();
        workbook.put("[Content_Types].xml", bytes(HostileFiles.contentTypes("application/xml")));
        workbook.put("xl/workbook.xml", bytes("<workbook/>"));
        workbook.put("xl/vbaProject.bin", new byte[] {1});
        assertThat(refusal(HostileFiles.wordPackage(DOCX_MAIN, Map.of("word/embeddings/Microsoft_Excel_Worksheet.xlsx",
                HostileFiles.zip(workbook))))).isEqualTo("attachment-macros");
    }

    // ------------------------------------------------------------------------------------------------ OLE2

    @Test
    void a_legacy_word_or_excel_file_without_vba_passes() throws IOException {
        assertThat(inspect(HostileFiles.compoundFile(Map.of("WordDocument", STREAM, "1Table", STREAM), null))).isEqualTo(DOC);
        assertThat(inspect(HostileFiles.compoundFile(Map.of("Workbook", STREAM), null))).isEqualTo("application/vnd.ms-excel");
    }

    @Test
    void a_legacy_word_file_with_a_vba_storage_is_refused() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("WordDocument", STREAM);
        entries.put("1Table", STREAM);
        entries.put("\u0001CompObj", STREAM);
        entries.put("Macros", STORAGE);
        entries.put("VBA", STORAGE);
        entries.put("_VBA_PROJECT", STREAM);
        // with the root, the first directory sector is full: the VBA entries sit in the chain's second sector
        assertThat(refusal(HostileFiles.compoundFile(entries, null))).isEqualTo("attachment-macros");
    }

    @Test
    void a_legacy_excel_file_with_a_vba_project_is_refused() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("Workbook", STREAM);
        entries.put("_VBA_PROJECT_CUR", STORAGE);
        assertThat(refusal(HostileFiles.compoundFile(entries, null))).isEqualTo("attachment-macros");
    }

    @Test
    void a_compound_file_whose_directory_cannot_be_read_is_refused_as_unreadable() {
        assertThat(refusal(HostileFiles.compoundFile(Map.of("WordDocument", STREAM), 4242))).isEqualTo("attachment-unreadable");
        // a directory that starts in the FAT's own sector
        assertThat(refusal(HostileFiles.compoundFile(Map.of("WordDocument", STREAM), 0))).isEqualTo("attachment-unreadable");
    }
}
