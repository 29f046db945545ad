package io.linkrx.rerank;

import java.util.List;
import java.util.Objects;

import io.linkrx.extract.Mention;
import io.linkrx.retrieve.Candidate;

/**
 * A mention with its retrieved candidates, the input of re-ranking.
 *
 * @param mention    the mention
 * @param candidates retrieved candidates, best first
 */
public record MentionCandidates(Mention mention, List<Candidate> candidates) {
    public MentionCandidates {
        Objects.requireNonNull(mention, "mention");
        candidates = List.copyOf(candidates);
    }
}
