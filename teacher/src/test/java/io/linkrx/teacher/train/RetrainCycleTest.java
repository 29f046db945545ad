package io.linkrx.teacher.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.linkrx.eval.linking.RerankerRetraining;
import io.linkrx.link.RerankerBundle;
import io.linkrx.serving.repository.PinStore;

/**
 * Real retrains on corpora and a KB the test writes: version 1 from human documents only, then version 2 from the
 * same documents plus labels, published beside version 1 while the pin keeps version 1 serving; the decision
 * comes from real dev scores of both versions' ONNX exports.
 */
class RetrainCycleTest {
    @TempDir
    static Path dir;
    static RetrainCycle.Outcome first;
    static Path human;
    static Path dev;
    static RerankerRetraining retraining;

    @BeforeAll
    static void writeData() throws IOException {
        Path kb = TrainingData.kb(dir);
        human = TrainingData.corpus(dir.resolve("human.PubTator"), 30, 1, TrainingData.EASY);
        dev = TrainingData.corpus(dir.resolve("dev.PubTator"), 20, 2, TrainingData.concat(TrainingData.EASY, TrainingData.HARD));
        retraining = new RerankerRetraining(RerankerRetraining.loadKnowledgeBase(List.of(kb.toString()), List.of()),
                new RerankerRetraining.Settings(20, 0.0, 5, 42));
    }

    private RetrainCycle cycle(Path repository) {
        return new RetrainCycle(retraining, List.of(human), dev, repository, "reranker");
    }

    @Test
    void givenBoostedTreesAsTheModelKind_thenTheCyclePublishesATreeEnsembleThatLinks() throws IOException {
        RerankerRetraining trees = new RerankerRetraining(retraining.knowledgeBase(),
                new RerankerRetraining.Settings(20, 0.0, 5, 42, "trees"));
        Path repo = dir.resolve("trees");

        RetrainCycle.Outcome v1 = new RetrainCycle(trees, List.of(human), dev, repo, "reranker").run(List.of(),
                "sha256:none");

        assertThat(v1.promoted()).isTrue();
        assertThat(new String(Files.readAllBytes(repo.resolve("reranker/1/model.onnx")), StandardCharsets.ISO_8859_1))
                .contains("TreeEnsembleRegressor");
        RetrainCycle.Outcome logistic = cycle(dir.resolve("logistic-beside-trees")).run(List.of(), "sha256:none");
        assertThat(v1.candidate().accAt1()).as("served dev Acc@1, against logistic regression's")
                .isGreaterThanOrEqualTo(logistic.candidate().accAt1()).isPositive();
    }

    @Test
    void labelsThatTeachUnseenAbbreviationsArePromoted() throws IOException {
        // Given version 1 trained on human documents only, serving unpinned
        Path repo = dir.resolve("promote");
        RetrainCycle cycle = cycle(repo);
        RetrainCycle.Outcome v1 = cycle.run(List.of(), "sha256:none");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.promoted()).isTrue();
        assertThat(v1.servingVersion()).isEmpty();
        assertThat(PinStore.read(repo.resolve("reranker"))).isEmpty();

        // When labels link the abbreviations and brand names of the dev corpus (from other notes)
        List<StoredLabel> labels = new ArrayList<>();
        int n = 0;
        for (String[] hard : TrainingData.HARD) {
            for (int copy = 0; copy < 3; copy++) {
                labels.add(TrainingData.label("req-" + n, "note-" + n, hard[0], hard[1], "simulated", n));
                n++;
            }
        }
        RetrainCycle.Outcome v2 = cycle.run(labels, "sha256:labels");

        // Then version 2 is published beside version 1, the pin keeps 1 serving, and 2 scores better
        Path modelDir = repo.resolve("reranker");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.servingVersion()).contains("1");
        assertThat(modelDir.resolve("1/model.onnx")).isNotEmptyFile();
        assertThat(modelDir.resolve("2/model.onnx")).isNotEmptyFile();
        assertThat(PinStore.read(modelDir)).isEqualTo(OptionalLong.of(1));
        assertThat(v2.serving().orElseThrow().accAt1()).isEqualTo(v1.candidate().accAt1());
        assertThat(v2.candidate().accAt1()).isGreaterThan(v2.serving().orElseThrow().accAt1());
        assertThat(v2.promoted()).isTrue();
        assertThat(v2.reason()).contains("beats serving version 1");
        assertThat(v2.decisionMetrics()).containsKeys("dev_acc_at_1", "serving_dev_acc_at_1", "dev_acc_at_1_delta");
        assertThat(v2.trainingMetrics()).containsEntry("labels_simulated", 15.0);

        RerankerBundle bundle = RerankerBundle.read(modelDir.resolve("2"));
        assertThat(bundle.trainedOn()).containsEntry("label_store_digest", "sha256:labels");
        assertThat(bundle.metrics()).containsKey("dev_acc_at_1");
        assertThat(Files.list(modelDir).map(p -> p.getFileName().toString())).doesNotContain(".2.partial");
    }

    @Test
    void labelsThatContradictTheHumanAnnotationsAreRejected() {
        // Given version 1 trained on human documents only
        Path repo = dir.resolve("reject");
        RetrainCycle cycle = cycle(repo);
        RetrainCycle.Outcome v1 = cycle.run(List.of(), "sha256:none");

        // When many labels link every human variant to the wrong concept
        List<StoredLabel> labels = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < TrainingData.EASY.length; i++) {
            String wrong = TrainingData.EASY[(i + 1) % TrainingData.EASY.length][1];
            for (int copy = 0; copy < 8; copy++) {
                labels.add(TrainingData.label("bad-" + n, "bad-note-" + n, TrainingData.EASY[i][0], wrong, "teacher", n));
                n++;
            }
        }
        RetrainCycle.Outcome v2 = cycle.run(labels, "sha256:poison");

        // Then version 2 is published but rejected, and version 1 stays pinned
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.candidate().accAt1()).isLessThan(v1.candidate().accAt1());
        assertThat(v2.promoted()).isFalse();
        assertThat(v2.reason()).contains("drops below serving version 1");
        assertThat(PinStore.read(repo.resolve("reranker"))).isEqualTo(OptionalLong.of(1));
        assertThat(repo.resolve("reranker/2/model.onnx")).isNotEmptyFile();

        // and the next cycle compares with version 1, which still serves, not with the rejected, newer 2
        RetrainCycle.Outcome v3 = cycle.run(List.of(), "sha256:none");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.servingVersion()).contains("1");
        assertThat(v3.serving().orElseThrow().accAt1()).isEqualTo(v1.candidate().accAt1());
        assertThat(PinStore.read(repo.resolve("reranker"))).isEqualTo(OptionalLong.of(1));
    }
}
