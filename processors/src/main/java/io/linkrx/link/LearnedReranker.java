package io.linkrx.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.KnowledgeBase;
import io.linkrx.rerank.MentionCandidates;
import io.linkrx.rerank.RankedMention;
import io.linkrx.rerank.RerankResult;
import io.linkrx.rerank.Reranker;
import io.linkrx.rerank.ScoreOrderedReranker;
import io.linkrx.retrieve.Candidate;
import io.linkrx.serving.client.InferenceException;

/**
 * The streaming pipeline's re-ranker: the features and the served model of {@code eval linking}, over the
 * candidates the retrieval stage sent (lexical score, dense cosine, rank), one sidecar call per note. While
 * the sidecar is unavailable the note is ranked by retrieval score and marked degraded.
 */
public final class LearnedReranker implements Reranker {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedReranker.class);

    private final LinkingFeatures features;
    private final CandidateScorer scorer;
    private final double nilThreshold;
    private final ScoreOrderedReranker fallback;
    private final AutoCloseable resources;
    private final MentionDictionary dictionary;

    public LearnedReranker(KnowledgeBase kb, MentionDictionary dictionary, CandidateScorer scorer, double nilThreshold) {
        this(kb, dictionary, scorer, nilThreshold, () -> { });
    }

    /** @param resources released by {@link #close()}: the sidecar client, the KB index */
    public LearnedReranker(KnowledgeBase kb, MentionDictionary dictionary, CandidateScorer scorer, double nilThreshold,
                           AutoCloseable resources) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.features = new LinkingFeatures(Objects.requireNonNull(kb, "kb"), dictionary);
        this.dictionary = dictionary;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.nilThreshold = nilThreshold;
        this.fallback = new ScoreOrderedReranker(nilThreshold);
    }

    @Override
    public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
        NoteQueries queries = new NoteQueries(null, noteText);
        List<float[]> rows = new ArrayList<>();
        for (MentionCandidates mc : mentions) {
            MentionQuery q = queries.query(mc.mention().text(), mc.mention().type());
            List<RetrievedCandidate> retrieved = new ArrayList<>(mc.candidates().size());
            for (int i = 0; i < mc.candidates().size(); i++) {
                Candidate c = mc.candidates().get(i);
                retrieved.add(new RetrievedCandidate(c.conceptId(), c.score(), c.dense(), i));
            }
            rows.addAll(List.of(features.compute(q, retrieved, null)));
        }
        double[] scores;
        try {
            scores = rows.isEmpty() ? new double[0] : scorer.score(rows.toArray(new float[0][]));
        } catch (InferenceException e) {
            LOG.warn("Re-ranker unavailable ({}); ranking this note by retrieval score", e.getMessage());
            RerankResult lexical = fallback.rerank(noteText, mentions);
            return new RerankResult(lexical.mentions(), lexical.modelVersion(), true);
        }
        List<RankedMention> ranked = new ArrayList<>(mentions.size());
        int at = 0;
        for (MentionCandidates mc : mentions) {
            List<Candidate> scored = new ArrayList<>(mc.candidates().size());
            for (Candidate c : mc.candidates()) {
                double p = Math.max(0.0, Math.min(1.0, scores[at++]));
                scored.add(new Candidate(c.conceptId(), c.vocabulary(), c.preferredName(), c.type(), p, c.dense()));
            }
            scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
            boolean nil = scored.isEmpty() || scored.get(0).score() < nilThreshold;
            ranked.add(new RankedMention(mc.mention(), scored, nil));
        }
        return new RerankResult(ranked, scorer.modelVersion(), false);
    }

    /** A concept the training labels linked at least once (it is in the model version's mention dictionary). */
    @Override
    public boolean knowsConcept(String conceptId) {
        return dictionary.seen(conceptId, null);
    }

    @Override
    public String modelVersion() {
        return scorer.modelVersion();
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warn("Closing the re-ranker's resources failed: {}", e.toString());
        }
    }
}
