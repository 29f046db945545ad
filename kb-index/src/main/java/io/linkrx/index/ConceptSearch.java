package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * One query's way from name hits to concepts: names are searched, the best name per concept is kept
 * ({@link ConceptRanking}), more names are fetched until k concepts are covered, and with a mention type the
 * type's family gets a search of its own unless the unrestricted one already found k of its concepts (then they
 * are the family's best k). Not thread-safe: one per query.
 */
final class ConceptSearch {
    /** Which score a search produces. */
    enum Side { LEXICAL, DENSE }

    /** Top-n names, restricted by a filter (null: none). */
    @FunctionalInterface
    interface NameSearch {
        TopDocs top(int n, Query filter) throws IOException;
    }

    private static final int MAX_EXACT = 64;
    private static final int MAX_FETCH = 4096;

    private final IndexSearcher searcher;
    private final SemanticType type;
    private final HitReader hits;
    private final ConceptRanking ranking;

    ConceptSearch(IndexSearcher searcher, SemanticType type) {
        this.searcher = searcher;
        this.type = type;
        this.hits = new HitReader(searcher.getIndexReader());
        this.ranking = new ConceptRanking(type, hits);
    }

    /** Every entry matching {@code query} (an exact name or abbreviation) scores 1. */
    void exact(Query query) throws IOException {
        for (ScoreDoc sd : byDoc(searcher.search(new ConstantScoreQuery(query), MAX_EXACT).scoreDocs)) {
            ranking.offer(sd.doc, 1.0);
        }
    }

    /** Searches names for k concepts; {@code raw} turns Lucene's score into the side's score in [0, 1]. */
    void names(NameSearch names, int k, DoubleUnaryOperator raw) throws IOException {
        fetch(names, null, k, raw);
        if (type != null && ranking.preferredTypeConcepts() < k) {
            fetch(names, TypePolicy.filter(type), k, raw);
        }
    }

    /** The best k concepts as hits, with this side's score. */
    List<IndexHit> top(int k, Side side) {
        List<ConceptRanking.Best> top = ranking.top(k);
        IndexHit[] result = new IndexHit[top.size()];
        Integer[] byDoc = new Integer[top.size()];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> top.get(i).doc()));
        for (int i : byDoc) {
            ConceptRanking.Best b = top.get(i);
            double lexical = side == Side.LEXICAL ? b.raw() : IndexHit.ABSENT;
            double dense = side == Side.DENSE ? b.raw() : IndexHit.ABSENT;
            result[i] = hits.hit(b.doc(), lexical, dense, b.rank());
        }
        return List.of(result);
    }

    /** Top names until they cover k concepts, or there are no more, or the fetch limit is reached. */
    private void fetch(NameSearch names, Query filter, int k, DoubleUnaryOperator raw) throws IOException {
        for (int n = 4 * k + 16; ; n *= 4) {
            TopDocs top = names.top(n, filter);
            Set<String> concepts = new HashSet<>();
            for (ScoreDoc sd : byDoc(top.scoreDocs)) {
                concepts.add(ranking.offer(sd.doc, raw.applyAsDouble(sd.score)));
            }
            if (concepts.size() >= k || top.scoreDocs.length < n || n >= MAX_FETCH) {
                return;
            }
        }
    }

    /** Hits in doc order, the order doc values are read fastest in; the ranking does not depend on the order. */
    private static ScoreDoc[] byDoc(ScoreDoc[] hits) {
        ScoreDoc[] sorted = hits.clone();
        Arrays.sort(sorted, Comparator.comparingInt(sd -> sd.doc));
        return sorted;
    }
}
