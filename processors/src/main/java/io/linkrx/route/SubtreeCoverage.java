package io.linkrx.route;

import java.util.Map;

/**
 * Spreads teacher requests over the MeSH hierarchy in the manner of KAILIN: a request's priority is discounted by
 * how well its subtree is already covered relative to the others,
 * {@code score = priority / (1 + sent(subtree) / (1 + mean sent per subtree))}.
 * A subtree no request went to yet keeps the full priority; one at the mean about halves it (while counts are
 * large); the discount grows with over-coverage and is scale-free, so the spread keeps working as counts grow.
 */
public final class SubtreeCoverage {
    private SubtreeCoverage() {
    }

    /** @param sentBySubtree requests already sent per subtree (the ones never asked about are absent) */
    public static double score(double priority, String subtree, Map<String, Long> sentBySubtree) {
        long sent = sentBySubtree.getOrDefault(subtree, 0L);
        double mean = sentBySubtree.isEmpty() ? 0.0
                : sentBySubtree.values().stream().mapToLong(Long::longValue).sum() / (double) sentBySubtree.size();
        return priority / (1.0 + sent / (1.0 + mean));
    }
}
