package io.linkrx.teacher.bridge.openai;

/** Prices of a million prompt and completion tokens (any currency). */
record TokenPrices(double promptPerMillion, double completionPerMillion) {
    double cost(long promptTokens, long completionTokens) {
        return (promptTokens * promptPerMillion + completionTokens * completionPerMillion) / 1_000_000.0;
    }
}
