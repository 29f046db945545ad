package io.linkrx.route;

/** Why a linking decision is uncertain enough to ask the teacher; each is a signal that configuration can switch off. */
public enum UncertaintyReason {
    /** No candidate was accepted: the concept may be missing from the KB, or retrieval missed it. */
    NIL,
    /** The best candidate was accepted with a low score. */
    LOW_SCORE,
    /** The two best candidates are too close to call. */
    SMALL_MARGIN,
    /** The model's first choice is not the candidate the lexical/retrieval ranking put first. */
    DISAGREEMENT,
    /** The model's first choice is a concept the trained model never saw a label for. */
    UNSEEN_CONCEPT;

    /** Configuration spelling: {@code low-score} for {@link #LOW_SCORE}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code nil}, {@code low-score}, {@code LOW_SCORE}, ... */
    public static UncertaintyReason parse(String name) {
        String n = name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown uncertainty signal '" + name.strip() + "' (known: nil, low-score, "
                    + "small-margin, disagreement, unseen-concept)", e);
        }
    }
}
