package io.linkrx.serving.encoder;

import java.util.Locale;

/** How token states become one sentence vector. */
public enum Pooling {
    /** Average of the token states under the attention mask (sentence-transformers' MiniLM, e5, SapBERT-mean). */
    MEAN,
    /** The first token's state ([CLS]; bge, SapBERT). */
    CLS;

    public static Pooling parse(String value) {
        if (value == null || value.isBlank()) {
            return MEAN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "mean", "average", "avg" -> MEAN;
            case "cls", "first" -> CLS;
            default -> throw new IllegalArgumentException("pooling '" + value + "' is not supported (mean or cls)");
        };
    }

    /** The name used in config.pbtxt. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
