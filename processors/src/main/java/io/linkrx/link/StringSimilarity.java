package io.linkrx.link;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cheap string similarities between a normalised mention and a normalised concept name. */
final class StringSimilarity {
    private StringSimilarity() {
    }

    /** Character 3-grams of the space-padded string. */
    static Set<String> trigrams(String s) {
        String padded = " " + s + " ";
        Set<String> grams = new HashSet<>(padded.length() * 2);
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    /** |A ∩ B| / |A ∪ B| of two token sets; 0 when both are empty. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0.0;
        }
        int common = intersection(a, b);
        return common / (double) (a.size() + b.size() - common);
    }

    /** Fraction of {@code part}'s tokens that are in {@code whole}; 0 for an empty part. */
    static double coverage(Set<String> part, Set<String> whole) {
        return part.isEmpty() ? 0.0 : intersection(part, whole) / (double) part.size();
    }

    static int intersection(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String t : small) {
            if (large.contains(t)) {
                n++;
            }
        }
        return n;
    }

    static Set<String> tokens(String normalised) {
        Set<String> out = new HashSet<>(List.of(normalised.split(" ")));
        out.remove("");
        return out;
    }
}
