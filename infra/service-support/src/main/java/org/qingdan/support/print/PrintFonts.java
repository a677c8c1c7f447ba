package org.qingdan.support.print;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts every printed document embeds. The Chinese text is set in a Song (Ming) face, as close as a free font comes
 * to the 仿宋 Annex 2 asks for: by default AR PL UMing CN (Arphic Public License), the simplified-Chinese face of
 * Debian's {@code fonts-arphic-uming} ({@code /usr/share/fonts/truetype/arphic/uming.ttc}, a TrueType collection),
 * configurable as {@code qingdan.print.song-font} (a {@code .ttc} or {@code .ttf} with TrueType outlines: PDFBox cannot
 * subset CFF ones) and {@code qingdan.print.song-face} (the face in a collection, by family or PostScript name).
 *
 * <p>Behind it, from jars on Maven Central so that every machine has them: Noto Sans SC (SIL OFL, a Hei face; TrueType
 * files from {@code com.helger.font:ph-fonts-noto-sans-sc}), which sets the whole text when the Song font is not
 * installed (said once at WARN) and otherwise only a character the Song face lacks; and DejaVu Sans (from
 * {@code net.sf.jasperreports:jasperreports-fonts}) for the ballot boxes ☐ ☑, which neither Chinese face has.
 * openhtmltopdf falls back glyph by glyph along {@link #CSS_FAMILY}.
 *
 * <p>UMing has no bold. Bold text in the Song face is drawn by openhtmltopdf as synthetic bold (the outline stroked as
 * well as filled), so that headings stay in the same face as the text around them rather than switching to a bold Hei.
 *
 * <p>Files are read from disk while PDFBox subsets them, never held whole in the heap: the Song font where it is
 * installed, the jars' files (about 10 MB each) copied once into a temporary directory.
 */
public final class PrintFonts {

    private static final Logger log = LoggerFactory.getLogger(PrintFonts.class);

    /** Where Debian's {@code fonts-arphic-uming} puts AR PL UMing. */
    public static final String DEFAULT_SONG_FONT = "/usr/share/fonts/truetype/arphic/uming.ttc";
    /** Its simplified-Chinese (GB2312-oriented) face. */
    public static final String DEFAULT_SONG_FACE = "AR PL UMing CN";
    /** The CSS family name the Song face is registered under, whatever font file it comes from. */
    public static final String SONG = "Song";

    /** The CSS {@code font-family} list the documents use: Song first, Noto Sans SC behind it, the boxes from DejaVu Sans. */
    public static final String CSS_FAMILY = "'" + SONG + "', 'Noto Sans SC', 'DejaVu Sans'";

    /** One font file from a jar: its family, weight and where it lies in the class path. */
    public record Face(String family, int weight, String resource) {
    }

    static final List<Face> FACES = List.of(
            new Face("Noto Sans SC", 400, "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf"),
            new Face("Noto Sans SC", 700, "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf"),
            new Face("DejaVu Sans", 400, "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"));

    private final Path songFont;
    private final String songFace;
    private final AtomicReference<List<Path>> files = new AtomicReference<>();

    /** The default Song font ({@link #DEFAULT_SONG_FONT}, {@link #DEFAULT_SONG_FACE}). */
    public PrintFonts() {
        this(Path.of(DEFAULT_SONG_FONT), DEFAULT_SONG_FACE);
    }

    /** {@code songFont}'s face {@code songFace}; when the file is missing or has no such face, Noto Sans SC instead. */
    public PrintFonts(Path songFont, String songFace) {
        this.songFace = songFace;
        this.songFont = usable(songFont, songFace) ? songFont : null;
    }

    /** Whether the documents are set in the Song face (otherwise in Noto Sans SC). */
    public boolean song() {
        return songFont != null;
    }

    /** A Song face opened for one document; closed after the document is written, since PDFBox subsets it on saving. */
    public record OpenFont(TrueTypeFont font, Closeable file) implements Closeable {
        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** The Song face, opened from its file for one document; null when the documents use Noto Sans SC. */
    OpenFont openSong() throws IOException {
        return songFont == null ? null : open(songFont, songFace);
    }

    private static boolean usable(Path file, String face) {
        if (!Files.isReadable(file)) {
            log.warn("print font {} is not installed (Debian: fonts-arphic-uming): documents print in Noto Sans SC instead of a Song face"
                    + " (set qingdan.print.song-font)", file);
            return false;
        }
        try (OpenFont open = open(file, face)) {
            return open != null;
        } catch (IOException | RuntimeException e) {
            log.warn("print font {} cannot be read ({}): documents print in Noto Sans SC instead of a Song face", file, e.toString());
            return false;
        }
    }

    private static OpenFont open(Path file, String face) throws IOException {
        if (isCollection(file)) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] found = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (found[0] == null && (face.equals(f.getName()) || face.equals(f.getNaming().getFontFamily()))) {
                    found[0] = f;
                }
            });
            if (found[0] == null) {
                collection.close();
                log.warn("print font {} has no face {}: documents print in Noto Sans SC instead of a Song face", file, face);
                return null;
            }
            return new OpenFont(found[0], collection);
        }
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        return new OpenFont(font, font);
    }

    private static boolean isCollection(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII).equals("ttcf");
        }
    }

    /** The jars' font files on disk, in the order of {@link #FACES}; copied out of the class path on first use. */
    List<Path> files() {
        List<Path> ready = files.get();
        if (ready == null) {
            synchronized (this) {
                ready = files.get();
                if (ready == null) {
                    ready = extract();
                    files.set(ready);
                }
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
