package io.linkrx.link;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.linkrx.kb.SemanticType;
import io.linkrx.text.Normalizer;

/**
 * One mention to link, with what the document tells about it.
 *
 * @param documentId    the note or document id (its own training labels are left out of dictionary features)
 * @param text          the mention as written (PHI: never log it)
 * @param type          the mention's semantic type, or null when unknown
 * @param expansion     the long form when the mention is or contains an abbreviation defined in the document
 *                      ("G6PD deficiency" → "glucose-6-phosphate dehydrogenase deficiency"), else null
 * @param contextTokens normalised words of the surrounding text
 */
public record MentionQuery(String documentId, String text, SemanticType type, String expansion,
                           Set<String> contextTokens) {
    public MentionQuery {
        Objects.requireNonNull(text, "text");
        contextTokens = contextTokens == null ? Set.of() : contextTokens;
    }

    /** Normal form of the text. */
    public String norm() {
        return Normalizer.normalize(text);
    }

    /** The normal form with equivalent words in canonical form ("renal tumor" → "kidney neoplasm"). */
    public String canonical() {
        return WordEquivalents.canonical(norm());
    }

    /** The conjuncts of a coordinated mention spelled out, in normal form ("breast cancer", "ovarian cancer"). */
    public List<String> conjuncts() {
        return Coordination.conjuncts(text);
    }

    /** Normal form of the expansion, or "" without one. */
    public String expansionNorm() {
        return expansion == null ? "" : Normalizer.normalize(expansion);
    }
}
