package io.linkrx.index;

/**
 * How a concept's lexical and dense evidence become one ranking score in [0, 1]. Each side's score is its
 * type-penalised score; a side that did not retrieve the concept contributes nothing.
 */
public enum Fusion {
    /**
     * {@code max(lexical, dense)}: keeps the absolute meaning of scores (an exact name stays 1.0, a weak match
     * stays weak), which NIL thresholds and the re-ranker rely on.
     */
    MAX,
    /**
     * Reciprocal-rank fusion, {@code (1/(60 + r_lex) + 1/(60 + r_dense)) / (2/61)} with 1-based ranks: robust to
     * the two sides' different score scales, but relative (every mention's top concept scores high).
     */
    RRF;

    private static final double RRF_K = 60;

    /**
     * @param lexical     penalised lexical score, NaN when absent
     * @param lexicalRank 1-based rank in the lexical list
     * @param dense       penalised dense score, NaN when absent
     * @param denseRank   1-based rank in the dense list
     */
    double fuse(double lexical, int lexicalRank, double dense, int denseRank) {
        return switch (this) {
            case MAX -> Math.max(orZero(lexical), orZero(dense));
            case RRF -> (reciprocal(lexical, lexicalRank) + reciprocal(dense, denseRank)) / (2 / (RRF_K + 1));
        };
    }

    private static double orZero(double score) {
        return Double.isNaN(score) ? 0.0 : score;
    }

    private static double reciprocal(double score, int rank) {
        return Double.isNaN(score) ? 0.0 : 1 / (RRF_K + rank);
    }
}
