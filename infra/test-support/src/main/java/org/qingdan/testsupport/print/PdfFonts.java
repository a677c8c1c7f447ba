package org.qingdan.testsupport.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** What the printed documents' tests read back: which fonts a PDF uses, and which Chinese face it should use here. */
public final class PdfFonts {

    private PdfFonts() {
    }

    /** The names of the fonts the document's pages use (PostScript names with their subset prefix, e.g. {@code ABCDEF+UMingCN}). */
    public static List<String> used(PDDocument doc) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                names.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
            }
        }
        return names;
    }

    /**
     * The Chinese face the printer chooses on this machine: AR PL UMing CN (a Song face) where Debian's fonts-arphic-uming
     * is installed at its default path, Noto Sans SC (its regular weight's PostScript name) otherwise (service-support's {@code PrintFonts}).
     */
    public static String expectedChineseFace() {
        return Files.isReadable(Path.of("/usr/share/fonts/truetype/arphic/uming.ttc")) ? "UMingCN" : "NotoSansSC-Regular";
    }
}
