package io.linkrx.index;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Score of a term match = query weight (the clause boost) x document weight (the term frequency, fixed point).
 * Summed over a disjunction of a mention's terms this is the cosine of {@link TermWeights} vectors.
 * Monotonic in the frequency, so Lucene's block-max pruning stays valid.
 */
final class PrecomputedWeightSimilarity extends Similarity {
    /** Weights are kept to 1/1000: ample for ranking, and frequencies stay small in the postings. */
    static final int SCALE = 1000;

    static int encode(double weight) {
        return (int) Math.max(1, Math.round(weight * SCALE));
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        return 1; // the weighted fields omit norms; the length is already in the weights
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return boost * freq / SCALE;
            }
        };
    }
}
