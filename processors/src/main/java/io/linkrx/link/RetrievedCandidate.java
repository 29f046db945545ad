package io.linkrx.link;

import java.util.Objects;

/**
 * A concept proposed for a mention by candidate generation, with the evidence of each source.
 *
 * @param conceptId concept id in the knowledge base
 * @param lexical   lexical retrieval score in [0, 1]; 0 when lexical search did not find it
 * @param dense     cosine of mention and nearest concept name embeddings; NaN when not computed
 * @param rank      position in the fused retrieval order, 0 = first
 */
public record RetrievedCandidate(String conceptId, double lexical, double dense, int rank) {
    public RetrievedCandidate {
        Objects.requireNonNull(conceptId, "conceptId");
    }
}
