package io.linkrx.assertion;

/** How a mention's concept relates to the patient in the note (ConText "certainty/temporality/experiencer"). */
public enum Assertion {
    /** Affirmed, current, about the patient. */
    PRESENT,
    /** Denied or ruled out ("denies chest pain"). */
    NEGATED,
    /** Possible, suspected or conditional ("rule out pneumonia", "if symptoms recur"). */
    HYPOTHETICAL,
    /** In the patient's past ("history of MI", "s/p CABG"). */
    HISTORICAL,
    /** Experienced by a relative, not the patient ("mother with breast cancer"). */
    FAMILY;

    /** Rank when several assertions apply: FAMILY > NEGATED > HYPOTHETICAL > HISTORICAL > PRESENT. */
    int precedence() {
        return switch (this) {
            case FAMILY -> 4;
            case NEGATED -> 3;
            case HYPOTHETICAL -> 2;
            case HISTORICAL -> 1;
            case PRESENT -> 0;
        };
    }
}
