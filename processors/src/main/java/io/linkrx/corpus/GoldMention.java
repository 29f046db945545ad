package io.linkrx.corpus;

import java.util.List;
import java.util.Objects;

import io.linkrx.kb.SemanticType;

/**
 * One annotated mention of a PubTator document.
 *
 * @param begin      char offset into {@link PubTatorDocument#text()}
 * @param end        exclusive end offset
 * @param text       the mention text as annotated
 * @param corpusType the corpus's own type label, e.g. "SpecificDisease", "Chemical"
 * @param type       the linkrx semantic type of that label, or null for types linkrx does not link (genes, ...)
 * @param ids        gold concept ids; several for composite ("+", "|") or alternative annotations; empty = NIL
 *                   ("-1" in the file)
 * @param composite  true when the annotation names several concepts in one span ("ocular and auditory toxicity")
 */
public record GoldMention(int begin, int end, String text, String corpusType, SemanticType type, List<String> ids,
                          boolean composite) {
    public GoldMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(corpusType, "corpusType");
        ids = List.copyOf(ids);
    }

    /** True when the annotators found no concept for the mention. */
    public boolean nil() {
        return ids.isEmpty();
    }
}
