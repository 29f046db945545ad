package io.linkrx.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryJarTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(RegistryJar.PROPERTY);
    }

    @Test
    void usesTheSystemPropertyWhenSet() throws Exception {
        Path jar = Files.createFile(dir.resolve("quarkus-run.jar"));
        System.setProperty(RegistryJar.PROPERTY, jar.toString());

        assertThat(RegistryJar.locate()).isEqualTo(jar.toAbsolutePath());
    }

    @Test
    void tellsHowToBuildTheRegistryWhenTheJarIsMissing() {
        System.setProperty(RegistryJar.PROPERTY, dir.resolve("missing.jar").toString());

        assertThatThrownBy(RegistryJar::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.jar")
                .hasMessageContaining("system property " + RegistryJar.PROPERTY)
                .hasMessageContaining("mvn -pl registry package");
    }

    @Test
    void findsTheRepositoryRootAboveANestedFolder() throws Exception {
        Files.createDirectories(dir.resolve("registry"));
        Files.createFile(dir.resolve("registry").resolve("pom.xml"));
        Path nested = Files.createDirectories(dir.resolve("topology").resolve("src"));

        assertThat(RegistryJar.repositoryRoot(nested)).contains(dir);
        assertThat(dir.resolve(RegistryJar.IN_REPOSITORY).toString())
                .endsWith("registry/target/quarkus-app/quarkus-run.jar");
    }
}
