package io.linkrx.config;

import java.util.Locale;

/** Parses a knob's text value, with an error that names the key and the offending value. */
public final class KnobValues {
    private KnobValues() {}

    public static int asInt(Knob knob, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(knob.key() + " must be a whole number, was '" + value + "'", e);
        }
    }

    public static long asLong(Knob knob, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(knob.key() + " must be a whole number, was '" + value + "'", e);
        }
    }

    public static double asDouble(Knob knob, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(knob.key() + " must be a number, was '" + value + "'", e);
        }
    }

    /** Only {@code true} or {@code false} (any case): a typo must not silently mean false. */
    public static boolean asBoolean(Knob knob, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(knob.key() + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
