package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.print.PdfFonts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code GET /api/applications/{id}/form.pdf}: the 申报表 in Annex 1's layout, read back with PDFBox: every filled value
 * of the sample form is in its text, every font is embedded (the Chinese text in the Song face where it is installed), and page 1 is rendered to
 * {@code target/form-pdf/page-1.png} to be looked at.
 */
class FormPdfTest extends IntegrationTest {

    static final Path OUT = Path.of("target", "form-pdf");

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void the_form_prints_every_value_with_embedded_fonts_for_those_who_may_read_it() throws Exception {
        String id = completeDraft(openCall());
        String path = "/api/applications/" + id + "/form.pdf";

        // the draft, as the applicant prints it to sign and seal before submitting
        HttpResponse<byte[]> draft = api.download(path, Api.applicantA());
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String draftText = text(draft.body());
        assertThat(draftText).contains(squeeze("草稿（未提交）"), squeeze("申报编号 " + id));

        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(200);
        long started = System.nanoTime();
        HttpResponse<byte[]> submitted = api.download(path, Api.applicantA());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(submitted.statusCode()).isEqualTo(200);
        byte[] pdf = submitted.body();
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("form.pdf"), pdf);
        System.out.printf("FORM PDF | %d bytes, rendered and served in %d ms%n", pdf.length, millis);

        String text = text(pdf);
        ApplicationForm form = Forms.complete(Forms.files());
        for (String value : filledValues(form)) {
            assertThat(text).as("the printed form shows %s", value).contains(squeeze(value));
        }
        LocalDate filed = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(text).contains(squeeze("填报日期：" + filed.getYear() + " 年 " + filed.getMonthValue() + " 月 " + filed.getDayOfMonth() + " 日"),
                squeeze("申报编号 " + id + " · 第 1 版"), "第1页/共", "一、申报机构基本信息", "十、申报单位承诺书", "单位：" + Forms.ORG_A_NAME + "（公章）");
        // the closed choices as Annex 1 prints them, checked and not
        assertThat(text).contains("☑技术创新", "☐业务创新", "☑风险管理", "☑信贷管理", "☐移动办公", "☑有限责任公司", "☐合伙企业",
                "☑良好", "☑优秀", "☑合格", "☐十分优秀", "☑同意申报", "☐不同意申报", "☑会员单位", "☐其他（请注明：）");
        // lead kind, enterprise type, product type, 2 scenarios, 12 yes/no answers, 4 ratings, 1 basis, opinion, commitment
        assertThat(text.chars().filter(c -> c == '☑').count()).isEqualTo(24);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            // the Chinese text in the Song face where fonts-arphic-uming is installed, Noto Sans SC otherwise; the boxes in DejaVu Sans
            List<String> fonts = PdfFonts.used(doc);
            assertThat(fonts).anyMatch(f -> f.endsWith("+" + PdfFonts.expectedChineseFace())).anyMatch(f -> f.endsWith("+DejaVuSans"))
                    .noneMatch(f -> f.endsWith("(not embedded)"));
            BufferedImage page1 = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(page1, "png", OUT.resolve("page-1.png").toFile());
        }

        // who may print it: as who may read its documents
        assertThat(api.download(path, Api.office()).statusCode()).isEqualTo(200);
        assertThat(api.download(path, Api.applicantB()).statusCode()).isEqualTo(404);
        assertThat(api.download(path, Api.vendorZ()).statusCode()).as("a participant sees only its part").isEqualTo(404);
        assertThat(api.download(path, Api.reviewer("reviewer7")).statusCode()).isEqualTo(404);
        assertThat(api.download(path, null).statusCode()).isEqualTo(401);
        kafka.send(CloudEventRecords.of(ContractSamples.reviewerAssigned(id, "reviewer7"), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer7")).statusCode() == 200);
        assertThat(api.download(path + "?version=1", Api.office()).statusCode()).isEqualTo(200);
        assertThat(api.download(path + "?version=2", Api.office()).statusCode()).isEqualTo(404);
        assertThat(api.download("/api/applications/no-such/form.pdf", Api.office()).statusCode()).isEqualTo(404);
    }

    /** Every value the sample form fills in, as text. */
    static List<String> filledValues(ApplicationForm f) {
        List<String> v = new ArrayList<>(List.of(
                f.applicant().name(), f.applicant().uscc(), f.applicant().registeredAddress(), f.applicant().financialLicenceNumber(),
                f.contact().name(), f.contact().phone(), f.contact().department(), f.contact().title(), f.contact().email(),
                f.enterprise().name(), f.enterprise().uscc(), f.enterprise().mailingAddress(), f.enterprise().postcode(),
                f.enterprise().contactName(), f.enterprise().department(), f.enterprise().title(), f.enterprise().email(),
                f.enterprise().mobile(),
                f.product().name(), f.product().introduction(), "2024 年 3 月 1 日",
                f.operationalEvaluation().issuerName(), f.operationalEvaluation().issuerUscc(),
                f.operationalEvaluation().technicalSecurityAndInnovation(), f.operationalEvaluation().businessCompliance(),
                f.operationalEvaluation().riskControl(), f.operationalEvaluation().painPointsSolved(),
                f.operationalEvaluation().effectAchieved(), f.operationalEvaluation().vendorServiceQuality(),
                f.opinion().signatory(), "2026 年 11 月 20 日"));
        v.addAll(f.product().keyTechnologies());
        f.participants().forEach(p -> v.addAll(List.of(p.name(), p.uscc(), p.role())));
        f.product().honours().forEach(h -> v.addAll(List.of(h.kind().label(), h.name(), h.issuer(), "2023 年 6 月 1 日")));
        f.supportingMaterials().forEach(m -> v.addAll(List.of(m.kind().label(), m.title())));
        f.eligibility().forEach(e -> v.addAll(List.of(e.basis().label(), e.evidence())));
        return v;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(doc));
        }
    }

    /** Without any white space: a value wrapped across lines of a table cell still matches. */
    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00A0]+", "");
    }
}
