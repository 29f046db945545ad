package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.util.Objects;

/**
 * One mention to retrieve concepts for.
 *
 * @param text the mention as written
 * @param type its semantic type, or null for any
 */
public record MentionQuery(String text, SemanticType type) {
    public MentionQuery {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "MentionQuery[" + text.length() + " chars, type=" + type + "]"; // mention text is PHI: never printed
    }
}
