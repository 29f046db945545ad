package io.linkrx.rerank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Model-free re-ranker: keeps the retrieval order and calls a mention NIL when it has no candidate or its
 * best retrieval score is below the threshold. The baseline, and the fallback when no model is available.
 */
public final class ScoreOrderedReranker implements Reranker {
    /** Default NIL threshold. */
    public static final double DEFAULT_NIL_THRESHOLD = 0.5;
    /** Model version reported by this re-ranker. */
    public static final String MODEL_VERSION = "lexical-1";

    private final double nilThreshold;

    /** Re-ranker with the default NIL threshold {@value #DEFAULT_NIL_THRESHOLD}. */
    public ScoreOrderedReranker() {
        this(DEFAULT_NIL_THRESHOLD);
    }

    /** Re-ranker calling NIL every mention whose best score is below {@code nilThreshold} (in [0, 1]). */
    public ScoreOrderedReranker(double nilThreshold) {
        if (!(nilThreshold >= 0.0 && nilThreshold <= 1.0)) {
            throw new IllegalArgumentException("nilThreshold must be in [0, 1], was " + nilThreshold);
        }
        this.nilThreshold = nilThreshold;
    }

    @Override
    public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
        Objects.requireNonNull(mentions, "mentions");
        List<RankedMention> ranked = new ArrayList<>(mentions.size());
        for (MentionCandidates mc : mentions) {
            boolean nil = mc.candidates().isEmpty() || mc.candidates().get(0).score() < nilThreshold;
            ranked.add(new RankedMention(mc.mention(), mc.candidates(), nil));
        }
        return new RerankResult(ranked, MODEL_VERSION, false);
    }

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }
}
