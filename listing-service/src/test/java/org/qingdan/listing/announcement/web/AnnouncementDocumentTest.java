package org.qingdan.listing.announcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.Products;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.register.domain.Delisting;
import org.qingdan.support.print.PdfPrinter;
import org.qingdan.support.print.PrintFonts;
import org.qingdan.testsupport.print.PdfFonts;

/** The announcement's document without a running service: the sample day's page 1 as PNG, and names that look like markup. */
class AnnouncementDocumentTest {

    static final Instant START = Instant.parse("2026-12-02T02:30:00Z"); // 10:30 in China
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    static Announcement.Entry entry(String id, String name, String enterprise, ProductType type, List<ApplicationScenario> scenarios,
                                    Delisting delisting) {
        return new Announcement.Entry(id, Products.listed(id, name, enterprise, type, scenarios, 2026), START,
                START.plus(Duration.ofDays(7)), 7, delisting);
    }

    @Test
    void the_sample_public_notice_prints_and_page_1_is_kept_as_png() throws Exception {
        Announcement a = new Announcement(AnnouncementKind.PUBLIC_NOTICE, DAY, List.of(
                entry("a-1", "对公信贷智能审批系统", "石家庄云启科技有限公司", ProductType.TECHNOLOGY_INNOVATION,
                        List.of(ApplicationScenario.CREDIT_MANAGEMENT, ApplicationScenario.RISK_MANAGEMENT), null),
                entry("a-2", "网点智能运维监控平台", "河北数智信息技术有限公司", ProductType.TECH_ENABLEMENT,
                        List.of(ApplicationScenario.OPERATIONS_MANAGEMENT), null),
                entry("a-3", "反欺诈实时识别引擎", "北京智信科技有限公司", ProductType.FINANCIAL_SERVICE,
                        List.of(ApplicationScenario.ANTI_FRAUD_AML, ApplicationScenario.IDENTITY_VERIFICATION), null)),
                new Announcement.Additions("冀金协〔2026〕21号", "专委会办公室 张老师 0311-86000000"), false, "河北省金融市场协会金融科技专业委员会");
        String html = AnnouncementDocument.html(a);
        assertThat(html).contains("请于2026年12月9日10时30分前", "公示期：2026年12月2日至2026年12月9日（7 天）", "2026年12月2日");
        byte[] pdf = new PdfPrinter(new PrintFonts()).print(AnnouncementDocument.printable(a));
        Path out = Path.of("target", "announcements");
        Files.createDirectories(out);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfFonts.used(doc)).anyMatch(f -> f.endsWith("+" + PdfFonts.expectedChineseFace())).noneMatch(f -> f.endsWith("(not embedded)"));
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", out.resolve("sample-page-1.png").toFile());
        }
    }

    @Test
    void names_that_look_like_markup_stay_text() {
        Delisting delisting = new Delisting(DelistingReason.OTHER, null, "说明", null, START, "office");
        Announcement a = new Announcement(AnnouncementKind.DELISTING, DAY, List.of(entry("x", "<script>alert(1)</script>\"'&",
                "<img src=//evil.example/x>", ProductType.FINANCIAL_SERVICE, List.of(ApplicationScenario.OTHER), delisting)),
                new Announcement.Additions("<a href=\"http://evil.example\">号</a>", null), false, "协会");
        String html = AnnouncementDocument.html(a);
        assertThat(html).doesNotContain("<script", "<img", "<a ").contains("&lt;script&gt;", "&lt;img src=//evil.example/x&gt;", "第十二条（四）");
        assertThat(AnnouncementDocument.title(a)).startsWith("关于“<script>").endsWith("移出金融科技企业和产品清单的公示");
    }
}
