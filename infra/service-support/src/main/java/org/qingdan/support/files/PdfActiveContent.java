package org.qingdan.support.files;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what a PDF viewer could run or open on its own, anywhere in the file: every object the
 * cross-reference table lists and everything reachable from the trailer, with every dictionary and array
 * nested inside them (an annotation's inline {@code /A << /S /JavaScript >>} is a direct object, not an
 * indirect one), visited once each with an explicit stack (a deep nesting cannot overflow ours).
 *
 * <p>Compressed object streams ({@code /Type /ObjStm}): PDFBox decodes them when an object inside is
 * dereferenced, so the walk sees their objects like any other. We inspect only what we can read ourselves:
 * an object stream with a filter other than {@code /FlateDecode}, or a compressed object PDFBox cannot
 * read back, is refused as unreadable rather than passed unseen.
 *
 * <p>Refused: actions of type JavaScript, Launch, SubmitForm, ImportData, GoToR, GoToE, RichMediaExecute;
 * any {@code /JS} or {@code /JavaScript} entry (the names tree's scripts); any {@code /AA} (additional
 * actions run on page open, field focus, keystrokes: pages, fields, annotations, the catalog); embedded
 * files ({@code /EmbeddedFiles}, {@code /EF}, {@code /Type /EmbeddedFile}); XFA forms; RichMedia (Flash)
 * annotations; URI actions to anything but http, https and mailto; an {@code /OpenAction} that is not a
 * plain "open at this page" destination.
 */
final class PdfActiveContent {

    /** More than any sane document of our size limit holds; a file past it is a decompression bomb. */
    private static final int MAX_VISITS = 5_000_000;

    private static final Set<String> ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData", "GoToR", "GoToE",
            "RichMediaExecute");
    private static final Set<String> KEYS = Set.of("JS", "JavaScript", "AA", "EmbeddedFiles", "EF", "XFA");
    private static final Set<String> INSPECTABLE_OBJECT_STREAM_FILTERS = Set.of("FlateDecode", "Fl");
    private static final COSName OBJ_STM = COSName.getPDFName("ObjStm");

    /** Why a PDF is refused. */
    record Finding(String rule, String what) {
    }

    private PdfActiveContent() {
    }

    static Optional<Finding> find(PDDocument pdf) {
        COSDocument document = pdf.getDocument();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(document.getTrailer());
        for (Map.Entry<COSObjectKey, Long> entry : document.getXrefTable().entrySet()) {
            COSObject object = document.getObjectFromPool(entry.getKey());
            COSBase resolved = object.getObject();
            // a negative offset is the number of the object stream holding the object
            if (entry.getValue() != null && entry.getValue() < 0 && (resolved == null || resolved instanceof COSNull)) {
                return Optional.of(new Finding("attachment-unreadable", "compressed object " + entry.getKey() + " cannot be read"));
            }
            if (resolved != null) {
                todo.push(resolved);
            }
        }
        COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
        COSBase openAction = catalog.getDictionaryObject(COSName.OPEN_ACTION);
        if (openAction != null && !(openAction instanceof COSArray) && !isGoTo(openAction)) {
            return Optional.of(new Finding("attachment-active-content", "/OpenAction"));
        }
        int visits = 0;
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (++visits > MAX_VISITS) {
                return Optional.of(new Finding("attachment-unreadable", "too many objects"));
            }
            if (next instanceof COSDictionary dictionary) {
                Optional<Finding> found = check(dictionary);
                if (found.isPresent()) {
                    return found;
                }
                todo.addAll(dictionary.getValues());
            } else if (next instanceof COSArray array) {
                for (COSBase item : array) {
                    todo.push(item);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> check(COSDictionary d) {
        for (COSName key : d.keySet()) {
            if (KEYS.contains(key.getName())) {
                return Optional.of(new Finding("attachment-active-content", "/" + key.getName()));
            }
        }
        String action = name(d.getDictionaryObject(COSName.S));
        if (action != null && ACTIONS.contains(action)) {
            return Optional.of(new Finding("attachment-active-content", "/S /" + action));
        }
        if ("URI".equals(action) && !harmlessUri(d.getDictionaryObject(COSName.URI))) {
            return Optional.of(new Finding("attachment-active-content", "/URI"));
        }
        String type = name(d.getDictionaryObject(COSName.TYPE));
        if ("EmbeddedFile".equals(type)) {
            return Optional.of(new Finding("attachment-active-content", "/Type /EmbeddedFile"));
        }
        if ("RichMedia".equals(name(d.getDictionaryObject(COSName.SUBTYPE)))) {
            return Optional.of(new Finding("attachment-active-content", "/Subtype /RichMedia"));
        }
        if (d instanceof COSStream stream && OBJ_STM.equals(d.getCOSName(COSName.TYPE))) {
            COSBase filters = stream.getFilters();
            boolean inspectable = filters == null
                    || filters instanceof COSName f && INSPECTABLE_OBJECT_STREAM_FILTERS.contains(f.getName())
                    || filters instanceof COSArray a && a.size() <= 1 && a.toList().stream()
                            .allMatch(f -> f instanceof COSName n && INSPECTABLE_OBJECT_STREAM_FILTERS.contains(n.getName()));
            if (!inspectable) {
                return Optional.of(new Finding("attachment-unreadable", "object stream with filter " + filters));
            }
        }
        return Optional.empty();
    }

    private static boolean isGoTo(COSBase action) {
        return action instanceof COSDictionary d && "GoTo".equals(name(d.getDictionaryObject(COSName.S)));
    }

    private static boolean harmlessUri(COSBase uri) {
        if (!(uri instanceof COSString s)) {
            return true; // no target: nothing to open
        }
        try {
            String scheme = URI.create(s.getString().trim()).getScheme();
            return scheme != null && Set.of("http", "https", "mailto").contains(scheme.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String name(COSBase base) {
        return base instanceof COSName n ? n.getName() : null;
    }
}
