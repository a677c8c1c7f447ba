package org.qingdan.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.util.unit.DataSize;

/**
 * The one way an uploaded file enters qingdan, whatever it belongs to (an application's attachment, a report's
 * evidence): copied to a temporary file while counting (chunked uploads have no Content-Length) and hashing,
 * refused when empty or over the size limit, then checked by {@link ContentInspector}. Only then may the caller
 * store it, under a generated id and the sanitised name.
 */
public class Uploads {

    private final ContentInspector inspector;
    private final long maxSize;

    public Uploads(ContentInspector inspector, DataSize maxSize) {
        this.inspector = inspector;
        this.maxSize = maxSize.toBytes();
    }

    /** What the caller does with an accepted file (store it); the temporary copy is deleted afterwards. */
    @FunctionalInterface
    public interface Store<T> {
        T store(InspectedFile file) throws IOException;
    }

    /** Spools, checks and hands the file to {@code store}; throws {@link FileRejected} naming the rule it breaks. */
    public <T> T accept(String originalName, InputStream content, Store<T> store) throws IOException {
        Path spooled = Files.createTempFile("qingdan-upload-", ".bin");
        try {
            String sha256 = spool(content, spooled);
            String mediaType = inspector.inspect(spooled);
            return store.store(new InspectedFile(spooled, FileNames.sanitize(originalName), mediaType, Files.size(spooled), sha256));
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private String spool(InputStream content, Path target) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxSize) {
                    throw new FileRejected(413, "attachment-too-large",
                            "附件超过大小上限 " + DataSize.ofBytes(maxSize).toMegabytes() + " MB");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new FileRejected(422, "attachment-empty", "附件为空文件");
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
