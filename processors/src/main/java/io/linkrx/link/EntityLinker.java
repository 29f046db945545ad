package io.linkrx.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Links the mentions of one document: candidate generation, features, one scoring call for all candidates
 * of all mentions (one model request per note), ranking by probability, NIL below the threshold.
 * Thread-safe when its parts are.
 */
public final class EntityLinker {
    private final CandidateGenerator generator;
    private final LinkingFeatures features;
    private final CandidateScorer scorer;
    private final double nilThreshold;

    public EntityLinker(CandidateGenerator generator, LinkingFeatures features, CandidateScorer scorer,
                        double nilThreshold) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.features = Objects.requireNonNull(features, "features");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.nilThreshold = nilThreshold;
    }

    /** Links every query of one document, in input order. */
    public List<LinkedMention> link(List<MentionQuery> queries) {
        List<List<RetrievedCandidate>> candidates = generator.generateAll(queries, null);
        List<float[]> rows = new ArrayList<>();
        for (int m = 0; m < queries.size(); m++) {
            for (float[] row : features.compute(queries.get(m), candidates.get(m), null)) {
                rows.add(row);
            }
        }
        double[] scores = rows.isEmpty() ? new double[0] : scorer.score(rows.toArray(new float[0][]));
        List<LinkedMention> out = new ArrayList<>(queries.size());
        int at = 0;
        for (int m = 0; m < queries.size(); m++) {
            List<ScoredConcept> ranked = new ArrayList<>();
            for (RetrievedCandidate c : candidates.get(m)) {
                ranked.add(new ScoredConcept(c.conceptId(), scores[at++], c));
            }
            ranked.sort(Comparator.comparingDouble(ScoredConcept::probability).reversed()
                    .thenComparingInt(s -> s.evidence().rank()));
            boolean nil = ranked.isEmpty() || ranked.get(0).probability() < nilThreshold;
            out.add(new LinkedMention(queries.get(m), ranked, nil));
        }
        return out;
    }

    /** Version of the scoring model. */
    public String modelVersion() {
        return scorer.modelVersion();
    }
}
