package io.linkrx.serving.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's sidecar settings table lists every knob, so operators never meet an undocumented one. */
class ReadmeSidecarSettingsTest {
    @Test
    void every_sidecar_setting_is_in_the_readme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (SidecarSetting s : SidecarSetting.values()) {
            assertThat(readme).as("README row for %s", s.key())
                    .contains("`" + s.key() + "`").contains("`" + s.environmentVariable() + "`");
        }
    }
}
