package io.linkrx.eval.linking;

import java.io.IOException;
import java.nio.file.Path;

import io.linkrx.link.CandidateScorer;

/**
 * A trained re-ranker: it scores feature rows in this JVM (training-time checks) and writes itself as the ONNX
 * graph the sidecar serves, whose output holds the link probability in column {@link #linkColumn()}.
 */
interface TrainedRanker {
    /** Scores rows in this JVM, as the served graph does. */
    CandidateScorer inProcess(String version);

    /** Writes the ONNX graph: input {@link RerankerExport#INPUT} [N, features], output {@link RerankerExport#OUTPUT}. */
    void writeOnnx(Path file, long version) throws IOException;

    /** The output column of the link probability. */
    int linkColumn();

    /** How many features the model was trained on (all of them, or it cannot serve the feature contract). */
    int features();
}
