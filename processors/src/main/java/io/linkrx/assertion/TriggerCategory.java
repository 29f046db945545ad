package io.linkrx.assertion;

/** What a lexicon entry does: imply an assertion, or mask/terminate other triggers. */
public enum TriggerCategory {
    PRESENT, NEGATED, HYPOTHETICAL, HISTORICAL, FAMILY,
    /** Looks like a trigger but is not ("no increase", "gram negative"). */
    PSEUDO,
    /** Ends the scope of a trigger ("but", "however"). */
    TERMINATION;

    /** The implied assertion, or null for PSEUDO and TERMINATION. */
    public Assertion assertion() {
        return switch (this) {
            case PSEUDO, TERMINATION -> null;
            default -> Assertion.valueOf(name());
        };
    }
}
