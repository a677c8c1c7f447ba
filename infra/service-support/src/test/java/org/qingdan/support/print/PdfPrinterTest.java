package org.qingdan.support.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.print.PdfFonts;

/** The printer's fonts: the Song face where it is installed, Noto Sans SC where it is not or lacks the face; all embedded. */
class PdfPrinterTest {

    static final String PAGE = Html.page("测试", "h1 { font-weight: bold; }", "申报编号 t-1",
            "<h1>金融科技产品申报表</h1><p>仿宋 宋体 申报单位承诺书 " + Html.box(true, "同意申报") + " " + Html.box(false, "不同意申报") + "</p>");

    @Test
    void the_text_is_set_in_the_song_face_where_it_is_installed() throws Exception {
        PrintFonts fonts = new PrintFonts();
        assertThat(fonts.song()).isEqualTo(Files.isReadable(Path.of(PrintFonts.DEFAULT_SONG_FONT)));
        List<String> used = printed(new PdfPrinter(fonts), "default");
        assertThat(used).anyMatch(f -> f.endsWith("+" + PdfFonts.expectedChineseFace())).anyMatch(f -> f.endsWith("+DejaVuSans"))
                .noneMatch(f -> f.endsWith("(not embedded)"));
        if (fonts.song()) {
            // synthetic bold in the same face: no bold Hei next to the Song text
            assertThat(used).noneMatch(f -> f.contains("NotoSansSC"));
        }
    }

    @Test
    void without_the_song_font_the_text_is_set_in_noto_sans_sc() throws Exception {
        List<String> missingFile = printed(new PdfPrinter(new PrintFonts(Path.of("/nonexistent/uming.ttc"), PrintFonts.DEFAULT_SONG_FACE)), "no-file");
        assertThat(missingFile).anyMatch(f -> f.endsWith("+NotoSansSC-Regular")).anyMatch(f -> f.endsWith("+NotoSansSC-Bold"))
                .noneMatch(f -> f.contains("UMing"));
        PrintFonts noSuchFace = new PrintFonts(Path.of(PrintFonts.DEFAULT_SONG_FONT), "No Such Face");
        assertThat(noSuchFace.song()).isFalse();
        assertThat(printed(new PdfPrinter(noSuchFace), "no-face")).anyMatch(f -> f.endsWith("+NotoSansSC-Regular"));
    }

    /** The fonts of the printed page, whose text must read back; page 1 kept as PNG under target/print/. */
    static List<String> printed(PdfPrinter printer, String name) throws Exception {
        byte[] pdf = printer.print(PAGE);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("金融科技产品申报表", "☑", "☐", "申报编号 t-1");
            Path out = Path.of("target", "print");
            Files.createDirectories(out);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", out.resolve(name + ".png").toFile());
            List<String> used = PdfFonts.used(doc);
            System.out.println("PRINT FONTS | " + name + " | " + used);
            return used;
        }
    }
}
