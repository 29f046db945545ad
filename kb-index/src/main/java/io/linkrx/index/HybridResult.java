package io.linkrx.index;

import java.util.List;

/**
 * Hits of a batch of mentions, in query order.
 *
 * @param hits     per mention: the union of its lexical and dense hits, one per concept, by fused score
 * @param degraded dense retrieval was wanted but unavailable for this batch (encoder failed or does not match
 *                 the index): the hits are lexical only
 */
public record HybridResult(List<List<IndexHit>> hits, boolean degraded) {
    public HybridResult {
        hits = List.copyOf(hits);
    }
}
