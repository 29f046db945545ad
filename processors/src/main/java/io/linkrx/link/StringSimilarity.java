package io.linkrx.link;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cheap string similarities between a normalised mention and a normalised concept name. */
final class StringSimilarity {
    private StringSimilarity() {
    }

    /**
     * Character 3-grams of the space-padded string as sorted, distinct codes (three UTF-16 units packed in a
     * long): comparing two names is then a merge of two small arrays, with no hashing or allocation.
     */
    static long[] trigrams(String s) {
        String padded = " " + s + " ";
        int n = Math.max(0, padded.length() - 2);
        long[] grams = new long[n];
        for (int i = 0; i < n; i++) {
            grams[i] = ((long) padded.charAt(i) << 32) | ((long) padded.charAt(i + 1) << 16) | padded.charAt(i + 2);
        }
        java.util.Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return java.util.Arrays.copyOf(grams, distinct);
    }

    /** Dice coefficient of two sorted 3-gram code arrays, in [0, 1]. */
    static double dice(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    /** The largest Dice two 3-gram sets of these sizes can have: 2 min(|a|, |b|) / (|a| + |b|). */
    static double diceBound(long[] a, long[] b) {
        return a.length == 0 || b.length == 0 ? 0.0 : 2.0 * Math.min(a.length, b.length) / (a.length + b.length);
    }

    /**
     * {@code best} raised to the Dice of {@code a} and {@code b} when that is higher; the merge is skipped when the
     * sizes alone cap the Dice at {@code best} (the same maximum, fewer merges).
     */
    static double maxDice(double best, long[] a, long[] b) {
        return diceBound(a, b) > best ? Math.max(best, dice(a, b)) : best;
    }

    static Set<String> tokens(String normalised) {
        Set<String> out = new HashSet<>(List.of(normalised.split(" ")));
        out.remove("");
        return out;
    }
}
