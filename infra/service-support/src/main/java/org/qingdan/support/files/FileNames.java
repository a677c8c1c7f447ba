package org.qingdan.support.files;

import java.text.Normalizer;

/**
 * A file name safe to show and to put in a Content-Disposition header: no directories, no control or
 * reserved characters, no leading dots, at most 100 characters. Chinese names stay readable.
 * The file is stored under a generated id, never under this name.
 */
public final class FileNames {

    public static String sanitize(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*\\u202A-\\u202E\\u2066-\\u2069]", "_").strip();
        name = name.replaceAll("^\\.+", "");
        if (name.codePointCount(0, name.length()) > 100) {
            int extension = name.lastIndexOf('.');
            String ext = extension > 0 && name.length() - extension <= 10 ? name.substring(extension) : "";
            name = name.substring(0, name.offsetByCodePoints(0, 100 - ext.length())) + ext;
        }
        return name.isBlank() ? "附件" : name;
    }

    private FileNames() {
    }
}
