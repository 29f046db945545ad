package io.linkrx.link;

/**
 * Scores (mention, candidate) feature rows: the probability that the candidate is the mention's concept.
 * The served ONNX re-ranker implements it through the model-serving sidecar.
 */
public interface CandidateScorer {
    /** One probability in [0, 1] per row, in row order; rows follow {@link LinkingFeatures#NAMES}. */
    double[] score(float[][] rows);

    /** Model name and version, recorded with every link. */
    String modelVersion();
}
