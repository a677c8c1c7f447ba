package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.listing.Products;
import org.qingdan.testsupport.HttpApi;

/**
 * The formal announcements (公示, Art. 11 and 12) of a day: the HTML parses (jsoup, and strictly as XML), holds every
 * product that entered notice that day with its enterprise, type, scenarios and the objection deadline, and carries no
 * script, style sheet, link or external URL; the PDF's text holds the same and its fonts are embedded; the office adds
 * a 文号 and a contact line until the announcement is final; the Atom feed links it.
 */
class AnnouncementTest extends ListingIntegrationTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Path OUT = Path.of("target", "announcements");

    @Test
    void the_day_of_public_notice_is_announced_in_html_and_pdf_and_amended_until_final_then_the_delisting() throws Exception {
        clock.advance(Duration.ofDays(40)); // a day no other test has used: the clock only moves forward
        Instant noticeStarts = clock.instant();
        LocalDate day = noticeStarts.atZone(CHINA).toLocalDate();
        List<PublicProduct> products = List.of(
                Products.product("ann-1", "对公信贷智能审批系统", "石家庄云启科技有限公司", ProductType.TECHNOLOGY_INNOVATION,
                        List.of(ApplicationScenario.CREDIT_MANAGEMENT, ApplicationScenario.RISK_MANAGEMENT), 2026),
                Products.product("ann-2", "网点智能运维监控平台", "河北数智信息技术有限公司", ProductType.TECH_ENABLEMENT,
                        List.of(ApplicationScenario.OPERATIONS_MANAGEMENT), 2026),
                Products.product("ann-3", "反欺诈实时识别引擎<b>", "北京智信科技有限公司", ProductType.FINANCIAL_SERVICE,
                        List.of(ApplicationScenario.ANTI_FRAUD_AML, ApplicationScenario.IDENTITY_VERIFICATION), 2026));
        for (PublicProduct p : products) {
            send(approved(p));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> products.stream().allMatch(p -> status(p.applicationId()).equals("PUBLIC_NOTICE")));
        String base = "/api/public/notices/" + day + "/public-notice";
        String deadline = DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分").format(noticeStarts.plus(Duration.ofDays(7)).atZone(CHINA));

        // the HTML, anonymous
        HttpApi.Response html = api.get(base + ".html", null);
        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("public-notice.html"), html.body());
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.body().getBytes(StandardCharsets.UTF_8))); // well-formed, strictly
        Document page = Jsoup.parse(html.body(), Parser.xmlParser());
        assertThat(page.select("h1").text()).isEqualTo("关于“对公信贷智能审批系统”等3项金融科技产品拟纳入金融科技企业和产品清单的公示");
        String text = page.text();
        for (PublicProduct p : products) {
            assertThat(text).contains(p.productName(), p.enterprise().name(), p.productType().label());
            p.scenarios().forEach(s -> assertThat(text).contains(s.label()));
        }
        assertThat(page.select("tbody tr")).hasSize(3);
        assertThat(text).contains("请于" + deadline + "前", "各会员单位", "河北省金融市场协会金融科技专业委员会",
                day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        assertSelfContained(page);

        // conditional GET
        assertThat(api.get(base + ".html", null, "If-None-Match", html.etag()).status()).isEqualTo(304);

        // the office adds the document number and a contact line; nobody else may
        Map<String, String> additions = Map.of("documentNumber", "冀金协〔2026〕21号", "contact", "专委会办公室 张老师 0311-86000000");
        assertThat(api.put("/api/listings/announcements/public-notice/" + day, memberB(), additions).status()).isEqualTo(403);
        assertThat(api.put("/api/listings/announcements/public-notice/" + day, null, additions).status()).isEqualTo(401);
        HttpApi.Response tooLong = api.put("/api/listings/announcements/public-notice/" + day, office(),
                Map.of("documentNumber", "号".repeat(51)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("documentNumber");
        HttpApi.Response amended = api.put("/api/listings/announcements/public-notice/" + day, office(), additions);
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("isFinal").asBoolean()).isFalse();
        HttpApi.Response again = api.get(base + ".html", null);
        assertThat(again.etag()).isNotEqualTo(html.etag());
        assertThat(Jsoup.parse(again.body()).text()).contains("冀金协〔2026〕21号", "联系方式：专委会办公室 张老师 0311-86000000");
        assertThat(api.get(base, null).json().get("products")).hasSize(3);
        // the change is in the announcement's audit trail, which the office reads
        HttpApi.Response trail = api.get("/api/listings/announcements/public-notice/" + day + "/audit", office());
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        assertThat(trail.json().get("items")).singleElement().satisfies(r -> {
            assertThat(r.get("action").asString()).isEqualTo("AMENDED");
            assertThat(r.get("detail").asString()).contains("冀金协〔2026〕21号");
        });
        assertThat(api.get("/api/listings/announcements/public-notice/" + day + "/audit", memberB()).status()).isEqualTo(403);

        // the PDF: the same text, fonts embedded, page 1 as PNG
        HttpResponse<byte[]> pdf = api.download(base + ".pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        Files.write(OUT.resolve("public-notice.pdf"), pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String pdfText = squeeze(new PDFTextStripper().getText(doc));
            for (PublicProduct p : products) {
                assertThat(pdfText).contains(squeeze(p.productName()), squeeze(p.enterprise().name()));
            }
            assertThat(pdfText).contains(squeeze("请于" + deadline + "前"), "冀金协〔2026〕21号", squeeze("拟纳入金融科技企业和产品清单的公示"));
            for (PDPage p : doc.getPages()) {
                for (COSName name : p.getResources().getFontNames()) {
                    assertThat(p.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", OUT.resolve("public-notice-page-1.png").toFile());
        }
        System.out.printf("ANNOUNCEMENT | HTML %d bytes, PDF %d bytes%n", html.body().getBytes(StandardCharsets.UTF_8).length, pdf.body().length);

        // the Atom feed's entries link the day's announcement
        assertThat(api.get("/api/public/feed.atom", null).body()).contains(base + ".html", base + ".pdf");

        // other days and kinds
        assertThat(api.get("/api/public/notices/" + day.minusDays(1) + "/public-notice.html", null).status()).isEqualTo(404);
        assertThat(api.get("/api/public/notices/" + day + "/no-such-kind.html", null).status()).isEqualTo(404);
        assertThat(api.get("/api/public/notices/2026-13-45/public-notice.html", null).status()).isEqualTo(400);

        // listed after notice; the next day but one the announcement is final
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        HttpApi.Response late = api.put("/api/listings/announcements/public-notice/" + day, office(), Map.of("documentNumber", "迟到的文号"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("announcement-final");
        assertThat(api.get(base, null).json().get("isFinal").asBoolean()).isTrue();

        // a delisting is announced on its day
        HttpApi.Response delisted = api.post("/api/listings/ann-2/delist", office(), Map.of("reason", "MAJOR_ENTERPRISE_CHANGE",
                "explanation", "企业已注销，无法持续提供售后服务"));
        assertThat(delisted.status()).as(delisted.body()).isEqualTo(200);
        LocalDate delistingDay = clock.instant().atZone(CHINA).toLocalDate();
        HttpApi.Response delisting = api.get("/api/public/notices/" + delistingDay + "/delisting.html", null);
        assertThat(delisting.status()).as(delisting.body()).isEqualTo(200);
        Document d = Jsoup.parse(delisting.body(), Parser.xmlParser());
        assertThat(d.select("h1").text()).isEqualTo("关于“网点智能运维监控平台”移出金融科技企业和产品清单的公示");
        assertThat(d.text()).contains("河北数智信息技术有限公司", "第十二条（二）", "第十二条");
        assertThat(d.select("tbody tr")).hasSize(1);
        assertSelfContained(d);
        HttpResponse<byte[]> delistingPdf = api.download("/api/public/notices/" + delistingDay + "/delisting.pdf", null);
        try (PDDocument doc = Loader.loadPDF(delistingPdf.body())) {
            assertThat(squeeze(new PDFTextStripper().getText(doc))).contains("网点智能运维监控平台", "移出金融科技企业和产品清单的公示");
        }
        assertThat(api.get("/api/public/feed.atom", null).body()).contains("/api/public/notices/" + delistingDay + "/delisting.html");
    }

    /** No script, no style sheet, no frame, no image, no link, no event handler, no URL anywhere: nothing is fetched. */
    static void assertSelfContained(Document page) {
        assertThat(page.select("script, style, link, img, iframe, object, embed, form, base, meta[http-equiv]")).isEmpty();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on").isNotIn("href", "src", "srcset", "action");
                assertThat(a.getValue()).as("attribute %s of <%s>", a.getKey(), e.tagName()).doesNotContain("url(", "javascript:", "expression(");
            }
        }
        assertThat(page.outerHtml()).doesNotContainPattern("(?i)(https?:|ftp:|data:|//)");
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00A0]+", "");
    }
}
