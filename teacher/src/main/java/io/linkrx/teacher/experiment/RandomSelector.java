package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline: mentions in a seeded random order. The order is fixed per mention (a hash of the seed and the
 * mention's id), not drawn anew for every batch, so the same seed asks about the same mentions in the same order
 * whatever the batch size; only the mentions' texts already asked are passed over.
 */
final class RandomSelector implements MentionSelector {
    private final long seed;

    RandomSelector(long seed) {
        this.seed = seed;
    }

    @Override
    public List<Choice> select(List<LinkedPoolMention> unlabelled, int n, AskedTexts asked) {
        List<LinkedPoolMention> ordered = new ArrayList<>(unlabelled);
        ordered.sort(Comparator.comparingLong(this::rank));
        List<Choice> out = new ArrayList<>(n);
        for (int i = 0; i < ordered.size() && out.size() < n; i++) {
            if (asked.take(ordered.get(i))) {
                out.add(new Choice(ordered.get(i), false));
            }
        }
        return out;
    }

    /** The mention's place in this seed's random order (SplitMix64's finaliser over seed and id). */
    long rank(LinkedPoolMention m) {
        long z = seed * 0x9E3779B97F4A7C15L + m.pool().id().hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String name() {
        return "random";
    }
}
