package io.linkrx.kb;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.text.Normalizer;

/**
 * Borrows names across vocabularies: a concept of another vocabulary (e.g. a DrugBank drug) whose name equals
 * a target concept's preferred name (e.g. the MeSH descriptor "Ascorbic Acid") lends all its names ("Vitamin
 * C") to it. Only unambiguous matches count: a name shared by two target concepts or two source concepts
 * is skipped, so borrowed names never merge distinct concepts.
 */
public final class SynonymEnrichment {
    private SynonymEnrichment() {
    }

    /**
     * The names linking reads: the KB with names borrowed from {@code lender} (none when null), then the variants
     * of its chemical names ({@link ChemicalNameVariants}). The evaluation, the trainer and the app build their
     * linking KB here, so all three link against the same names.
     */
    public static KnowledgeBase enrich(KnowledgeBase kb, KnowledgeBase lender) {
        KnowledgeBase borrowed = lender == null ? kb
                : kb.withExtraNames(borrow(kb, lender), "names-from:" + lender.version());
        return ChemicalNameVariants.addTo(borrowed);
    }

    /** Target concept id → names to add, for concepts of compatible semantic types. */
    public static Map<String, Set<String>> borrow(KnowledgeBase target, KnowledgeBase source) {
        Map<String, String> targetByName = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        for (Concept c : target.concepts()) {
            String n = Normalizer.normalize(c.preferredName());
            if (!n.isEmpty() && targetByName.putIfAbsent(n, c.id()) != null && !targetByName.get(n).equals(c.id())) {
                ambiguous.add(n);
            }
        }
        Map<String, String> sourceOwner = new HashMap<>();
        for (Concept s : source.concepts()) {
            for (String name : s.names()) {
                String n = Normalizer.normalize(name);
                String previous = sourceOwner.putIfAbsent(n, s.id());
                if (previous != null && !previous.equals(s.id())) {
                    ambiguous.add(n);
                }
            }
        }
        Map<String, Set<String>> borrowed = new HashMap<>();
        for (Concept s : source.concepts()) {
            String match = null;
            for (String name : s.names()) {
                String n = Normalizer.normalize(name);
                String t = ambiguous.contains(n) ? null : targetByName.get(n);
                if (t != null && compatible(target.concept(t).orElseThrow().type(), s.type())) {
                    match = match == null || match.equals(t) ? t : "";
                }
            }
            if (match != null && !match.isEmpty()) {
                Set<String> names = borrowed.computeIfAbsent(match, k -> new LinkedHashSet<>());
                names.addAll(s.names());
                names.addAll(s.abbreviations());
            }
        }
        return borrowed;
    }

    private static boolean compatible(SemanticType a, SemanticType b) {
        List<SemanticType> chemical = List.of(SemanticType.CHEMICAL, SemanticType.DRUG);
        return a == b || chemical.contains(a) && chemical.contains(b);
    }
}
