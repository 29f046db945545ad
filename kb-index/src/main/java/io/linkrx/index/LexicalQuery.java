package io.linkrx.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A mention's weighted disjunction of 3-grams and words (see {@link KbIndex} for the score), run in two stages.
 * Common terms ("ion", " th", "disease") have postings over a large part of the KB and make a full disjunction
 * slow while contributing little to the ranking: candidates come from the mention's {@value #CANDIDATE_TERMS}
 * rarest terms of either field (so an informative word like "aspirin" competes with n-grams on equal terms) and are
 * rescored with every term, so reported scores are the exact cosine. When the rare terms match fewer names than
 * the candidate stage asks for, the full disjunction runs instead.
 */
final class LexicalQuery {
    /**
     * Measured on MEDIC (58k names, 2,000 misspelt names, k 10) against the full disjunction: 2.5x the queries/s,
     * the same top 3, 97% of its top-10 overlap with the in-memory retriever (10 terms, 1 deep: 4x, 85%).
     */
    static final int CANDIDATE_TERMS = 16;
    /** The candidate stage fetches this many times the names asked for, as rescoring reorders them. */
    static final int CANDIDATE_DEPTH = 2;

    private record Clause(Query query, double weight, int df) {
    }

    private static final Comparator<Clause> RAREST_FIRST = Comparator.comparingInt(Clause::df)
            .thenComparing(Comparator.comparingDouble(Clause::weight).reversed());

    private final Query candidates;
    private final Query full;

    private LexicalQuery(Query candidates, Query full) {
        this.candidates = candidates;
        this.full = full;
    }

    /** The query of {@code terms}; null when none of them occurs in the index. */
    static LexicalQuery of(NameTerms terms, IndexSearcher searcher, long names) throws IOException {
        List<Clause> clauses = new ArrayList<>();
        addWeighted(clauses, searcher, names, IndexFields.GRAMS, terms.grams(), 1 - KbIndex.WORD_WEIGHT);
        addWeighted(clauses, searcher, names, IndexFields.WORDS, terms.words(), KbIndex.WORD_WEIGHT);
        if (clauses.isEmpty()) {
            return null;
        }
        Query full = disjunction(clauses);
        if (clauses.size() <= CANDIDATE_TERMS) {
            return new LexicalQuery(full, null);
        }
        clauses.sort(RAREST_FIRST);
        return new LexicalQuery(disjunction(clauses.subList(0, CANDIDATE_TERMS)), full);
    }

    /** The best {@code n} names by exact score among the candidates that pass {@code filter} (null: all). */
    TopDocs search(IndexSearcher searcher, Query filter, int n) throws IOException {
        if (full == null) {
            return searcher.search(filtered(candidates, filter), n);
        }
        TopDocs top = searcher.search(filtered(candidates, filter), n * CANDIDATE_DEPTH);
        if (top.scoreDocs.length < n * CANDIDATE_DEPTH) {
            return searcher.search(filtered(full, filter), n);
        }
        return new ExactRescorer(full).rescore(searcher, top, n);
    }

    private static Query filtered(Query query, Query filter) {
        return filter == null ? query : new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static void addWeighted(List<Clause> clauses, IndexSearcher searcher, long names, String field,
                                    Map<String, Integer> tf, double fieldWeight) throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        for (String term : tf.keySet()) {
            states.put(term, TermStates.build(searcher, new Term(field, term), true));
        }
        Map<String, Double> weights = TermWeights.unit(tf, t -> states.get(t).docFreq(), names);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            TermStates s = states.get(w.getKey());
            if (s.docFreq() > 0) {
                double weight = fieldWeight * w.getValue();
                Query term = new BoostQuery(new TermQuery(new Term(field, w.getKey()), s), (float) weight);
                clauses.add(new Clause(term, weight, s.docFreq()));
            }
        }
    }

    private static Query disjunction(List<Clause> clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(c -> b.add(c.query(), Occur.SHOULD));
        return b.build();
    }

    /** Replaces the first-stage score by the full query's. */
    private static final class ExactRescorer extends QueryRescorer {
        ExactRescorer(Query full) {
            super(full);
        }

        @Override
        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            return secondPassMatches ? secondPassScore : 0f;
        }
    }
}
