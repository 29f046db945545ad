package io.linkrx.assertion;

/** Where a trigger looks for the mentions it governs. */
public enum TriggerDirection {
    /** Mentions after the trigger. */
    PRE,
    /** Mentions before the trigger. */
    POST,
    /** Both sides (pseudo-triggers and termination terms). */
    BOTH,
    /** A section header ("PMH:") governing its section. */
    SECTION;

    boolean activeOn(TriggerDirection side) {
        return this == side || this == BOTH && side != SECTION;
    }
}
