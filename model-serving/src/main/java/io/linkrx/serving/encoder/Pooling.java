package io.linkrx.serving.encoder;

import java.util.Locale;

/** How token states become one sentence vector (or, with {@link #SPANS}, one vector per given span). */
public enum Pooling {
    /** Average of the token states under the attention mask (sentence-transformers' MiniLM, e5, SapBERT-mean). */
    MEAN,
    /** The first token's state ([CLS]; bge, SapBERT). */
    CLS,
    /**
     * One vector per char span the caller gives (input {@code SPANS}): the average of the states of the word pieces
     * that overlap the span. Contextual word vectors for a tagger.
     */
    SPANS;

    public static Pooling parse(String value) {
        if (value == null || value.isBlank()) {
            return MEAN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "mean", "average", "avg" -> MEAN;
            case "cls", "first" -> CLS;
            case "spans" -> SPANS;
            default -> throw new IllegalArgumentException("pooling '" + value + "' is not supported (mean, cls or spans)");
        };
    }

    /** The name used in config.pbtxt. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
