package io.linkrx.it.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Work directories (data and logs) of servers started by the tests: under {@value #PROPERTY} (failsafe sets
 * {@code target/it-work}, so logs stay for a look after a failure), else under the system temp folder.
 */
public final class ItWorkDirs {

    public static final String PROPERTY = "linkrx.it.work-dir";

    private ItWorkDirs() {
    }

    public static Path newDir(String prefix) {
        Path base = Path.of(System.getProperty(PROPERTY, Path.of(System.getProperty("java.io.tmpdir"), "linkrx-it")
                .toString()));
        try {
            return Files.createTempDirectory(Files.createDirectories(base), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + base, e);
        }
    }
}
