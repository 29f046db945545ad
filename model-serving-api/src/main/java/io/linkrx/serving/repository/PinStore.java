package io.linkrx.serving.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pinned version of a model, kept in {@code <repo>/<model>/linkrx-pinned-version} so a restart keeps serving
 * it. Operators may also write the file by hand; the poller reads it on every pass. Shared by the sidecar, the
 * trainer (it pins the serving version before it publishes a candidate the sidecar must not serve yet) and the app
 * (it starts from the version the sidecar serves).
 */
public final class PinStore {
    public static final String FILE_NAME = "linkrx-pinned-version";
    private static final Logger LOG = LoggerFactory.getLogger(PinStore.class);

    private PinStore() {}

    public static OptionalLong read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring {}: it does not hold a version number", file);
            return OptionalLong.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
            return OptionalLong.empty();
        }
    }

    /** Writes (or, with an empty value, removes) the pin atomically, so a crash never leaves half a number. */
    public static void write(Path modelDir, OptionalLong version) throws IOException {
        Path file = modelDir.resolve(FILE_NAME);
        if (version.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path tmp = modelDir.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(tmp, version.getAsLong() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
