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
 * candidates the retrieval stage sent (lexical score, dense cosine, rank), one sidecar call per note. It follows
 * the version the sidecar serves ({@link RerankerVersions}). While the sidecar is unavailable the note is ranked
 * by retrieval score and marked degraded.
 */
public final class LearnedReranker implements Reranker {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedReranker.class);

    private final RerankerVersions versions;
    private final double nilThreshold;
    private final ScoreOrderedReranker fallback;
    private final AutoCloseable resources;

    public LearnedReranker(KnowledgeBase kb, MentionDictionary dictionary, CandidateScorer scorer, double nilThreshold) {
        this(RerankerVersions.fixed(kb, dictionary, scorer, null), nilThreshold, () -> { });
    }

    /** @param resources released by {@link #close()}: the sidecar client, the KB index */
    public LearnedReranker(RerankerVersions versions, double nilThreshold, AutoCloseable resources) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.nilThreshold = nilThreshold;
        this.fallback = new ScoreOrderedReranker(nilThreshold);
    }

    @Override
    public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
        NoteQueries queries = new NoteQueries(null, noteText);
        List<MentionQuery> mentionQueries = mentions.stream()
                .map(mc -> queries.query(mc.mention().text(), mc.mention().type())).toList();
        RerankerVersions.Version version = versions.current();
        double[] scores;
        try {
            try {
                scores = score(version, mentionQueries, mentions);
            } catch (ModelVersionChangedException swapped) {
                // the sidecar swapped versions: features of the served version (its dictionary), scored again
                if (!versions.follow(swapped.servedVersion())) {
                    throw swapped;
                }
                version = versions.current();
                scores = score(version, mentionQueries, mentions);
            }
        } catch (InferenceException | ModelVersionChangedException e) {
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
        return new RerankResult(ranked, version.scorer().modelVersion(), false);
    }

    /** One row per (mention, candidate) with this version's features, scored in one call. */
    private static double[] score(RerankerVersions.Version version, List<MentionQuery> queries,
                                  List<MentionCandidates> mentions) {
        List<float[]> rows = new ArrayList<>();
        for (int m = 0; m < mentions.size(); m++) {
            List<Candidate> candidates = mentions.get(m).candidates();
            List<RetrievedCandidate> retrieved = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                retrieved.add(new RetrievedCandidate(c.conceptId(), c.score(), c.dense(), i));
            }
            rows.addAll(List.of(version.features().compute(queries.get(m), retrieved, null)));
        }
        return rows.isEmpty() ? new double[0] : version.scorer().score(rows.toArray(new float[0][]));
    }

    /** The version now followed; its parts also serve the retrieval stage. */
    public RerankerVersions versions() {
        return versions;
    }

    /** A concept the training labels linked at least once (it is in the served version's mention dictionary). */
    @Override
    public boolean knowsConcept(String conceptId) {
        return versions.current().dictionary().seen(conceptId, null);
    }

    @Override
    public String modelVersion() {
        return versions.current().scorer().modelVersion();
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
