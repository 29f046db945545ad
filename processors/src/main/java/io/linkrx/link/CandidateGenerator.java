package io.linkrx.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.linkrx.retrieve.CandidateRetriever;

/**
 * Candidate generation for the mentions of one note: top-k for each mention, for its long form when the note
 * defines it as an abbreviation, for its wording with equivalent words in canonical form and, when it is
 * coordinated, for each of its conjuncts ({@link Coordination}; both at a discount); plus every concept the
 * mention dictionary links the mention, its long form or a conjunct to. All query strings of the note go to the
 * retriever in one call. Deduplicated by concept, keeping the best evidence of each source.
 */
public final class CandidateGenerator {
    static final double CANONICAL_DISCOUNT = 0.95;
    private final BatchRetriever retriever;
    private final MentionDictionary dictionary;
    private final int k;

    /** @param k candidates asked from the retriever per query string */
    public CandidateGenerator(BatchRetriever retriever, MentionDictionary dictionary, int k) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    public CandidateGenerator(CandidateRetriever retriever, MentionDictionary dictionary, int k) {
        this(BatchRetriever.lexical(retriever), dictionary, k);
    }

    /** Candidates of one mention. */
    public List<RetrievedCandidate> generate(MentionQuery query, String excludedDocument) {
        return generateAll(List.of(query), excludedDocument).get(0);
    }

    /**
     * Candidates of each mention, in fused order: best of lexical score and dense cosine first, dictionary-only
     * concepts after.
     */
    public List<List<RetrievedCandidate>> generateAll(List<MentionQuery> mentions, String excludedDocument) {
        List<BatchRetriever.Query> queries = new ArrayList<>();
        List<double[]> discounts = new ArrayList<>();
        List<List<String>> conjunctsOf = new ArrayList<>(mentions.size());
        int[] first = new int[mentions.size() + 1];
        for (int m = 0; m < mentions.size(); m++) {
            first[m] = queries.size();
            MentionQuery q = mentions.get(m);
            queries.add(new BatchRetriever.Query(q.text(), q.type()));
            discounts.add(new double[] {1.0});
            if (q.expansion() != null) {
                queries.add(new BatchRetriever.Query(q.expansion(), q.type()));
                discounts.add(new double[] {1.0});
            }
            String canonical = q.canonical();
            if (!canonical.equals(q.norm())) {
                // equivalent words ("pancreatic tumors" → "pancreas neoplasm"), discounted so the mention's own
                // wording still ranks first
                queries.add(new BatchRetriever.Query(canonical, q.type()));
                discounts.add(new double[] {CANONICAL_DISCOUNT});
            }
            List<String> conjuncts = q.conjuncts();
            conjunctsOf.add(conjuncts);
            for (String conjunct : conjuncts) {
                // "breast and ovarian cancer" is annotated with the concepts of "breast cancer" and "ovarian cancer"
                queries.add(new BatchRetriever.Query(conjunct, q.type()));
                discounts.add(new double[] {CANONICAL_DISCOUNT});
            }
        }
        first[mentions.size()] = queries.size();
        List<List<BatchRetriever.Hit>> hits = queries.isEmpty() ? List.of() : retriever.retrieveAll(queries, k);
        List<List<RetrievedCandidate>> out = new ArrayList<>(mentions.size());
        for (int m = 0; m < mentions.size(); m++) {
            Map<String, double[]> evidence = new LinkedHashMap<>(); // id → {lexical, dense}
            for (int qi = first[m]; qi < first[m + 1]; qi++) {
                double discount = discounts.get(qi)[0];
                for (BatchRetriever.Hit h : hits.get(qi)) {
                    double[] e = evidence.computeIfAbsent(h.conceptId(), id -> new double[] {0.0, Double.NaN});
                    e[0] = Math.max(e[0], h.lexical() * discount);
                    if (!Double.isNaN(h.dense())) {
                        e[1] = Double.isNaN(e[1]) ? h.dense() * discount : Math.max(e[1], h.dense() * discount);
                    }
                }
            }
            MentionQuery q = mentions.get(m);
            addDictionary(evidence, q.norm(), excludedDocument);
            if (q.expansion() != null) {
                addDictionary(evidence, q.expansionNorm(), excludedDocument);
            }
            for (String conjunct : conjunctsOf.get(m)) {
                addDictionary(evidence, conjunct, excludedDocument);
            }
            out.add(ordered(evidence));
        }
        return out;
    }

    private void addDictionary(Map<String, double[]> evidence, String norm, String excludedDocument) {
        for (String id : dictionary.candidates(norm, excludedDocument)) {
            evidence.putIfAbsent(id, new double[] {0.0, Double.NaN});
        }
    }

    private static List<RetrievedCandidate> ordered(Map<String, double[]> evidence) {
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(evidence.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> fused(e.getValue())).reversed());
        List<RetrievedCandidate> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            double[] e = entries.get(i).getValue();
            out.add(new RetrievedCandidate(entries.get(i).getKey(), e[0], e[1], i));
        }
        return out;
    }

    private static double fused(double[] e) {
        return Double.isNaN(e[1]) ? e[0] : Math.max(e[0], e[1]);
    }
}
