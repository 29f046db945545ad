package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.util.Objects;

/**
 * A concept retrieved from the index, with the evidence a re-ranker can use as features.
 *
 * @param conceptId     concept identifier
 * @param vocabulary    its vocabulary
 * @param preferredName its preferred name
 * @param type          its semantic type
 * @param matchedName   the concept's name (or abbreviation) that matched best, as written in the KB
 * @param matchedKind   what kind of name that is
 * @param lexicalScore  n-gram/word TF-IDF cosine of the mention and the best name in [0, 1], 1 for an exact
 *                      normalised name or abbreviation; NaN when lexical retrieval did not find the concept
 * @param denseScore    cosine of the mention's and the best name's vectors, clipped to [0, 1]; NaN when dense
 *                      retrieval did not find the concept
 * @param prior         concept prior in [0, 1): {@code 1 - 1 / (1 + ln n)} of its n distinct names, a cheap
 *                      popularity proxy (well-known concepts collect synonyms)
 * @param score         the ranking score in [0, 1] of the list this hit is in: the side's score times the type
 *                      penalty for {@code KbIndex.lexical/dense}, the fused score for {@link HybridRetriever}
 */
public record IndexHit(String conceptId, String vocabulary, String preferredName, SemanticType type,
                       String matchedName, NameKind matchedKind, double lexicalScore, double denseScore,
                       double prior, double score) {
    /** Score of a side that did not retrieve the concept. */
    public static final double ABSENT = Double.NaN;

    public IndexHit {
        Objects.requireNonNull(conceptId, "conceptId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(matchedKind, "matchedKind");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }

    public boolean hasLexical() {
        return !Double.isNaN(lexicalScore);
    }

    public boolean hasDense() {
        return !Double.isNaN(denseScore);
    }

    /** The same hit with another ranking score. */
    IndexHit withScore(double newScore) {
        return new IndexHit(conceptId, vocabulary, preferredName, type, matchedName, matchedKind, lexicalScore,
                denseScore, prior, newScore);
    }
}
