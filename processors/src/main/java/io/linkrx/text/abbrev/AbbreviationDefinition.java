package io.linkrx.text.abbrev;

import java.util.Objects;

/**
 * An abbreviation defined in a text, e.g. "glucose-6-phosphate dehydrogenase (G6PD)".
 *
 * @param shortForm  the abbreviation, {@code text.substring(shortBegin, shortEnd)}
 * @param longForm   its definition, {@code text.substring(longBegin, longEnd)}
 * @param shortBegin char offset of the short form in the text
 * @param shortEnd   exclusive end of the short form
 * @param longBegin  char offset of the long form in the text
 * @param longEnd    exclusive end of the long form
 */
public record AbbreviationDefinition(String shortForm, String longForm, int shortBegin, int shortEnd, int longBegin,
                                     int longEnd) {
    public AbbreviationDefinition {
        Objects.requireNonNull(shortForm, "shortForm");
        Objects.requireNonNull(longForm, "longForm");
        if (shortEnd - shortBegin != shortForm.length() || longEnd - longBegin != longForm.length()
                || shortBegin < 0 || longBegin < 0) {
            throw new IllegalArgumentException("abbreviation offsets do not match the forms: short [" + shortBegin
                    + ", " + shortEnd + "), long [" + longBegin + ", " + longEnd + ")");
        }
    }
}
