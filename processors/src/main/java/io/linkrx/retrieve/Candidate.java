package io.linkrx.retrieve;

import java.util.Objects;

import io.linkrx.kb.SemanticType;

/**
 * A knowledge-base concept proposed for a mention.
 *
 * @param conceptId     concept identifier
 * @param vocabulary    its vocabulary
 * @param preferredName its preferred name
 * @param type          its semantic type
 * @param score         retrieval or ranking score in [0, 1], higher is better
 * @param dense         cosine of mention and nearest concept-name embedding from dense retrieval; NaN when none
 */
public record Candidate(String conceptId, String vocabulary, String preferredName, SemanticType type, double score,
                        double dense) {
    /** A candidate without dense evidence. */
    public Candidate(String conceptId, String vocabulary, String preferredName, SemanticType type, double score) {
        this(conceptId, vocabulary, preferredName, type, score, Double.NaN);
    }

    public Candidate {
        Objects.requireNonNull(conceptId, "conceptId");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(preferredName, "preferredName");
        Objects.requireNonNull(type, "type");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("candidate score must be in [0, 1], was " + score);
        }
    }
}
