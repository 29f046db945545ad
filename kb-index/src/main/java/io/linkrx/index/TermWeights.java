package io.linkrx.index;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * TF-IDF weights as in linkrx's in-memory {@code TrigramIndex}: {@code (1 + ln tf) * idf} with
 * {@code idf = ln((N + 1) / (df + 1)) + 1} over the N name entries, scaled to unit length. The dot product of
 * a mention's and a name's unit vectors is their cosine similarity in [0, 1].
 */
final class TermWeights {
    private TermWeights() {
    }

    static double idf(long docs, long df) {
        return Math.log((docs + 1.0) / (df + 1.0)) + 1.0;
    }

    /**
     * Unit-length weights of {@code tf}'s terms. Terms unknown to the index ({@code df} 0) count towards the
     * length, so a mention with unseen n-grams cannot reach a cosine of 1.
     */
    static Map<String, Double> unit(Map<String, Integer> tf, ToLongFunction<String> df, long docs) {
        Map<String, Double> w = new HashMap<>(tf.size() * 2);
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double x = (1 + Math.log(e.getValue())) * idf(docs, df.applyAsLong(e.getKey()));
            w.put(e.getKey(), x);
            norm += x * x;
        }
        if (norm > 0) {
            double scale = 1 / Math.sqrt(norm);
            w.replaceAll((term, x) -> x * scale);
        }
        return w;
    }
}
