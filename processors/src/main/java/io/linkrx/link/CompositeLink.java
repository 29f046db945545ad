package io.linkrx.link;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Composite links: "breast and ovarian cancer" names two concepts, and the corpora annotate it with both. Each
 * conjunct of a coordinated mention is linked on its own under every reading {@link Coordination} gives it; the
 * link is composite when every conjunct's best reading names a concept above the NIL threshold and they are not
 * all one concept ("head and neck cancer" may well be one). A mention that is not coordinated ("hemorrhagic
 * cystitis" = Hemorrhage + Cystitis) is composite when annotators mostly linked its text that way
 * ({@link MentionDictionary#composite}) and its own link agrees. Shared by the evaluation's linker and the streaming
 * re-ranker.
 */
final class CompositeLink {
    private CompositeLink() {
    }

    /** For each conjunct of a coordinated mention, the queries of its readings; empty when not coordinated. */
    static List<List<MentionQuery>> readingQueries(MentionQuery mention) {
        List<List<MentionQuery>> out = new ArrayList<>();
        for (List<String> names : Coordination.readings(mention.text())) {
            out.add(names.stream().map(n -> new MentionQuery(mention.documentId(), n, mention.type(), null,
                    mention.contextTokens())).toList());
        }
        return out;
    }

    /**
     * The composite link of a mention: its conjuncts' ({@link #pick}) when it is coordinated, else the one the
     * dictionary learnt for its text ({@link #learnt}); empty for most mentions.
     *
     * @param conjuncts per conjunct, the indices of its readings' queries in {@code ranked}
     * @param ranked    per query, its candidates best first
     * @param mention   the mention's own candidates, best first
     * @param learnt    the concepts annotators mostly give the mention's text (empty for most texts)
     */
    static <T> List<T> of(List<int[]> conjuncts, List<List<T>> ranked, List<T> mention, List<String> learnt,
                          ToDoubleFunction<T> probability, Function<T, String> conceptId, double nilThreshold) {
        List<T> coordinated = pick(conjuncts, ranked, probability, conceptId, nilThreshold);
        return coordinated.isEmpty() ? learnt(learnt, mention, probability, conceptId, nilThreshold) : coordinated;
    }

    /**
     * The composite link: the best candidate of each conjunct, distinct concepts in conjunct order, or empty.
     *
     * @param conjuncts   per conjunct, the indices of its readings' queries in {@code ranked}
     * @param ranked      per query, its candidates best first
     * @param probability a candidate's probability
     * @param conceptId   a candidate's concept
     */
    private static <T> List<T> pick(List<int[]> conjuncts, List<List<T>> ranked, ToDoubleFunction<T> probability,
                                    Function<T, String> conceptId, double nilThreshold) {
        if (conjuncts.isEmpty()) {
            return List.of(); // most mentions: not coordinated
        }
        List<T> best = new ArrayList<>(conjuncts.size());
        for (int[] readings : conjuncts) {
            T top = null;
            for (int r : readings) {
                List<T> candidates = ranked.get(r);
                if (!candidates.isEmpty() && (top == null
                        || probability.applyAsDouble(candidates.get(0)) > probability.applyAsDouble(top))) {
                    top = candidates.get(0);
                }
            }
            if (top == null || probability.applyAsDouble(top) < nilThreshold) {
                return List.of();
            }
            String id = conceptId.apply(top);
            if (best.stream().noneMatch(b -> conceptId.apply(b).equals(id))) {
                best.add(top);
            }
        }
        return best.size() < 2 ? List.of() : List.copyOf(best);
    }

    /**
     * The composite the dictionary learnt for the mention's text, as candidates of the mention: when its best
     * candidate is above the NIL threshold and one of the composite's concepts, and every other one is a candidate
     * too; otherwise empty.
     *
     * @param composite the concepts annotators mostly give the text (empty for most texts)
     * @param ranked    the mention's candidates, best first
     */
    private static <T> List<T> learnt(List<String> composite, List<T> ranked, ToDoubleFunction<T> probability,
                                      Function<T, String> conceptId, double nilThreshold) {
        if (composite.isEmpty() || ranked.isEmpty() || probability.applyAsDouble(ranked.get(0)) < nilThreshold
                || !composite.contains(conceptId.apply(ranked.get(0)))) {
            return List.of();
        }
        List<T> out = new ArrayList<>(composite.size());
        for (String id : composite) {
            ranked.stream().filter(c -> conceptId.apply(c).equals(id)).findFirst().ifPresent(out::add);
        }
        return out.size() == composite.size() ? List.copyOf(out) : List.of();
    }
}
