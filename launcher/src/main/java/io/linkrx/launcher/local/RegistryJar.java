package io.linkrx.launcher.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the packaged Apicurio Registry ({@code registry/target/quarkus-app/quarkus-run.jar}): system property
 * {@value #PROPERTY}, else environment variable {@value #ENV}, else the repository above the current directory.
 */
public final class RegistryJar {

    public static final String PROPERTY = "linkrx.registry.jar";
    public static final String ENV = "LINKRX_REGISTRY_JAR";
    static final Path IN_REPOSITORY = Path.of("registry", "target", "quarkus-app", "quarkus-run.jar");

    private RegistryJar() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
            source = "environment variable " + ENV;
        }
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured).toAbsolutePath().normalize();
            return requireBuilt(jar, source);
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Optional<Path> repository = repositoryRoot(cwd);
        if (repository.isEmpty()) {
            throw new IllegalStateException("cannot find the schema registry jar: set " + PROPERTY + " or " + ENV
                    + " to its path, or run from inside the linkrx repository (looked above " + cwd + ")");
        }
        return requireBuilt(repository.get().resolve(IN_REPOSITORY), "repository " + repository.get());
    }

    /** The nearest folder at or above {@code start} that has a {@code registry/pom.xml}. */
    static Optional<Path> repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("registry").resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path requireBuilt(Path jar, String source) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the schema registry is not built: " + jar + " (from " + source
                    + ") does not exist. Build it with: mvn -pl registry package");
        }
        return jar;
    }
}
