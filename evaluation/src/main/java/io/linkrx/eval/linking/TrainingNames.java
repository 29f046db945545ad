package io.linkrx.eval.linking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;

/**
 * Mentions of annotated documents as extra concept names (the "training dictionary" of BioSyn and SapBERT
 * evaluations): concept id → mention texts linked to it. Composite mentions are left out (their text names
 * several concepts).
 */
final class TrainingNames {
    private TrainingNames() {
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
