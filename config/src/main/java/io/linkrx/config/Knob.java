package io.linkrx.config;

import java.util.Locale;

/**
 * One documented configuration setting of a linkrx program: its key, default and meaning. Implemented by each
 * program's enum of settings, so the README tables are generated from, and checked against, the code.
 */
public interface Knob {
    /** What a knob is: its key, default and meaning. An enum of knobs holds one per constant. */
    record Spec(String key, String defaultValue, String description) {}

    Spec spec();

    default String key() {
        return spec().key();
    }

    default String defaultValue() {
        return spec().defaultValue();
    }

    default String description() {
        return spec().description();
    }

    /** The environment variable that sets it: the key upper-cased, dots and dashes as underscores. */
    default String environmentVariable() {
        return environmentVariableOf(key());
    }

    static String environmentVariableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A README configuration table (Markdown) of these knobs. */
    static String markdownTable(Knob... knobs) {
        StringBuilder sb = new StringBuilder("| key | environment variable | default | meaning |\n|---|---|---|---|\n");
        for (Knob k : knobs) {
            sb.append("| `").append(k.key()).append("` | `").append(k.environmentVariable()).append("` | `")
                    .append(k.defaultValue().isEmpty() ? "(empty)" : k.defaultValue()).append("` | ")
                    .append(k.description()).append(" |\n");
        }
        return sb.toString();
    }
}
