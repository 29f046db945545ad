package io.linkrx.eval.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.linkrx.link.LinkingFeatures;

class RerankerTrainerTest {

    @Test
    void rowWeightsShiftTheModelAsRepeatedRowsWould() {
        // Given the same feature row labelled "link" with weight 3 and "other" with weight 1, many times
        float[] row = new float[LinkingFeatures.NAMES.size()];
        row[0] = 1f;
        TrainingExamples examples = new TrainingExamples();
        for (int i = 0; i < 200; i++) {
            examples.rows.add(row);
            examples.labels.add(true);
            examples.weights.add(3f);
            examples.rows.add(row);
            examples.labels.add(false);
            examples.weights.add(1f);
        }
        // When the re-ranker is trained
        for (RerankerTrainer.Kind kind : RerankerTrainer.Kind.values()) {
            double score = new RerankerTrainer(kind, 10, 42).train(examples).inProcess("test")
                    .score(new float[][] {row})[0];
            // Then it follows the weights (3 : 1 is a probability of 0.75), not the row counts (0.5)
            assertThat(score).as(kind.name()).isCloseTo(0.75, within(0.08));
        }
    }

    @Test
    void fractionalWeightsAreReplicatedInExpectation() {
        Random random = new Random(1);
        assertThat(RerankerTrainer.copies(1f, random)).isEqualTo(1);
        assertThat(RerankerTrainer.copies(2f, random)).isEqualTo(2);
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += RerankerTrainer.copies(1.25f, random);
        }
        assertThat(sum / 10_000.0).isCloseTo(1.25, within(0.02));
    }
}
