package org.qingdan.testsupport.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Files made in memory, byte by byte where it matters, so that every hostile case is readable in the test
 * that uses it: PDFs (through PDFBox's object model, or written by hand with their cross-reference tables
 * and object streams), Office Open XML packages, OLE2 compound files.
 */
public final class HostileFiles {

    /** The first bytes of an OLE2 compound file (legacy .doc, .xls). */
    static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};


    private HostileFiles() {
    }

    // ---------------------------------------------------------------- PDF through PDFBox's object model

    /**
     * A one-page PDF, changed by {@code change} at the level of its objects. With {@code compressed}, PDFBox 3
     * writes most objects into FlateDecode object streams ({@code /ObjStm}) and a cross-reference stream.
     */
    public static byte[] pdf(Consumer<PDDocument> change, boolean compressed) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            change.accept(doc);
            doc.save(out, compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static COSDictionary dict(Object... keysAndValues) {
        COSDictionary d = new COSDictionary();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            org.apache.pdfbox.cos.COSBase item;
            if (value instanceof org.apache.pdfbox.cos.COSBase base) {
                item = base;
            } else if (value instanceof String v && v.startsWith("/")) {
                item = COSName.getPDFName(v.substring(1));
            } else {
                item = new COSString((String) value);
            }
            d.setItem(COSName.getPDFName((String) keysAndValues[i]), item);
        }
        return d;
    }

    public static COSArray array(COSDictionary... items) {
        COSArray array = new COSArray();
        for (COSDictionary item : items) {
            array.add(item);
        }
        return array;
    }

    /** A link annotation on the first page whose action is the inline (direct) dictionary {@code action}. */
    public static Consumer<PDDocument> linkWithAction(COSDictionary action) {
        return doc -> doc.getPage(0).getCOSObject().setItem(COSName.ANNOTS, array(dict("Type", "/Annot", "Subtype", "/Link",
                "Rect", rect(), "A", action)));
    }

    public static COSArray rect() {
        COSArray rect = new COSArray();
        for (int v : new int[] {10, 10, 100, 30}) {
            rect.add(org.apache.pdfbox.cos.COSInteger.get(v));
        }
        return rect;
    }

    // ---------------------------------------------------------------- PDF written by hand

    /**
     * A PDF whose objects 1..n are {@code objects} (object 1 is the catalog), with a classic cross-reference
     * table: every byte of it is in the test.
     */
    public static byte[] rawPdf(String... objects) {
        StringBuilder out = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            out.append(String.format("%010d 00000 n \n", offset));
        }
        out.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A PDF whose objects 1..n (object 1 the catalog) all sit in one object stream (object n+1) with
     * {@code filter} ("FlateDecode", another filter name written as is, or null for none), found through a
     * cross-reference stream (object n+2): the layout of PDF 1.5 and later, written by hand.
     */
    public static byte[] pdfWithObjectStream(String filter, String... objects) {
        try {
            StringBuilder header = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < objects.length; i++) {
                header.append(i + 1).append(' ').append(body.length()).append(' ');
                body.append(objects[i]).append('\n');
            }
            byte[] plain = (header + "\n" + body).getBytes(StandardCharsets.ISO_8859_1);
            int first = (header + "\n").length();
            byte[] data;
            if ("FlateDecode".equals(filter)) {
                Deflater deflater = new Deflater();
                deflater.setInput(plain);
                deflater.finish();
                byte[] buffer = new byte[plain.length + 64];
                data = Arrays.copyOf(buffer, deflater.deflate(buffer));
                deflater.end();
            } else if ("ASCIIHexDecode".equals(filter)) {
                data = (java.util.HexFormat.of().formatHex(plain) + ">").getBytes(StandardCharsets.ISO_8859_1);
            } else {
                data = plain;
            }
            int n = objects.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
            int objectStreamAt = out.size();
            out.write(((n + 1) + " 0 obj\n<< /Type /ObjStm /N " + n + " /First " + first + " /Length " + data.length
                    + (filter == null ? "" : " /Filter /" + filter) + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(data);
            out.write("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
            int xrefAt = out.size();
            ByteBuffer rows = ByteBuffer.allocate(7 * (n + 3)).order(ByteOrder.BIG_ENDIAN);
            rows.put((byte) 0).putInt(0).putShort((short) 0xFFFF); // object 0: free
            for (int i = 0; i < n; i++) {
                rows.put((byte) 2).putInt(n + 1).putShort((short) i); // in the object stream, at index i
            }
            rows.put((byte) 1).putInt(objectStreamAt).putShort((short) 0);
            rows.put((byte) 1).putInt(xrefAt).putShort((short) 0);
            out.write(((n + 2) + " 0 obj\n<< /Type /XRef /Size " + (n + 3) + " /W [1 4 2] /Root 1 0 R /Length " + rows.capacity()
                    + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(rows.array());
            out.write(("\nendstream\nendobj\nstartxref\n" + xrefAt + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Catalog, pages and one page, with {@code pageExtra} written into the page dictionary. */
    public static String[] onePage(String pageExtra) {
        return new String[] {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] " + pageExtra + " >>"};
    }

    // ---------------------------------------------------------------- Office Open XML

    public static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public static final String DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /** [Content_Types].xml overriding /word/document.xml with {@code mainContentType}. */
    public static String contentTypes(String mainContentType) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainContentType + "\"/></Types>";
    }

    /** A zip of the given parts, in order. */
    public static byte[] zip(Map<String, byte[]> parts) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word package with {@code mainContentType}, a document part, and {@code extra} parts. */
    public static byte[] wordPackage(String mainContentType, Map<String, byte[]> extra) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes(mainContentType).getBytes(StandardCharsets.UTF_8));
        parts.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
                .getBytes(StandardCharsets.UTF_8));
        parts.putAll(extra);
        return zip(parts);
    }

    // ---------------------------------------------------------------- OLE2 compound files

    public static final int STORAGE = 1;
    public static final int STREAM = 2;

    /**
     * An OLE2 compound file ([MS-CFB] version 3, 512-byte sectors) with a root entry and the given directory
     * entries (name to type), no stream data: sector 0 is the FAT, the directory follows as a chain of
     * sectors 1, 2, ... (four entries each). {@code directoryStart} overrides the header's first directory
     * sector (to make a broken file).
     */
    public static byte[] compoundFile(Map<String, Integer> entries, Integer directoryStart) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>();
        all.add(Map.entry("Root Entry", 5));
        all.addAll(entries.entrySet());
        int directorySectors = (all.size() + 3) / 4;
        ByteBuffer file = ByteBuffer.allocate(512 * (2 + directorySectors)).order(ByteOrder.LITTLE_ENDIAN);
        file.put(OLE2_SIGNATURE);
        file.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE);
        file.putShort(0x1E, (short) 9).putShort(0x20, (short) 6);
        file.putInt(0x2C, 1); // one FAT sector
        file.putInt(0x30, directoryStart == null ? 1 : directoryStart);
        file.putInt(0x38, 4096);
        file.putInt(0x3C, 0xFFFFFFFE).putInt(0x40, 0);
        file.putInt(0x44, 0xFFFFFFFE).putInt(0x48, 0);
        for (int i = 0; i < 109; i++) {
            file.putInt(0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
        }
        int fat = 512; // sector 0
        for (int i = 0; i < 128; i++) {
            int value;
            if (i == 0) {
                value = 0xFFFFFFFD; // the FAT's own sector
            } else if (i <= directorySectors) {
                value = i == directorySectors ? 0xFFFFFFFE : i + 1;
            } else {
                value = 0xFFFFFFFF;
            }
            file.putInt(fat + 4 * i, value);
        }
        for (int i = 0; i < all.size(); i++) {
            int at = 1024 + 128 * i;
            byte[] name = all.get(i).getKey().getBytes(StandardCharsets.UTF_16LE);
            file.put(at, name);
            file.putShort(at + 0x40, (short) (name.length + 2));
            file.put(at + 0x42, (byte) (int) all.get(i).getValue());
            file.put(at + 0x43, (byte) 1);
            file.putInt(at + 0x44, 0xFFFFFFFF).putInt(at + 0x48, 0xFFFFFFFF).putInt(at + 0x4C, 0xFFFFFFFF);
            file.putInt(at + 0x74, 0xFFFFFFFE);
        }
        return file.array();
    }
}
