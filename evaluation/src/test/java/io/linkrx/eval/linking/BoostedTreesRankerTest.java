package io.linkrx.eval.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.linkrx.link.CandidateScorer;
import io.linkrx.link.LinkingFeatures;

class BoostedTreesRankerTest {
    private static final int FEATURES = LinkingFeatures.size();

    /** Rows whose label is an interaction no linear model can fit: feature 0 xor feature 1 above one half. */
    private static TrainingExamples xor(int n, long seed) {
        Random random = new Random(seed);
        TrainingExamples examples = new TrainingExamples();
        for (int i = 0; i < n; i++) {
            float[] row = new float[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                row[f] = random.nextFloat();
            }
            examples.rows.add(row);
            examples.labels.add(row[0] > 0.5f ^ row[1] > 0.5f);
            examples.weights.add(1f);
        }
        return examples;
    }

    @Test
    void givenAnInteractionOfTwoFeatures_whenTrained_thenTheTreesLearnIt() {
        BoostedTreesRanker trees = BoostedTreesRanker.train(xor(4000, 1), FEATURES, 42);
        TrainingExamples unseen = xor(1000, 2);

        double[] p = trees.inProcess("test").score(unseen.rows.toArray(new float[0][]));

        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] > 0.5) == unseen.labels.get(i) ? 1 : 0;
        }
        assertThat(right / (double) p.length).as("accuracy on unseen rows").isGreaterThan(0.95);
        assertThat(trees.trees()).hasSize(BoostedTreesRanker.ROUNDS);
        assertThat(trees.features()).isEqualTo(FEATURES);
        assertThat(trees.linkColumn()).isZero();
    }

    @Test
    void givenTheSameSeed_whenTrainedTwice_thenTheTreesScoreAlike() {
        CandidateScorer a = BoostedTreesRanker.train(xor(2000, 1), FEATURES, 7).inProcess("a");
        CandidateScorer b = BoostedTreesRanker.train(xor(2000, 1), FEATURES, 7).inProcess("b");
        float[][] rows = xor(50, 3).rows.toArray(new float[0][]);

        assertThat(a.score(rows)).containsExactly(b.score(rows));
    }

    @Test
    void givenTrainedTrees_whenExportedToOnnx_thenOnnxRuntimeScoresEveryRowAsTheJvmDoes(@TempDir Path dir) throws Exception {
        BoostedTreesRanker trees = BoostedTreesRanker.train(xor(3000, 1), FEATURES, 42);
        Path file = dir.resolve("model.onnx");
        trees.writeOnnx(file, 3);
        float[][] rows = xor(500, 4).rows.toArray(new float[0][]);
        double[] expected = trees.inProcess("test").score(rows);

        FloatBuffer input = FloatBuffer.allocate(rows.length * FEATURES);
        for (float[] row : rows) {
            input.put(row);
        }
        input.flip();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {rows.length, FEATURES});
             OrtSession.Result result = session.run(Map.of(RerankerExport.INPUT, tensor))) {
            float[][] served = (float[][]) result.get(RerankerExport.OUTPUT).orElseThrow().getValue();
            assertThat(served).hasNumberOfRows(rows.length);
            for (int i = 0; i < rows.length; i++) {
                assertThat((double) served[i][trees.linkColumn()]).as("row " + i).isCloseTo(expected[i], within(1e-5));
            }
        }
    }
}
