package io.linkrx.link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.text.Normalizer;

/**
 * A concept's names in normal form, with their distinct words (as arrays: the features count them in one pass) and
 * 3-gram sets, computed once per concept.
 */
record ConceptNames(Concept concept, List<String> norms, List<String[]> tokens, List<long[]> trigrams,
                    Set<String> canonicals, String preferredNorm, Set<String> abbreviations) {

    static ConceptNames of(Concept concept) {
        List<String> list = List.copyOf(Normalizer.normalizeAll(concept.names()));
        List<String[]> tokens = new ArrayList<>(list.size());
        List<long[]> trigrams = new ArrayList<>(list.size());
        for (String n : list) {
            tokens.add(StringSimilarity.tokens(n).toArray(new String[0]));
            trigrams.add(StringSimilarity.trigrams(n));
        }
        Set<String> abbreviations = new LinkedHashSet<>();
        for (String a : concept.abbreviations()) {
            abbreviations.add(a.strip());
        }
        Set<String> canonicals = new java.util.HashSet<>();
        for (String n : list) {
            canonicals.add(WordEquivalents.canonical(n));
        }
        return new ConceptNames(concept, list, List.copyOf(tokens), List.copyOf(trigrams), Set.copyOf(canonicals),
                Normalizer.normalize(concept.preferredName()),
                Set.copyOf(abbreviations));
    }
}
