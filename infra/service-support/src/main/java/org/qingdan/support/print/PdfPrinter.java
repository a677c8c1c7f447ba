package org.qingdan.support.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints an XHTML document (inline styles and a page {@code <style>}, no external resource) to PDF with openhtmltopdf
 * on PDFBox, every font embedded as a subset of the glyphs used ({@link PrintFonts}). The one place where the services
 * make PDFs: application-service prints the 申报表, listing-service the public announcements.
 */
public class PdfPrinter {

    private final PrintFonts fonts;

    public PdfPrinter(PrintFonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF of {@code xhtml}, which must be well-formed XML; relative links resolve against nothing (none are fetched). */
    public byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        try (PDDocument document = new PDDocument(); PrintFonts.OpenFont song = fonts.openSong()) {
            builder.usePDDocument(document);
            if (song != null) {
                // the builder takes font files, not one face of a collection: the face comes as a PDFont of this document
                builder.useFont(new PDFontSupplier(PDType0Font.load(document, song.font(), true)), PrintFonts.SONG, 400,
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            print(builder, xhtml, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void print(PdfRendererBuilder builder, String xhtml, ByteArrayOutputStream out) throws IOException {
        List<Path> files = fonts.files();
        for (int i = 0; i < files.size(); i++) {
            PrintFonts.Face face = PrintFonts.FACES.get(i);
            builder.useFont(files.get(i).toFile(), face.family(), face.weight(), BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        // nothing outside the document is ever loaded: no images, style sheets or fonts by URL
        builder.useUriResolver((base, uri) -> null);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }
}
