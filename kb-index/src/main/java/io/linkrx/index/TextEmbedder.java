package io.linkrx.index;

import java.util.List;

/**
 * Turns texts into vectors, in batches. One instance only ever answers with vectors of one model version, so
 * {@link #modelId()} names every vector it returned: vectors of two versions are not comparable.
 * Implementations are thread-safe.
 */
public interface TextEmbedder {
    /**
     * One vector per text, in input order, all of the same width (not necessarily L2-normalised: callers
     * normalise).
     *
     * @throws EmbeddingException when no vectors can be computed
     */
    float[][] embed(List<String> texts);

    /** {@code <model name>@<version>}, e.g. {@code encoder@3}; recorded in the index and checked at query time. */
    String modelId();
}
