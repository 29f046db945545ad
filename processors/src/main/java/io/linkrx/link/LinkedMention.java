package io.linkrx.link;

import java.util.List;
import java.util.Optional;

/**
 * A linked mention: candidates by decreasing probability, and NIL when even the best is below the threshold.
 *
 * @param query  the mention
 * @param ranked candidates, best first
 * @param nil    true when no candidate is good enough
 */
public record LinkedMention(MentionQuery query, List<ScoredConcept> ranked, boolean nil) {
    public LinkedMention {
        ranked = List.copyOf(ranked);
    }

    /** The best candidate, NIL or not. */
    public Optional<ScoredConcept> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }
}
