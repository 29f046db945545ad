package io.linkrx.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.CandidateRetriever;

/**
 * Candidate generation for one mention: lexical top-k for the mention and, when the document defines it as
 * an abbreviation, for its long form; plus every concept the mention dictionary links the mention to.
 * Deduplicated by concept, keeping the best evidence of each source.
 */
public final class CandidateGenerator {
    static final double CANONICAL_DISCOUNT = 0.95;
    private final CandidateRetriever retriever;
    private final MentionDictionary dictionary;
    private final int k;

    /** @param k candidates asked from the retriever per query string */
    public CandidateGenerator(CandidateRetriever retriever, MentionDictionary dictionary, int k) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    /** Candidates in fused order (best lexical score first, dictionary-only ones after). */
    public List<RetrievedCandidate> generate(MentionQuery query, String excludedDocument) {
        Map<String, Double> lexical = new LinkedHashMap<>();
        collect(retriever.retrieve(query.text(), query.type(), k), lexical);
        if (query.expansion() != null) {
            collect(retriever.retrieve(query.expansion(), query.type(), k), lexical);
        }
        String canonical = query.canonical();
        if (!canonical.equals(query.norm())) {
            // a second look with equivalent words ("pancreatic tumors" → "pancreas neoplasm"), at a discount
            // so the mention's own wording still ranks first
            for (Candidate c : retriever.retrieve(canonical, query.type(), k)) {
                lexical.merge(c.conceptId(), c.score() * CANONICAL_DISCOUNT, Math::max);
            }
        }
        for (String id : dictionary.candidates(query.norm(), excludedDocument)) {
            lexical.putIfAbsent(id, 0.0);
        }
        if (query.expansion() != null) {
            for (String id : dictionary.candidates(query.expansionNorm(), excludedDocument)) {
                lexical.putIfAbsent(id, 0.0);
            }
        }
        List<Map.Entry<String, Double>> ordered = new ArrayList<>(lexical.entrySet());
        ordered.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        List<RetrievedCandidate> out = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            out.add(new RetrievedCandidate(ordered.get(i).getKey(), ordered.get(i).getValue(), Double.NaN, i));
        }
        return out;
    }

    private static void collect(List<Candidate> found, Map<String, Double> into) {
        for (Candidate c : found) {
            into.merge(c.conceptId(), c.score(), Math::max);
        }
    }
}
