package io.linkrx.kb.load;

import java.util.Collection;
import java.util.Set;

import io.linkrx.kb.SemanticType;

/** The semantic type of a MeSH concept from its tree numbers: C and F03 (mental disorders) are diseases, D chemicals. */
final class MeshTrees {

    private MeshTrees() {
    }

    /**
     * The type among {@code allowed}, disease first (a descriptor in both trees, e.g. a poisoning, is a disease
     * unless only chemicals are wanted); null when no tree gives an allowed type.
     */
    static SemanticType type(Collection<String> treeNumbers, Set<SemanticType> allowed) {
        boolean disease = false;
        boolean chemical = false;
        for (String t : treeNumbers) {
            if (t.startsWith("C") || t.startsWith("F03")) {
                disease = true;
            } else if (t.startsWith("D")) {
                chemical = true;
            }
        }
        if (disease && allowed.contains(SemanticType.DISEASE)) {
            return SemanticType.DISEASE;
        }
        if (chemical && allowed.contains(SemanticType.CHEMICAL)) {
            return SemanticType.CHEMICAL;
        }
        return null;
    }
}
