package org.switchboard.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the platform keeps files: a directory of the domain ({@code <instance>/switchboard/<name>}) unless set, made
 * {@code rwx------}, its files {@code rw-------}: an upload or an export holds an account's contacts.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** The directory, made when it is missing. */
    public static Path directory(String name, Optional<String> configured) {
        Path dir = configured.filter(d -> !d.isBlank()).map(Path::of).orElseGet(() -> Path.of(
                System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir")), "switchboard",
                name));
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A new empty file that only its owner may read and write. */
    public static Path create(Path file) {
        try {
            Files.deleteIfExists(file);
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file; one that cannot be removed is only disk, and is left. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind
        }
    }
}
