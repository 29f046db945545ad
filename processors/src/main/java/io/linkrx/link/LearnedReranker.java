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
        Scored scored;
        try {
            try {
                scored = score(version, mentionQueries, mentions);
            } catch (ModelVersionChangedException swapped) {
                // the sidecar swapped versions: features of the served version (its dictionary), scored again
                if (!versions.follow(swapped.servedVersion())) {
                    throw swapped;
                }
                version = versions.current();
                scored = score(version, mentionQueries, mentions);
            }
        } catch (InferenceException | ModelVersionChangedException e) {
            LOG.warn("Re-ranker unavailable ({}); ranking this note by retrieval score", e.getMessage());
            RerankResult lexical = fallback.rerank(noteText, mentions);
            return new RerankResult(lexical.mentions(), lexical.modelVersion(), true);
        }
        List<RankedMention> ranked = new ArrayList<>(mentions.size());
        for (int m = 0; m < mentions.size(); m++) {
            List<Candidate> best = scored.ranked().get(m);
            boolean nil = best.isEmpty() || best.get(0).score() < nilThreshold;
            ranked.add(new RankedMention(mentions.get(m).mention(), best, nil, CompositeLink.of(
                    scored.readingsOf().get(m), scored.ranked(), best,
                    version.dictionary().composite(mentionQueries.get(m).norm()), Candidate::score,
                    Candidate::conceptId, nilThreshold)));
        }
        return new RerankResult(followShortForms(queries, mentionQueries, ranked, version.features()),
                version.scorer().modelVersion(), false);
    }

    /** Short forms take the links of the mentions they stand for, as {@link EntityLinker#link(List, int[])}. */
    private static List<RankedMention> followShortForms(NoteQueries queries, List<MentionQuery> mentionQueries,
                                                        List<RankedMention> ranked, LinkingFeatures features) {
        int[] anchors = queries.shortFormAnchors(ranked.stream().map(r -> ShortFormAnchors.Span.of(r.mention())).toList());
        return ShortFormAnchors.follow(ranked, anchors, i -> features.namesItsBest(mentionQueries.get(i),
                        ranked.get(i).nil(), ranked.get(i).best().map(Candidate::conceptId)),
                (shortForm, anchor) -> new RankedMention(shortForm.mention(), anchor.ranked(), anchor.nil(),
                        anchor.composite()));
    }

    /**
     * Candidates re-scored and ranked, best first: the mentions' first, then the readings of coordinated mentions'
     * conjuncts (retrieved here: only coordinated mentions pay for it); {@code readingsOf} gives, per mention and
     * conjunct, the indices of its readings.
     */
    private record Scored(List<List<Candidate>> ranked, List<List<int[]>> readingsOf) {
    }

    /** One row per (query, candidate) with this version's features, scored in one call. */
    private static Scored score(RerankerVersions.Version version, List<MentionQuery> mentionQueries,
                                List<MentionCandidates> mentions) {
        List<MentionQuery> queries = new ArrayList<>(mentionQueries);
        List<List<Candidate>> candidates = new ArrayList<>(mentions.stream().map(MentionCandidates::candidates).toList());
        List<List<int[]>> readingsOf = new ArrayList<>(mentions.size());
        List<MentionQuery> readings = new ArrayList<>();
        for (MentionQuery q : mentionQueries) {
            List<int[]> conjuncts = new ArrayList<>();
            for (List<MentionQuery> conjunct : version.generator() == null ? List.<List<MentionQuery>>of()
                    : CompositeLink.readingQueries(q)) {
                int[] at = new int[conjunct.size()];
                for (int r = 0; r < at.length; r++) {
                    at[r] = queries.size() + readings.size();
                    readings.add(conjunct.get(r));
                }
                conjuncts.add(at);
            }
            readingsOf.add(conjuncts);
        }
        if (!readings.isEmpty()) {
            for (List<RetrievedCandidate> found : version.generator().generateAll(readings, null)) {
                candidates.add(NoteCandidateGenerator.candidates(found, version.linkingKb(), Integer.MAX_VALUE));
            }
            queries.addAll(readings);
        }
        List<float[]> rows = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            List<Candidate> cs = candidates.get(q);
            List<RetrievedCandidate> retrieved = new ArrayList<>(cs.size());
            for (int i = 0; i < cs.size(); i++) {
                Candidate c = cs.get(i);
                retrieved.add(new RetrievedCandidate(c.conceptId(), c.score(), c.dense(), i));
            }
            rows.addAll(List.of(version.features().compute(queries.get(q), retrieved, null)));
        }
        double[] scores = rows.isEmpty() ? new double[0] : version.scorer().score(rows.toArray(new float[0][]));
        List<List<Candidate>> ranked = new ArrayList<>(queries.size());
        int at = 0;
        for (List<Candidate> cs : candidates) {
            List<Candidate> scored = new ArrayList<>(cs.size());
            for (Candidate c : cs) {
                double p = Math.max(0.0, Math.min(1.0, scores[at++]));
                scored.add(new Candidate(c.conceptId(), c.vocabulary(), c.preferredName(), c.type(), p, c.dense()));
            }
            scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
            ranked.add(List.copyOf(scored));
        }
        return new Scored(ranked, readingsOf);
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
