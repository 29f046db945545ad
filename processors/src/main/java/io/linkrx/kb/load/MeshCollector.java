package io.linkrx.kb.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.ConceptBuilder;
import io.linkrx.kb.SemanticType;

/** Collects MeSH records in file order, keeping those of an allowed type and counting the rest. */
final class MeshCollector {
    private final Set<SemanticType> allowed;
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private int skipped;

    MeshCollector(Set<SemanticType> allowed) {
        this.allowed = allowed;
    }

    Set<SemanticType> allowed() {
        return allowed;
    }

    /** Keeps a record typed by its tree numbers. */
    void addByTrees(ConceptBuilder b) {
        add(b, MeshTrees.type(b.treeNumbers(), allowed));
    }

    /** Keeps a record of a known type if allowed; null or a disallowed type counts as skipped. */
    void add(ConceptBuilder b, SemanticType type) {
        if (type == null || !allowed.contains(type) || !b.hasName()) {
            skipped++;
            return;
        }
        Concept c = b.type(type).build();
        // a repeated UI (not seen in NLM files) is merged rather than lost
        concepts.merge(c.id(), c, (first, again) -> ConceptBuilder.from(first).addAll(again).build());
    }

    Map<String, Concept> concepts() {
        return concepts;
    }

    int skipped() {
        return skipped;
    }
}
