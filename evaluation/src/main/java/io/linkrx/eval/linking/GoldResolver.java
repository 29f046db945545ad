package io.linkrx.eval.linking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;

/**
 * Maps gold ids of a corpus to knowledge-base concept ids through {@link KnowledgeBase#resolve} (the id, with
 * or without "MESH:", or an alternative id such as the OMIM id of a MEDIC concept). Ids the KB does not know
 * are kept as they are, so they still count as gold but can never be predicted.
 */
public final class GoldResolver {
    private final KnowledgeBase kb;

    public GoldResolver(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The KB ids of these gold ids, in order, without duplicates. */
    public Set<String> resolve(List<String> goldIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : goldIds) {
            out.add(kb.resolve(id).map(Concept::id).orElse(id));
        }
        return out;
    }

    /** True when at least one of the ids is a concept of the KB. */
    boolean inKb(Set<String> resolved) {
        for (String id : resolved) {
            if (kb.concept(id).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
