package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenOverridesWin() throws IOException {
        Path file = Files.writeString(dir.resolve("trainer.properties"), """
                linkrx.trainer.model=tagger
                linkrx.trainer.top.k=7
                linkrx.trainer.human.corpora=a.PubTator, b.PubTator
                linkrx.trainer.kafka.security.protocol=SSL
                """);

        TrainerSettings s = TrainerSettings.load(Optional.of(file),
                Map.of("LINKRX_TRAINER_TOP_K", "9", "LINKRX_TRAINER_RETRAIN_AFTER_LABELS", "50"),
                Map.of("linkrx.trainer.retrain.after.labels", "100"));

        assertThat(s.get(TrainerSetting.MODEL)).isEqualTo("tagger");
        assertThat(s.getInt(TrainerSetting.TOP_K)).isEqualTo(9);
        assertThat(s.getInt(TrainerSetting.RETRAIN_AFTER_LABELS)).isEqualTo(100);
        assertThat(s.paths(TrainerSetting.HUMAN_CORPORA)).containsExactly(Path.of("a.PubTator"), Path.of("b.PubTator"));
        assertThat(s.kafka()).containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(s.retrainingSettings().k()).isEqualTo(9);
    }

    @Test
    void aTypoInTheFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("trainer.properties"), "linkrx.trainer.retrain.after.label=5\n");

        assertThatThrownBy(() -> TrainerSettings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkrx.trainer.retrain.after.label");
    }

    @Test
    void givenAModelKind_thenRetrainingTrainsThatKind_andAnUnknownKindIsRefusedAtStart() {
        assertThat(TrainerSettings.of(Map.of()).retrainingSettings().model()).isEqualTo("logistic");
        assertThat(TrainerSettings.of(Map.of("linkrx.trainer.model.kind", "trees")).retrainingSettings().model())
                .isEqualTo("trees");

        assertThatThrownBy(() -> TrainerSettings.of(Map.of("linkrx.trainer.model.kind", "svm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkrx.trainer.model.kind").hasMessageContaining("logistic, fm or trees, not svm");
    }

    @Test
    void kbSpecsSplitLikeTheApps() {
        TrainerSettings s = TrainerSettings.of(Map.of("linkrx.trainer.kb.paths", "medic:/d/CTD_diseases.tsv.gz,mesh:/d/desc.xml"));

        assertThat(s.kbSpecs(TrainerSetting.KB_PATHS)).isEqualTo(List.of("medic:/d/CTD_diseases.tsv.gz", "mesh:/d/desc.xml"));
        assertThat(s.kbSpecs(TrainerSetting.KB_SYNONYMS_FROM)).isEmpty();
    }

    @Test
    void everyTrainerSettingIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (TrainerSetting s : TrainerSetting.values()) {
            assertThat(readme).as("README row for %s", s.key())
                    .contains("| `" + s.key() + "` | `" + s.environmentVariable() + "` |");
        }
    }
}
