package io.linkrx.rerank;

import java.util.List;

/**
 * Re-ranks the candidates of every mention of a note, in one call per note so a model can use the whole
 * note as context and batch its mentions. The model-serving sidecar client implements it.
 */
public interface Reranker extends AutoCloseable {
    /** Ranks each mention's candidates; the result has one entry per input mention, in input order. */
    RerankResult rerank(String noteText, List<MentionCandidates> mentions);

    /** Version of the model currently used. */
    String modelVersion();

    /**
     * Whether the current model saw this concept in training (teacher routing asks about concepts it did not);
     * true for models that are not trained per concept.
     */
    default boolean knowsConcept(String conceptId) {
        return true;
    }

    /** Releases model resources; nothing by default. */
    @Override
    default void close() {
    }
}
