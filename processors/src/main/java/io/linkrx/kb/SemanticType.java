package io.linkrx.kb;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Coarse semantic type of a knowledge-base concept; it steers candidate retrieval and type penalties. */
public enum SemanticType {
    DISEASE, CHEMICAL, DRUG;

    /**
     * Parses a semantic type name case-insensitively ("Disease", "drug", ...).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code s} is null or unknown
     */
    public static SemanticType parse(String s) {
        if (s != null) {
            String wanted = s.strip().toUpperCase(Locale.ROOT);
            for (SemanticType t : values()) {
                if (t.name().equals(wanted)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("Unknown semantic type '" + s + "'; expected one of "
                + Arrays.stream(values()).map(SemanticType::displayName).collect(Collectors.joining(", ")));
    }

    /** The spelling used in knowledge-base files, e.g. "Disease". */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
