package io.linkrx.rx.safety;

/**
 * A safety concern with one recommended compound: {@code relatedId} is the graph id of the current drug
 * (INTERACTION) or of the linked condition (CONTRAINDICATION); {@code relation} the graph relation that says so.
 */
public record SafetyWarning(Kind kind, String severity, String message, String relatedId, String relation) {
    public enum Kind { INTERACTION, CONTRAINDICATION }

    /** The graphs linkrx reads carry no severity grading, so every warning says so rather than guess. */
    public static final String UNKNOWN_SEVERITY = "UNKNOWN";
}
