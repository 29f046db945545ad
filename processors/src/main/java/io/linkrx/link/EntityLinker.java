package io.linkrx.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final boolean shortFormsFollowAnchors;

    public EntityLinker(CandidateGenerator generator, LinkingFeatures features, CandidateScorer scorer,
                        double nilThreshold) {
        this(generator, features, scorer, nilThreshold, true);
    }

    private EntityLinker(CandidateGenerator generator, LinkingFeatures features, CandidateScorer scorer,
                         double nilThreshold, boolean shortFormsFollowAnchors) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.features = Objects.requireNonNull(features, "features");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.nilThreshold = nilThreshold;
        this.shortFormsFollowAnchors = shortFormsFollowAnchors;
    }

    /** This linker with short forms keeping their own links ({@link #link(List, int[])}), to measure what that rule adds. */
    public EntityLinker shortFormsKeepOwnLinks() {
        return new EntityLinker(generator, features, scorer, nilThreshold, false);
    }

    /**
     * Links every query of one document, in input order. Queries equal in everything candidate generation and
     * features read (text, type, expansion, document and context words: all of {@link MentionQuery}) are linked
     * once and share the result: a note that repeats a mention costs one retrieval and one set of scored rows.
     * A coordinated mention ("breast and ovarian cancer") is also linked conjunct by conjunct, in the same scoring
     * call; when its conjuncts name different concepts, each above the NIL threshold, the link is composite, as
     * the corpora annotate it.
     */
    public List<LinkedMention> link(List<MentionQuery> queries) {
        Map<Key, Integer> firstOf = new HashMap<>();
        List<MentionQuery> distinct = new ArrayList<>();
        int[] linkedAs = new int[queries.size()];
        for (int m = 0; m < queries.size(); m++) {
            linkedAs[m] = indexOf(queries.get(m), firstOf, distinct);
        }
        int mentions = distinct.size();
        List<List<int[]>> readingsOf = new ArrayList<>(mentions); // per conjunct: the indices of its readings
        for (int d = 0; d < mentions; d++) {
            List<int[]> conjuncts = new ArrayList<>();
            for (List<MentionQuery> readings : CompositeLink.readingQueries(distinct.get(d))) {
                conjuncts.add(readings.stream().mapToInt(r -> indexOf(r, firstOf, distinct)).toArray());
            }
            readingsOf.add(conjuncts);
        }
        List<List<ScoredConcept>> ranked = rank(distinct);
        List<List<ScoredConcept>> composites = new ArrayList<>(mentions);
        for (int d = 0; d < mentions; d++) {
            composites.add(CompositeLink.of(readingsOf.get(d), ranked, ranked.get(d),
                    features.dictionary().composite(distinct.get(d).norm()), ScoredConcept::probability,
                    ScoredConcept::conceptId, nilThreshold));
        }
        List<LinkedMention> out = new ArrayList<>(queries.size());
        for (int m = 0; m < queries.size(); m++) {
            List<ScoredConcept> r = ranked.get(linkedAs[m]);
            boolean nil = r.isEmpty() || r.get(0).probability() < nilThreshold;
            out.add(new LinkedMention(queries.get(m), r, nil, composites.get(linkedAs[m])));
        }
        return out;
    }

    /**
     * Links every query of one document as {@link #link(List)} does, then lets each short form take the link of the
     * written-out mention it stands for ({@code anchors}, from {@link NoteQueries#shortFormAnchors}), unless its own
     * best concept has the short form as a name.
     */
    public List<LinkedMention> link(List<MentionQuery> queries, int[] anchors) {
        List<LinkedMention> own = link(queries);
        if (!shortFormsFollowAnchors) {
            return own;
        }
        return ShortFormAnchors.follow(own, anchors,
                i -> features.namesItsBest(own.get(i).query(), own.get(i).nil(),
                        own.get(i).best().map(ScoredConcept::conceptId)),
                (shortForm, anchor) -> new LinkedMention(shortForm.query(), anchor.ranked(), anchor.nil(),
                        anchor.composite()));
    }

    /** The index of the query among the distinct ones, added when new. */
    private static int indexOf(MentionQuery q, Map<Key, Integer> firstOf, List<MentionQuery> distinct) {
        Integer seen = firstOf.putIfAbsent(new Key(q), distinct.size());
        if (seen != null) {
            return seen;
        }
        distinct.add(q);
        return distinct.size() - 1;
    }

    /** Candidates of each query by decreasing probability (ties: retrieval rank), one scoring call for all. */
    private List<List<ScoredConcept>> rank(List<MentionQuery> queries) {
        List<List<RetrievedCandidate>> candidates = generator.generateAll(queries, null);
        List<float[]> rows = new ArrayList<>();
        for (int m = 0; m < queries.size(); m++) {
            for (float[] row : features.compute(queries.get(m), candidates.get(m), null)) {
                rows.add(row);
            }
        }
        double[] scores = rows.isEmpty() ? new double[0] : scorer.score(rows.toArray(new float[0][]));
        List<List<ScoredConcept>> out = new ArrayList<>(queries.size());
        int at = 0;
        for (int m = 0; m < queries.size(); m++) {
            List<ScoredConcept> ranked = new ArrayList<>();
            for (RetrievedCandidate c : candidates.get(m)) {
                ranked.add(new ScoredConcept(c.conceptId(), scores[at++], c));
            }
            ranked.sort(Comparator.comparingDouble(ScoredConcept::probability).reversed()
                    .thenComparingInt(s -> s.evidence().rank()));
            out.add(List.copyOf(ranked));
        }
        return out;
    }

    /**
     * A query's identity for linking: every field of the query. The context words of one note are usually one
     * shared set, compared by identity first and left out of the hash (hashing them would cost a pass per mention).
     */
    private static final class Key {
        private final MentionQuery query;
        private final int hash;

        Key(MentionQuery query) {
            this.query = query;
            this.hash = Objects.hash(query.documentId(), query.text(), query.type(), query.expansion());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key other)) {
                return false;
            }
            MentionQuery a = query;
            MentionQuery b = other.query;
            return hash == other.hash && a.text().equals(b.text()) && a.type() == b.type()
                    && Objects.equals(a.documentId(), b.documentId()) && Objects.equals(a.expansion(), b.expansion())
                    && (a.contextTokens() == b.contextTokens() || a.contextTokens().equals(b.contextTokens()));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Version of the scoring model. */
    public String modelVersion() {
        return scorer.modelVersion();
    }
}
