package org.qingdan.support.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The fonts every printed document embeds, taken from jars on Maven Central so that no machine has to install
 * anything: Noto Sans SC (SIL Open Font License; TrueType outlines, from {@code com.helger.font:ph-fonts-noto-sans-sc})
 * for the Chinese text, regular and bold, and DejaVu Sans (from {@code net.sf.jasperreports:jasperreports-fonts})
 * for the ballot boxes ☐ ☑, which Noto Sans SC does not have. Annex 2 asks for 仿宋 (FangSong); no FangSong or Song
 * font is published on Maven Central, and a Hei (sans) face prints legibly in the same layout.
 *
 * <p>The files (about 10 MB each) are copied once from the class path into a temporary directory, so that PDFBox
 * reads them from disk as it subsets them instead of holding a copy in the heap for every document.
 */
public final class PrintFonts {

    /** The CSS {@code font-family} list the documents use: Chinese text first, the boxes from the fallback. */
    public static final String CSS_FAMILY = "'Noto Sans SC', 'DejaVu Sans'";

    /** One font file: its family, weight and where it lies in the class path. */
    public record Face(String family, int weight, String resource) {
    }

    static final List<Face> FACES = List.of(
            new Face("Noto Sans SC", 400, "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf"),
            new Face("Noto Sans SC", 700, "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf"),
            new Face("DejaVu Sans", 400, "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"));

    private volatile List<Path> files;

    /** The font files on disk, in the order of {@link #FACES}; copied out of the class path on first use. */
    List<Path> files() {
        List<Path> ready = files;
        if (ready == null) {
            synchronized (this) {
                if (files == null) {
                    files = extract();
                }
                ready = files;
            }
        }
        return ready;
    }

    private static List<Path> extract() {
        try {
            Path dir = Files.createTempDirectory("qingdan-fonts");
            dir.toFile().deleteOnExit();
            return FACES.stream().map(face -> {
                Path target = dir.resolve(face.resource().substring(face.resource().lastIndexOf('/') + 1));
                try (InputStream in = PrintFonts.class.getClassLoader().getResourceAsStream(face.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("font " + face.resource() + " is not on the class path: the service needs "
                                + "com.helger.font:ph-fonts-noto-sans-sc and net.sf.jasperreports:jasperreports-fonts");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                    return target;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
