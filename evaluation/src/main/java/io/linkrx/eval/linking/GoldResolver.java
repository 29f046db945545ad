package io.linkrx.eval.linking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;

/**
 * Maps gold ids of a corpus to knowledge-base concept ids: the id itself, without or with a "MESH:" prefix,
 * or any alternative id a concept lists (an OMIM or DO id of a MEDIC concept). Ids the KB does not know are
 * kept as they are, so they still count as gold but can never be predicted.
 */
final class GoldResolver {
    private final KnowledgeBase kb;
    private final Map<String, String> byAltId = new HashMap<>();

    GoldResolver(KnowledgeBase kb) {
        this.kb = kb;
        for (Concept c : kb.concepts()) {
            for (String x : c.xrefs()) {
                byAltId.putIfAbsent(x, c.id());
                byAltId.putIfAbsent(stripMesh(x), c.id());
            }
        }
    }

    /** The KB ids of these gold ids, in order, without duplicates. */
    Set<String> resolve(List<String> goldIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : goldIds) {
            out.add(resolve(id));
        }
        return out;
    }

    String resolve(String id) {
        if (kb.concept(id).isPresent()) {
            return id;
        }
        String bare = stripMesh(id);
        if (kb.concept(bare).isPresent()) {
            return bare;
        }
        if (kb.concept("MESH:" + bare).isPresent()) {
            return "MESH:" + bare;
        }
        return byAltId.getOrDefault(id, byAltId.getOrDefault(bare, id));
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

    private static String stripMesh(String id) {
        return id.regionMatches(true, 0, "MESH:", 0, 5) ? id.substring(5) : id;
    }
}
