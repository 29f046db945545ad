package io.linkrx.launcher.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Class paths to hand to child JVMs. */
final class Classpaths {

    private Classpaths() {
    }

    /**
     * The class path of this JVM as a list of files. A single jar with a manifest {@code Class-Path} (how
     * Surefire/Failsafe start test JVMs, or a {@code java -jar} application) is expanded, so the child sees
     * the real entries.
     */
    static List<Path> ofCurrentJvm() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            entries.addAll(manifestClassPath(entries.get(0)));
        }
        return entries;
    }

    /** Where a class was loaded from: a jar, or a classes directory when run from an IDE or the reactor. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + type.getName(), e);
        }
    }

    static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    static String mainClassOf(Path jar) {
        Manifest manifest = manifestOf(jar);
        String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        if (main == null) {
            throw new IllegalStateException(jar + " has no Main-Class in its manifest: is it a runnable jar?");
        }
        return main;
    }

    private static List<Path> manifestClassPath(Path jar) {
        Manifest manifest = manifestOf(jar);
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (classPath == null || classPath.isBlank()) {
            return List.of();
        }
        URI base = jar.getParent().toUri();
        List<Path> entries = new ArrayList<>();
        for (String token : classPath.trim().split("\\s+")) {
            // entries are URLs, absolute ("file:/...") or relative to the jar's folder
            entries.add(Path.of(base.resolve(token)));
        }
        return entries;
    }

    private static Manifest manifestOf(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }
}
