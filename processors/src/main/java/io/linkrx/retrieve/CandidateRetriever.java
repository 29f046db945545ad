package io.linkrx.retrieve;

import java.util.List;

import io.linkrx.kb.SemanticType;

/** Proposes knowledge-base concepts for a mention. Implementations are thread-safe. */
public interface CandidateRetriever {
    /**
     * The best {@code k} concepts for the mention text, best first, one per concept.
     *
     * @param type the mention's semantic type, or null for any; other types are penalised, not excluded
     */
    List<Candidate> retrieve(String mentionText, SemanticType type, int k);
}
