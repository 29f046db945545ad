package io.linkrx.launcher.local;

import io.linkrx.config.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Work directories of the local servers (data and logs). */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** Deletes a directory and everything below it; no-op if it does not exist. */
    public static void deleteRecursively(Path dir) {
        FileTrees.delete(dir);
    }

    static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
