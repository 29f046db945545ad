package io.linkrx.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSidecarTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(LocalSidecar.ORT_NATIVE_PATH);
    }

    @Test
    void givenUnpackedOnnxRuntimeLibrariesWhenTheSidecarStartsThenItLoadsThemFromThere() {
        System.setProperty(LocalSidecar.ORT_NATIVE_PATH, "/opt/linkrx/ort");

        List<String> command = LocalSidecar.process(List.of("serve"), Path.of("sidecar.log")).command();

        assertThat(command).contains("-Donnxruntime.native.path=/opt/linkrx/ort", "-Dai.djl.offline=true");
        assertThat(command.indexOf("-Donnxruntime.native.path=/opt/linkrx/ort"))
                .as("a JVM option, before the main class").isLessThan(command.indexOf("serve"));
    }

    @Test
    void givenNoNativePathWhenTheSidecarStartsThenOnnxRuntimeChoosesItself() {
        List<String> command = LocalSidecar.process(List.of("serve"), Path.of("sidecar.log")).command();

        assertThat(command).noneMatch(option -> option.startsWith("-Donnxruntime.native.path"));
    }
}
