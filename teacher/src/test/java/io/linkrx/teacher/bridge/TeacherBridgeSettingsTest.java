package io.linkrx.teacher.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File, environment and overrides; the app's routing keys may share the file; every knob is in the README. */
class TeacherBridgeSettingsTest {
    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("teacher.properties");
        Files.writeString(file, """
                linkrx.teacher.provider=openai
                linkrx.teacher.model=from-file
                linkrx.teacher.min.score=0.6
                linkrx.teacher.kafka.security.protocol=SSL
                linkrx.teacher.registry.basic.auth.user.info=u:p
                """);
        TeacherBridgeSettings s = TeacherBridgeSettings.load(Optional.of(file),
                Map.of("LINKRX_TEACHER_MODEL", "from-env", "LINKRX_TEACHER_API_KEY", "sk-secret",
                        "LINKRX_TEACHER_MIN_MARGIN", "0.2"), Map.of());
        assertThat(s.get(TeacherSetting.PROVIDER)).isEqualTo("openai");
        assertThat(s.get(TeacherSetting.MODEL)).isEqualTo("from-env");
        assertThat(s.get(TeacherSetting.RETRIES)).isEqualTo("4");
        assertThat(s.asMap()).containsEntry("linkrx.teacher.api.key", "sk-secret");
        assertThat(s.toString()).doesNotContain("sk-secret").doesNotContain("u:p");
        assertThat(s.consumerConfig()).containsEntry("security.protocol", "SSL")
                .containsEntry("group.id", "linkrx-teacher-bridge").containsEntry("enable.auto.commit", "false");
        assertThat(s.producerConfig()).containsEntry("enable.idempotence", "true").containsEntry("acks", "all")
                .doesNotContainKey("isolation.level");
        assertThat(s.serdeConfig()).containsEntry("basic.auth.user.info", "u:p")
                .containsEntry("auto.register.schemas", "false");
    }

    @Test
    void unknownTeacherKeysAndBadValuesAreRefused() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "linkrx.teacher.modle=x\n");
        assertThatThrownBy(() -> TeacherBridgeSettings.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("linkrx.teacher.modle");
        assertThatThrownBy(() -> TeacherBridgeSettings.of(Map.of("linkrx.teacher.synthesis.sentences", "0")))
                .hasMessageContaining("at least 1");
    }

    @Test
    void everySettingIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (TeacherSetting s : TeacherSetting.values()) {
            assertThat(readme).as("README row for %s", s.key())
                    .contains("| `" + s.key() + "` | `" + s.environmentVariable() + "` |");
        }
    }
}
