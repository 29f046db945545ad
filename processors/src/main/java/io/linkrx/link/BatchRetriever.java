package io.linkrx.link;

import java.util.List;
import java.util.Objects;

import io.linkrx.kb.SemanticType;

/**
 * Candidate retrieval for all query strings of one note in one call, so a dense retriever embeds them in one
 * encoder request. Each hit carries the evidence of every source (lexical score, dense cosine).
 */
public interface BatchRetriever {
    /** A query string and the semantic type wanted (null: any). */
    record Query(String text, SemanticType type) {
        public Query {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A retrieved concept.
     *
     * @param lexical lexical score in [0, 1]; 0 when only dense search found it
     * @param dense   cosine of query and nearest name embedding; NaN when dense search did not run or missed it
     */
    record Hit(String conceptId, double lexical, double dense) {
    }

    /** Top-{@code k} concepts per query, best first, in query order. */
    List<List<Hit>> retrieveAll(List<Query> queries, int k);

    /** Adapter for a single-query lexical retriever. */
    static BatchRetriever lexical(io.linkrx.retrieve.CandidateRetriever retriever) {
        return (queries, k) -> queries.stream()
                .map(q -> retriever.retrieve(q.text(), q.type(), k).stream()
                        .map(c -> new Hit(c.conceptId(), c.score(), Double.NaN)).toList())
                .toList();
    }

    /**
     * Both retrievers' hits per query, merged by concept (best lexical score, best dense cosine), ordered by
     * the better of the two.
     */
    static BatchRetriever union(BatchRetriever a, BatchRetriever b) {
        return (queries, k) -> {
            List<List<Hit>> fromA = a.retrieveAll(queries, k);
            List<List<Hit>> fromB = b.retrieveAll(queries, k);
            List<List<Hit>> out = new java.util.ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                java.util.Map<String, Hit> merged = new java.util.LinkedHashMap<>();
                for (Hit h : fromA.get(i)) {
                    merged.merge(h.conceptId(), h, BatchRetriever::better);
                }
                for (Hit h : fromB.get(i)) {
                    merged.merge(h.conceptId(), h, BatchRetriever::better);
                }
                List<Hit> hits = new java.util.ArrayList<>(merged.values());
                hits.sort(java.util.Comparator.comparingDouble(BatchRetriever::best).reversed());
                out.add(List.copyOf(hits));
            }
            return out;
        };
    }

    private static Hit better(Hit x, Hit y) {
        double dense = Double.isNaN(x.dense()) ? y.dense() : Double.isNaN(y.dense()) ? x.dense() : Math.max(x.dense(), y.dense());
        return new Hit(x.conceptId(), Math.max(x.lexical(), y.lexical()), dense);
    }

    private static double best(Hit h) {
        return Double.isNaN(h.dense()) ? h.lexical() : Math.max(h.lexical(), h.dense());
    }
}
