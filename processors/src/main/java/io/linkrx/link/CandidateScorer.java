package io.linkrx.link;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Scores (mention, candidate) feature rows: the probability that the candidate is the mention's concept.
 * The served ONNX re-ranker implements it through the model-serving sidecar.
 */
public interface CandidateScorer {
    /** One probability in [0, 1] per row, in row order; rows follow {@link LinkingFeatures#NAMES}. */
    double[] score(float[][] rows);

    /** Model name and version, recorded with every link. */
    String modelVersion();

    /** A scorer that scores each row on its own (an in-process model). */
    static CandidateScorer perRow(String modelVersion, ToDoubleFunction<float[]> rowScore) {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(rowScore, "rowScore");
        return new CandidateScorer() {
            @Override
            public double[] score(float[][] rows) {
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = rowScore.applyAsDouble(rows[i]);
                }
                return out;
            }

            @Override
            public String modelVersion() {
                return modelVersion;
            }
        };
    }
}
