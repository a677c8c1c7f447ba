package org.qingdan.application.intake.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.application.intake.FormPrintout;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.support.print.PdfPrinter;
import org.qingdan.support.print.PrintFonts;

/** The form's document without a running service: well-formed for any form, an empty draft included; every page as PNG. */
class FormDocumentTest {

    final PdfPrinter printer = new PdfPrinter(new PrintFonts());

    @Test
    void the_sample_form_prints_and_every_page_is_kept_as_png() throws Exception {
        Path out = Path.of("target", "form-pdf");
        Files.createDirectories(out);
        printer.print(FormDocument.xhtml(new FormPrintout("warm-up", ApplicationForm.empty(), null, null)));
        long started = System.nanoTime();
        byte[] pdf = printer.print(FormDocument.xhtml(new FormPrintout("a-1", Forms.complete(Forms.files()), 2, LocalDate.of(2026, 12, 2))));
        System.out.printf("FORM PDF | %d bytes, printed in %d ms (warm)%n", pdf.length, (System.nanoTime() - started) / 1_000_000);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(renderer.renderImageWithDPI(i, 80), "png", out.resolve("sample-page-" + (i + 1) + ".png").toFile());
            }
            assertThat(doc.getNumberOfPages()).isBetween(3, 8);
        }
    }

    @Test
    void text_that_looks_like_markup_is_printed_as_text() {
        ApplicationForm f = Forms.complete(Forms.files());
        ApplicationForm hostile = new ApplicationForm(new ApplicationForm.Applicant("<b>甲</b> & \"乙\" ]]> \u0001", null, null, null, null, null),
                f.contact(), f.participants(), f.enterprise(), f.product(), f.selfAssessment(), f.operationalEvaluation(),
                f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
        String xhtml = FormDocument.xhtml(new FormPrintout("x\"}; @import url(http://evil)", hostile, null, null));
        assertThat(xhtml).contains("&lt;b&gt;甲&lt;/b&gt; &amp; &quot;乙&quot; ]]&gt; ").doesNotContain("\u0001", "<b>");
        assertThat(printer.print(xhtml)).isNotEmpty();
    }
}
