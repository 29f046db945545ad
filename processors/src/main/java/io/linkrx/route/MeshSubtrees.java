package io.linkrx.route;

import java.util.Objects;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;

/**
 * Where a concept sits in the MeSH hierarchy, coarsely: the top-level tree branch of its first tree number
 * ("C10.228.140" → "C10", MEDIC's "C16.131.260/C538288" → "C16"), so teacher requests can be spread over the
 * hierarchy. Concepts without tree numbers (DrugBank, unknown ids) are in {@link #NONE}.
 */
public final class MeshSubtrees {
    public static final String NONE = "none";

    private final KnowledgeBase kb;

    public MeshSubtrees(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** The branch of a concept id (any id the KB resolves), {@link #NONE} when unknown or without tree numbers. */
    public String of(String conceptId) {
        if (conceptId == null || conceptId.isBlank()) {
            return NONE;
        }
        return kb.concept(conceptId).or(() -> kb.resolve(conceptId))
                .map(Concept::treeNumbers)
                .filter(numbers -> !numbers.isEmpty())
                .map(numbers -> branch(numbers.get(0)))
                .orElse(NONE);
    }

    /** "C10.228.140.300" → "C10"; blank → {@link #NONE}. */
    public static String branch(String treeNumber) {
        String t = treeNumber == null ? "" : treeNumber.strip();
        int end = 0;
        while (end < t.length() && t.charAt(end) != '.' && t.charAt(end) != '/') {
            end++;
        }
        return end == 0 ? NONE : t.substring(0, end);
    }
}
