package org.qingdan.support.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Macros and ActiveX controls in an Office Open XML package, found whether or not the package has a main
 * document part: any {@code vbaProject}/{@code vbaData} part, any ActiveX part, Excel 4.0 macro sheets, a
 * macro-enabled (or VBA, ActiveX, macro sheet) content type in {@code [Content_Types].xml}; and inside the
 * package's embedded objects ({@code ../embeddings/}), macro-enabled packages and OLE2 files with a VBA
 * storage, one level of nesting deep. Reading is bounded (a zip bomb cannot fill the memory): a part
 * larger than we read is refused as unreadable.
 */
final class OfficeMacros {

    /** Result of a scan: the part that made us refuse, or why we could not read it. */
    record Finding(String rule, String part) {
    }

    static final long MAX_CONTENT_TYPES = 1024 * 1024;
    static final long MAX_EMBEDDED = 32L * 1024 * 1024;
    private static final List<String> MACRO_CONTENT_TYPES = List.of("macroenabled", "vnd.ms-office.vbaproject",
            "vnd.ms-office.activex", "macrosheet", "vnd.ms-word.vbadata", "vnd.ms-office.vbaprojectsignature");
    private static final List<String> MACRO_EXTENSIONS = List.of(".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".xlsb", ".pptm",
            ".potm", ".ppsm", ".ppam", ".sldm");

    private OfficeMacros() {
    }

    static Optional<Finding> find(ZipFile zip) throws IOException {
        Budget budget = new Budget();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            Optional<Finding> found = part(entry.getName(), () -> zip.getInputStream(entry), 0, budget);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** What is left of the bytes we allow ourselves to decompress. */
    private static final class Budget {
        long left = MAX_EMBEDDED;
    }

    private static Optional<Finding> part(String name, Opener opener, int depth, Budget budget) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        String file = lower.substring(lower.lastIndexOf('/') + 1);
        if (file.contains("vbaproject") || file.contains("vbadata") || lower.contains("activex") || lower.contains("macrosheets/")
                || MACRO_EXTENSIONS.stream().anyMatch(file::endsWith)) {
            return Optional.of(new Finding("attachment-macros", name));
        }
        if (lower.equals("[content_types].xml")) {
            byte[] types;
            try (InputStream in = opener.open()) {
                types = in.readNBytes((int) MAX_CONTENT_TYPES + 1);
            }
            if (types.length > MAX_CONTENT_TYPES) {
                return Optional.of(new Finding("attachment-unreadable", name));
            }
            String text = new String(types, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (MACRO_CONTENT_TYPES.stream().anyMatch(text::contains)) {
                return Optional.of(new Finding("attachment-macros", name));
            }
        }
        if (lower.contains("embeddings/") && !lower.endsWith("/")) {
            byte[] embedded;
            try (InputStream in = opener.open()) {
                embedded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget.left + 1));
            }
            budget.left -= embedded.length;
            if (budget.left < 0) {
                return Optional.of(new Finding("attachment-unreadable", name));
            }
            return embedded(name, embedded, depth, budget);
        }
        return Optional.empty();
    }

    private static Optional<Finding> embedded(String name, byte[] bytes, int depth, Budget budget) throws IOException {
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, CompoundFile.SIGNATURE, 0, 8)) {
            try {
                return CompoundFile.hasVbaProject(ByteBuffer.wrap(bytes)) ? Optional.of(new Finding("attachment-macros", name)) : Optional.empty();
            } catch (CompoundFile.Malformed e) {
                return Optional.of(new Finding("attachment-unreadable", name));
            }
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            if (depth >= 1) {
                return Optional.of(new Finding("attachment-unreadable", name)); // a package in a package in a package: not worth reading
            }
            try (ZipInputStream nested = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry; (entry = nested.getNextEntry()) != null; ) {
                    byte[] content = nested.readNBytes((int) Math.min(MAX_CONTENT_TYPES + 1, budget.left + 1));
                    budget.left -= content.length;
                    if (budget.left < 0) {
                        return Optional.of(new Finding("attachment-unreadable", name));
                    }
                    Optional<Finding> found = part(name + "!/" + entry.getName(), () -> new ByteArrayInputStream(content), depth + 1, budget);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
