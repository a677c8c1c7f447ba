package org.qingdan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data sharing (AppCDS) archive of one JVM of the stack, in a directory of its own: used when an
 * earlier run wrote it for the same classes and the same JVM, else asked for at exit, so that the JVM writes
 * it as it stops (a few seconds more, once). A start with the archive loads its classes from it: on two cores
 * a Spring Boot application of ours starts with about half the CPU. The archive is only kept when the JVM
 * ended cleanly, and dropped when its key (what it was made of) changes; one that does not fit for another
 * reason is ignored by the JVM, which then starts as without it.
 */
final class ClassDataSharing {

    private final Path archive;
    private final Path part;
    private final boolean available;

    private ClassDataSharing(Path archive, Path part, boolean available) {
        this.archive = archive;
        this.part = part;
        this.available = available;
    }

    /** {@code key}: what the archive is made of, say the jars; a JVM of another version counts as another key. */
    static ClassDataSharing in(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        Path archive = dir.resolve("classes.jsa");
        Path part = dir.resolve("classes.jsa.part");
        Path keyFile = dir.resolve("classes.key");
        String fullKey = key + "\n" + System.getProperty("java.home") + " " + System.getProperty("java.vm.version") + "\n";
        if (!Files.exists(keyFile) || !Files.readString(keyFile).equals(fullKey)) {
            Files.deleteIfExists(archive);
            Files.writeString(keyFile, fullKey);
        }
        Files.deleteIfExists(part);
        return new ClassDataSharing(archive, part, Files.exists(archive));
    }

    /** Whether the JVM starts from an archive. */
    boolean used() {
        return available;
    }

    /** The JVM options: use the archive, or write it at exit; quietly either way. */
    List<String> options() {
        return List.of(available ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + part,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After the JVM ended: keeps the archive it wrote if it stopped cleanly, else drops it. */
    void keep(Process process) {
        if (available) {
            return;
        }
        try {
            int exit = process.isAlive() ? -1 : process.exitValue();
            // 143: stopped by SIGTERM after its shutdown hooks ran (what stop() asks), 0: ended by itself
            if ((exit == 143 || exit == 0) && Files.exists(part) && Files.size(part) > 0) {
                Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // the next start goes without an archive and tries again to write one
        }
    }
}
