package org.qingdan.support.files;

import java.nio.file.Path;

/**
 * An uploaded file spooled to a temporary file and checked by content: its sanitised name, the media type its
 * bytes say, size and SHA-256. The caller stores it and deletes the temporary file ({@link Uploads#accept}).
 */
public record InspectedFile(Path spooled, String fileName, String mediaType, long size, String sha256) {
}
