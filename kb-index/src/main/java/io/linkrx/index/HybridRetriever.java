package io.linkrx.index;

import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.CandidateRetriever;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candidates from both sides of the KB index: the lexical top k and the dense top k of each mention, united
 * per concept and ordered by a {@link Fusion} of the two (ties: concept id), each hit keeping both scores.
 * A batch's mentions are embedded in one encoder call ({@link #search}).
 *
 * <p>Without an embedder it is lexical only. When dense retrieval is wanted but impossible (the index has no
 * vectors, the embedder fails, or its model is not the one the index was built with, whose vectors would not be
 * comparable) it degrades to lexical: the batch is marked degraded and the change is logged once. Thread-safe.
 */
public final class HybridRetriever implements CandidateRetriever {
    private static final Logger LOG = LoggerFactory.getLogger(HybridRetriever.class);
    private static final Comparator<IndexHit> BEST_FIRST = Comparator.comparingDouble(IndexHit::score).reversed()
            .thenComparing(IndexHit::conceptId);

    private final KbIndex index;
    private final TextEmbedder embedder;
    private final Fusion fusion;
    private final boolean lexical;
    private final DenseHealth health = new DenseHealth(LOG);

    /** Lexical only. */
    public HybridRetriever(KbIndex index) {
        this(index, null, Fusion.MAX);
    }

    /** @param embedder encodes mentions with the index's encoder; null: lexical only */
    public HybridRetriever(KbIndex index, TextEmbedder embedder) {
        this(index, embedder, Fusion.MAX);
    }

    public HybridRetriever(KbIndex index, TextEmbedder embedder, Fusion fusion) {
        this(index, embedder, fusion, true);
    }

    /**
     * Dense search only, for a linker whose lexical candidates come from elsewhere (e.g. the in-memory 3-gram
     * retriever); nothing is retrieved while the embedder is unavailable.
     */
    public static HybridRetriever denseOnly(KbIndex index, TextEmbedder embedder) {
        return new HybridRetriever(index, Objects.requireNonNull(embedder, "embedder"), Fusion.MAX, false);
    }

    private HybridRetriever(KbIndex index, TextEmbedder embedder, Fusion fusion, boolean lexical) {
        this.lexical = lexical;
        this.index = Objects.requireNonNull(index, "index");
        this.embedder = embedder;
        this.fusion = Objects.requireNonNull(fusion, "fusion");
        if (embedder != null && !index.hasVectors()) {
            LOG.warn("An encoder is configured but the KB index has no name vectors: retrieval is lexical only");
        }
    }

    @Override
    public List<Candidate> retrieve(String mentionText, SemanticType type, int k) {
        return retrieveAll(List.of(new MentionQuery(mentionText, type)), k).get(0);
    }

    /** {@link #search}, as the best {@code k} candidates per mention (scores: fused). */
    public List<List<Candidate>> retrieveAll(List<MentionQuery> queries, int k) {
        List<List<Candidate>> out = new ArrayList<>(queries.size());
        for (List<IndexHit> hits : search(queries, k).hits()) {
            out.add(hits.stream().limit(k)
                    .map(h -> new Candidate(h.conceptId(), h.vocabulary(), h.preferredName(), h.type(), h.score()))
                    .toList());
        }
        return out;
    }

    /**
     * For each mention the union of its lexical and dense top {@code k} (up to 2k concepts), best fused score first.
     */
    public HybridResult search(List<MentionQuery> queries, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        boolean wanted = embedder != null;
        float[][] vectors = wanted && !queries.isEmpty() ? embed(queries) : null;
        List<List<IndexHit>> hits = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            MentionQuery q = queries.get(i);
            List<IndexHit> lexical = this.lexical ? index.lexical(q.text(), q.type(), k) : List.of();
            List<IndexHit> dense = vectors == null ? List.of() : index.dense(vectors[i], q.type(), k);
            hits.add(fuse(lexical, dense));
        }
        return new HybridResult(hits, wanted && vectors == null && !queries.isEmpty());
    }

    /** Whether dense retrieval is configured (it may still be degraded at times). */
    public boolean denseConfigured() {
        return embedder != null && index.hasVectors();
    }

    /** Batches served lexically although dense retrieval was configured. */
    public long degradedBatches() {
        return health.degradedBatches();
    }

    /** One vector per query from one embedder call over the distinct texts; null when dense is unavailable. */
    private float[][] embed(List<MentionQuery> queries) {
        if (!index.hasVectors()) {
            health.failed("the KB index has no name vectors");
            return null;
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        queries.forEach(q -> rows.putIfAbsent(q.text(), rows.size()));
        float[][] distinct;
        try {
            distinct = embedder.embed(List.copyOf(rows.keySet()));
        } catch (EmbeddingException e) {
            health.failed(e.getMessage());
            return null;
        } catch (RuntimeException e) {
            health.failed("embedder failed with " + e.getClass().getName()); // its message might quote the text
            return null;
        }
        String problem = mismatch(distinct, rows.size());
        if (problem != null) {
            health.failed(problem);
            return null;
        }
        health.succeeded();
        float[][] vectors = new float[queries.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = distinct[rows.get(queries.get(i).text())];
        }
        return vectors;
    }

    private String mismatch(float[][] vectors, int expected) {
        String model = embedder.modelId();
        if (!model.equals(index.metadata().encoder())) {
            return "encoder " + model + " is not the index's encoder " + index.metadata().encoder()
                    + "; rebuild the index or serve that encoder";
        }
        if (vectors.length != expected) {
            return "encoder returned " + vectors.length + " vectors for " + expected + " texts";
        }
        for (float[] v : vectors) {
            if (v.length != index.metadata().dimension()) {
                return "encoder returned vectors of width " + v.length + ", the index has " + index.metadata().dimension();
            }
        }
        return null;
    }

    private List<IndexHit> fuse(List<IndexHit> lexical, List<IndexHit> dense) {
        Map<String, Integer> lexicalRank = ranks(lexical);
        Map<String, Integer> denseRank = ranks(dense);
        Map<String, IndexHit> byConcept = new LinkedHashMap<>();
        lexical.forEach(h -> byConcept.put(h.conceptId(), h));
        dense.forEach(h -> byConcept.merge(h.conceptId(), h, HybridRetriever::combine));
        List<IndexHit> fused = new ArrayList<>(byConcept.size());
        for (IndexHit h : byConcept.values()) {
            Integer l = lexicalRank.get(h.conceptId());
            Integer d = denseRank.get(h.conceptId());
            double score = fusion.fuse(l == null ? Double.NaN : lexical.get(l - 1).score(), l == null ? 0 : l,
                    d == null ? Double.NaN : dense.get(d - 1).score(), d == null ? 0 : d);
            fused.add(h.withScore(Math.max(0.0, Math.min(1.0, score))));
        }
        fused.sort(BEST_FIRST);
        return List.copyOf(fused);
    }

    /** Both sides' scores; the matched name of the side that scored higher. */
    private static IndexHit combine(IndexHit lexical, IndexHit dense) {
        IndexHit base = lexical.score() >= dense.score() ? lexical : dense;
        return new IndexHit(base.conceptId(), base.vocabulary(), base.preferredName(), base.type(), base.matchedName(),
                base.matchedKind(), lexical.lexicalScore(), dense.denseScore(), base.prior(), base.score());
    }

    private static Map<String, Integer> ranks(List<IndexHit> hits) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            ranks.put(hits.get(i).conceptId(), i + 1);
        }
        return ranks;
    }
}
