package io.linkrx.eval.linking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;

/**
 * Mentions of annotated documents as extra concept names (the "training dictionary" of BioSyn and SapBERT
 * evaluations): concept id → mention texts linked to it. Composite mentions are left out (their text names
 * several concepts).
 */
final class TrainingNames {
    private TrainingNames() {
    }

    /**
     * A knowledge base holding only these names (of concepts of {@code kb}), for a small lexical retriever
     * beside the main index: retraining on new names then never needs a new index.
     */
    static KnowledgeBase asKnowledgeBase(KnowledgeBase kb, Map<String, Set<String>> names, String version) {
        List<Concept> concepts = new java.util.ArrayList<>();
        names.forEach((id, ns) -> kb.concept(id).ifPresent(c -> {
            List<String> list = List.copyOf(ns);
            if (!list.isEmpty()) {
                concepts.add(new Concept(c.id(), c.vocabulary(), c.type(), list.get(0), list.subList(1, list.size()),
                        List.of(), List.of()));
            }
        }));
        return KnowledgeBase.of(version, concepts);
    }

    static Map<String, Set<String>> of(List<PubTatorDocument> docs, GoldResolver resolver,
                                        Predicate<PubTatorDocument> include) {
        Map<String, Set<String>> names = new HashMap<>();
        for (PubTatorDocument doc : docs) {
            if (!include.test(doc)) {
                continue;
            }
            for (GoldMention m : doc.mentions()) {
                if (m.type() == null || m.nil() || m.composite()) {
                    continue;
                }
                for (String id : resolver.resolve(m.ids())) {
                    names.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(m.text());
                }
            }
        }
        return names;
    }
}
