package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the best name per concept among name-level hits, ranked by raw score x type factor; equal ranks keep
 * the earlier entry (a concept's preferred name is indexed first) and order concepts by id, so results are
 * deterministic.
 */
final class ConceptRanking {
    /** The best entry of one concept so far. */
    record Best(String conceptId, int doc, double raw, double rank) {
    }

    private static final Comparator<Best> BEST_FIRST = Comparator.comparingDouble(Best::rank).reversed()
            .thenComparing(Best::conceptId);

    private final Map<String, Best> best = new HashMap<>();
    private int preferredType;
    private final SemanticType wanted;
    private final HitReader reader;

    ConceptRanking(SemanticType wanted, HitReader reader) {
        this.wanted = wanted;
        this.reader = reader;
    }

    /** Offers name entry {@code doc} with its raw score in [0, 1]; returns its concept id. */
    String offer(int doc, double raw) {
        String id = reader.conceptId(doc);
        double factor = TypePolicy.factor(wanted, reader.type(doc));
        double rank = raw * factor;
        if (factor == 1.0 && !best.containsKey(id)) {
            preferredType++;
        }
        best.merge(id, new Best(id, doc, raw, rank), (old, now) ->
                now.rank() > old.rank() || (now.rank() == old.rank() && now.doc() < old.doc()) ? now : old);
        return id;
    }

    /** Concepts seen so far of the wanted type's family (all, without a wanted type). */
    int preferredTypeConcepts() {
        return preferredType;
    }

    /** The best {@code k} concepts, best first. */
    List<Best> top(int k) {
        List<Best> all = new ArrayList<>(best.values());
        all.sort(BEST_FIRST);
        return all.subList(0, Math.min(k, all.size()));
    }
}
