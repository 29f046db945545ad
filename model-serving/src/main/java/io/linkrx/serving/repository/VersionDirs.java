package io.linkrx.serving.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The numeric version directories of a model ({@code <repo>/<model>/<version>/}; "007" is version 7). */
final class VersionDirs {
    private static final Logger LOG = LoggerFactory.getLogger(VersionDirs.class);

    private VersionDirs() {}

    static NavigableSet<Long> list(Path modelDir) {
        NavigableSet<Long> out = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(modelDir)) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                String n = d.getFileName().toString();
                if (isNumber(n)) {
                    out.add(Long.parseLong(n));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot list model directory {}: {}", modelDir, e.toString());
        }
        return out;
    }

    static Path of(Path modelDir, long version) {
        Path plain = modelDir.resolve(Long.toString(version));
        if (Files.isDirectory(plain)) {
            return plain;
        }
        try (Stream<Path> dirs = Files.list(modelDir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> isNumber(d.getFileName().toString()) && Long.parseLong(d.getFileName().toString()) == version)
                    .findFirst().orElse(plain);
        } catch (IOException | UncheckedIOException e) {
            return plain;
        }
    }

    /** A cheap fingerprint (files, sizes, newest change), to retry a failed load only after the directory changed. */
    static String signature(Path dir) {
        long files = 0;
        long bytes = 0;
        long newest = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files++;
                    bytes += Files.size(p);
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "unreadable:" + System.nanoTime(); // never equal: retry next time
        }
        return files + ":" + bytes + ":" + newest;
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.length() < 19 && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
