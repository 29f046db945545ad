package io.linkrx.link;

import java.util.List;
import java.util.Optional;

/**
 * A linked mention: candidates by decreasing probability, and NIL when even the best is below the threshold.
 *
 * @param query     the mention
 * @param ranked    candidates, best first
 * @param nil       true when no candidate is good enough
 * @param composite for a coordinated mention whose conjuncts name different concepts ("breast and ovarian cancer"),
 *                  the best concept of each conjunct in mention order; empty otherwise
 */
public record LinkedMention(MentionQuery query, List<ScoredConcept> ranked, boolean nil, List<ScoredConcept> composite) {
    public LinkedMention {
        ranked = List.copyOf(ranked);
        composite = List.copyOf(composite);
    }

    /** A mention that stands for one concept. */
    public LinkedMention(MentionQuery query, List<ScoredConcept> ranked, boolean nil) {
        this(query, ranked, nil, List.of());
    }

    /** The best candidate, NIL or not. */
    public Optional<ScoredConcept> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * The concepts the mention names: those of its conjuncts for a composite link, else the best candidate unless
     * NIL; empty for NIL.
     */
    public List<String> conceptIds() {
        if (!composite.isEmpty()) {
            return composite.stream().map(ScoredConcept::conceptId).toList();
        }
        return nil || ranked.isEmpty() ? List.of() : List.of(ranked.get(0).conceptId());
    }
}
