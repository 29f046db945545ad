package io.linkrx.rerank;

import java.util.List;
import java.util.Objects;

/**
 * Re-ranking of all mentions of one note.
 *
 * @param mentions     ranked mentions, in the order they were given
 * @param modelVersion version of the model that ranked them, recorded with every link for audit
 * @param degraded     true when a fallback ranked them (e.g. the model sidecar was unavailable)
 */
public record RerankResult(List<RankedMention> mentions, String modelVersion, boolean degraded) {
    public RerankResult {
        mentions = List.copyOf(mentions);
        Objects.requireNonNull(modelVersion, "modelVersion");
    }
}
