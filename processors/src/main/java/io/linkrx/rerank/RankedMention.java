package io.linkrx.rerank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.linkrx.extract.Mention;
import io.linkrx.retrieve.Candidate;

/**
 * A mention with its re-ranked candidates.
 *
 * @param mention the mention
 * @param ranked  candidates, best first
 * @param nil       true when no candidate is the mention's concept (not in the KB); check it before linking
 * @param composite for a coordinated mention whose conjuncts name different concepts ("breast and ovarian
 *                  cancer"), the best candidate of each conjunct; empty otherwise
 */
public record RankedMention(Mention mention, List<Candidate> ranked, boolean nil, List<Candidate> composite) {
    public RankedMention {
        Objects.requireNonNull(mention, "mention");
        ranked = List.copyOf(ranked);
        composite = List.copyOf(composite);
    }

    /** A mention that names at most one concept. */
    public RankedMention(Mention mention, List<Candidate> ranked, boolean nil) {
        this(mention, ranked, nil, List.of());
    }

    /** The top-ranked candidate, whether or not the mention is NIL. */
    public Optional<Candidate> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** Confidence gap: top1 - top2 score, top1 when there is a single candidate, 0 when there is none. */
    public double margin() {
        if (ranked.isEmpty()) {
            return 0.0;
        }
        double top1 = ranked.get(0).score();
        return ranked.size() == 1 ? top1 : top1 - ranked.get(1).score();
    }
}
