package io.linkrx.extract;

import java.util.Objects;

import io.linkrx.assertion.Assertion;
import io.linkrx.kb.SemanticType;

/**
 * A span of a note that names a concept.
 *
 * @param begin            char offset of the first char
 * @param end              char offset after the last char (exclusive)
 * @param text             {@code note.substring(begin, end)} (PHI: never log it)
 * @param type             semantic type of the concept whose name matched
 * @param assertion        negated, hypothetical, historical, family or present
 * @param assertionTrigger the trigger phrase as found in the note, or null
 */
public record Mention(int begin, int end, String text, SemanticType type, Assertion assertion,
                      String assertionTrigger) {
    public Mention {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("invalid mention span [" + begin + ", " + end + ")");
        }
        Objects.requireNonNull(text, "text");
        if (text.length() != end - begin) {
            throw new IllegalArgumentException("mention text length " + text.length() + " does not match span ["
                    + begin + ", " + end + ")");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(assertion, "assertion");
    }
}
