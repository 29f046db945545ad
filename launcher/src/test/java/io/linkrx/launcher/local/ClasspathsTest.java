package io.linkrx.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMainClassOfARunnableJar() throws Exception {
        Path jar = jarWithManifest("app.jar", Attributes.Name.MAIN_CLASS, "com.example.Main");

        assertThat(Classpaths.mainClassOf(jar)).isEqualTo("com.example.Main");
    }

    @Test
    void refusesAJarWithoutMainClass() throws Exception {
        Path jar = jarWithManifest("lib.jar", Attributes.Name.CLASS_PATH, "other.jar");

        assertThatThrownBy(() -> Classpaths.mainClassOf(jar)).hasMessageContaining("no Main-Class");
    }

    @Test
    void theCurrentClasspathContainsThisClassAndItsDependencies() {
        // under Surefire this may be a manifest-only jar: the expansion must still list the real entries
        assertThat(Classpaths.ofCurrentJvm())
                .contains(Classpaths.locationOf(ClasspathsTest.class))
                .contains(Classpaths.locationOf(org.apache.kafka.common.Uuid.class));
    }

    private Path jarWithManifest(String name, Attributes.Name attribute, String value) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(attribute, value);
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
