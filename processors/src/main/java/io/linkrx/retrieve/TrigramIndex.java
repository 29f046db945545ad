package io.linkrx.retrieve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted index of character 3-grams (of the space-padded normalised name) with TF-IDF weights; a query
 * visits only the postings of its own 3-grams. Documents are unit vectors, so the accumulated dot product
 * divided by the query norm is the cosine. Each posting list is sorted by document id and knows its largest
 * weight, so a query term's contribution to any document is bounded by {@link Term#upperBound()} (what
 * {@link LexicalCandidateRetriever} needs to stop visiting postings that cannot change its top k).
 * Immutable after construction.
 */
final class TrigramIndex {
    private record Postings(float idf, int[] docs, float[] weights, float maxWeight) {
    }

    /**
     * One 3-gram of a query that occurs in the index.
     *
     * @param docs        ids of the documents holding it, ascending
     * @param weights     their (unit-vector) weights of the 3-gram, in the order of {@code docs}
     * @param queryWeight the query's weight of the 3-gram, already divided by the query norm
     * @param upperBound  {@code queryWeight} times the largest of {@code weights}: no document gains more from it
     */
    record Term(int[] docs, float[] weights, float queryWeight, float upperBound) {
    }

    private static final Term[] NO_TERMS = new Term[0];

    private final Map<String, Postings> postings = new HashMap<>();
    private final int size;
    private final float unseenIdf;

    TrigramIndex(List<String> docs) {
        size = docs.size();
        unseenIdf = idf(0);
        List<Map<String, Integer>> tfs = docs.stream().map(TrigramIndex::termFrequencies).toList();
        Map<String, Integer> df = new HashMap<>();
        tfs.forEach(tf -> tf.keySet().forEach(g -> df.merge(g, 1, Integer::sum)));
        Map<String, int[]> docIds = new HashMap<>();
        Map<String, float[]> weights = new HashMap<>();
        Map<String, Integer> filled = new HashMap<>();
        df.forEach((g, n) -> {
            docIds.put(g, new int[n]);
            weights.put(g, new float[n]);
            filled.put(g, 0);
        });
        for (int d = 0; d < size; d++) {
            Map<String, Integer> tf = tfs.get(d);
            double norm = 0;
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                double w = weight(e.getValue(), idf(df.get(e.getKey())));
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                String g = e.getKey();
                int at = filled.merge(g, 1, Integer::sum) - 1;
                docIds.get(g)[at] = d;
                weights.get(g)[at] = (float) (weight(e.getValue(), idf(df.get(g))) / norm);
            }
        }
        df.forEach((g, n) -> {
            float[] ws = weights.get(g);
            float max = 0f;
            for (float w : ws) {
                max = Math.max(max, w);
            }
            postings.put(g, new Postings(idf(n), docIds.get(g), ws, max));
        });
    }

    int size() {
        return size;
    }

    /**
     * The 3-grams of {@code norm} found in the index with their query weights (divided by the query norm, which
     * counts the 3-grams the index lacks too): adding {@code queryWeight * weight} over every term gives a document
     * its cosine with the query.
     */
    Term[] terms(String norm) {
        Map<String, Integer> tf = termFrequencies(norm);
        double queryNorm = 0;
        int found = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            Postings p = postings.get(e.getKey());
            double w = weight(e.getValue(), p == null ? unseenIdf : p.idf());
            queryNorm += w * w;
            found += p == null ? 0 : 1;
        }
        if (queryNorm == 0 || found == 0) {
            return NO_TERMS;
        }
        double scale = 1 / Math.sqrt(queryNorm);
        Term[] terms = new Term[found];
        int at = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            Postings p = postings.get(e.getKey());
            if (p != null) {
                float qw = (float) (weight(e.getValue(), p.idf()) * scale);
                terms[at++] = new Term(p.docs(), p.weights(), qw, qw * p.maxWeight());
            }
        }
        return terms;
    }

    private float idf(int df) {
        return (float) (Math.log((size + 1.0) / (df + 1.0)) + 1.0);
    }

    private static double weight(int tf, double idf) {
        return (1 + Math.log(tf)) * idf;
    }

    static Map<String, Integer> termFrequencies(String norm) {
        if (norm.isEmpty()) {
            return Map.of();
        }
        String padded = " " + norm + " ";
        Map<String, Integer> tf = new HashMap<>(padded.length() * 2);
        for (int i = 0; i + 3 <= padded.length(); i++) {
            tf.merge(padded.substring(i, i + 3), 1, Integer::sum);
        }
        return tf;
    }

    @Override
    public String toString() {
        return "TrigramIndex[docs=" + size + ", grams=" + postings.size() + ", postings="
                + postings.values().stream().mapToInt(p -> p.docs().length).sum() + "]";
    }
}
