package io.linkrx.retrieve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.text.Normalizer;

/**
 * Lexical candidate retrieval: cosine similarity of character 3-gram TF-IDF vectors between the
 * normalised mention and every name of every concept (best name per concept), so typos and word-order
 * variants still retrieve the concept. An exact normalised name or an exact (case-sensitive) abbreviation
 * scores 1.0. Concepts of another semantic type than requested are multiplied by {@value #TYPE_PENALTY}.
 * The top k is exact, but found without scoring every name that shares a 3-gram with the mention: a lower bound
 * of the k-th best score (from the names the rarest 3-grams touch first) lets the search skip what cannot reach
 * it (postings of the most common 3-grams, MaxScore-style, and names in the final per-concept pass).
 * Thread-safe: the index is immutable and per-query score buffers are thread-local (one pair per thread,
 * sized to the number of names, reused so a query allocates nothing proportional to the KB).
 */
public final class LexicalCandidateRetriever implements CandidateRetriever {
    /** Score factor for a concept of another semantic type than the mention's. */
    public static final double TYPE_PENALTY = 0.8;
    private static final int[] NONE = new int[0];
    private static final int SAMPLE_PER_K = 16;
    private static final int MIN_SAMPLE = 256;
    /** Quitting costs passes over the touched names: tried only when the postings left are this many times more. */
    private static final long QUIT_GAIN = 8;

    private final List<Concept> concepts;
    private final SemanticType[] conceptTypes;
    private final int[] conceptOfName;
    private final TrigramIndex index;
    private final Map<String, int[]> exactNames = new HashMap<>();
    private final Map<String, int[]> exactAbbreviations = new HashMap<>();
    private final ThreadLocal<ScoreBuffer[]> buffers;
    private final boolean eager;
    private final int sample;

    /** Indexes every name of every concept of {@code kb}. */
    public LexicalCandidateRetriever(KnowledgeBase kb) {
        this(kb, false, 0);
    }

    /**
     * @param eager  whether to test for pruning before every query term, whatever it costs (tests: the pruned path
     *               then runs even on a small KB)
     * @param sample names whose concepts give the k-th best score pruning compares with (the first touched: by the
     *               query's rarest 3-grams); 0: {@value #SAMPLE_PER_K} per candidate asked, at least {@value #MIN_SAMPLE}
     */
    LexicalCandidateRetriever(KnowledgeBase kb, boolean eager, int sample) {
        Objects.requireNonNull(kb, "kb");
        this.eager = eager;
        this.sample = sample;
        concepts = List.copyOf(kb.concepts());
        conceptTypes = concepts.stream().map(Concept::type).toArray(SemanticType[]::new);
        List<String> names = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        Map<String, Set<Integer>> byName = new HashMap<>();
        Map<String, Set<Integer>> byAbbreviation = new HashMap<>();
        for (int c = 0; c < concepts.size(); c++) {
            for (String norm : Normalizer.normalizeAll(concepts.get(c).names())) {
                names.add(norm);
                owners.add(c);
                byName.computeIfAbsent(norm, k -> new LinkedHashSet<>()).add(c);
            }
            for (String abbreviation : concepts.get(c).abbreviations()) {
                byAbbreviation.computeIfAbsent(abbreviation.strip(), k -> new LinkedHashSet<>()).add(c);
            }
        }
        conceptOfName = owners.stream().mapToInt(Integer::intValue).toArray();
        index = new TrigramIndex(names);
        byName.forEach((k, v) -> exactNames.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        byAbbreviation.forEach((k, v) -> exactAbbreviations.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        int nameCount = names.size();
        int conceptCount = concepts.size();
        buffers = ThreadLocal.withInitial(() -> new ScoreBuffer[] {
            new ScoreBuffer(nameCount), new ScoreBuffer(conceptCount)});
    }

    @Override
    public List<Candidate> retrieve(String mentionText, SemanticType type, int k) {
        return retrieve(mentionText, type, k, true);
    }

    /**
     * @param prune whether to stop visiting postings once no untouched name can enter the top k (the result is
     *              the same either way: false is the exhaustive reference of the tests)
     */
    List<Candidate> retrieve(String mentionText, SemanticType type, int k, boolean prune) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        if (k == 0 || mentionText == null || mentionText.isBlank()) {
            return List.of();
        }
        ScoreBuffer[] b = buffers.get();
        ScoreBuffer byName = b[0];
        ScoreBuffer byConcept = b[1];
        try {
            String norm = Normalizer.normalize(mentionText);
            int[] exactName = exactNames.getOrDefault(norm, NONE);
            int[] exactAbbreviation = exactAbbreviations.getOrDefault(mentionText.strip(), NONE);
            TrigramIndex.Term[] terms = index.terms(norm);
            int names = search(terms, byName, byConcept, exactName, exactAbbreviation, type, k, prune);
            // a name below a lower bound of the k-th best score cannot make its concept one of the top k
            float floor = prune ? (float) floor(terms, byName, byConcept, exactName, exactAbbreviation, type, k) : 0f;
            byConceptOf(byName.touched, names, byName.scores, floor, exactName, exactAbbreviation, byConcept);
            return top(byConcept, type, k);
        } finally {
            byName.clear();
            byConcept.clear();
        }
    }

    /**
     * Accumulates the 3-gram cosine of names into {@code byName}, term at a time in the order of
     * {@link TrigramIndex#terms} (with {@code prune} false, every posting: the exhaustive search); exact for every
     * name that can be part of the top k (MaxScore's quit/continue). {@code rest[j]} bounds what the terms
     * j.. can add to one name (the sum of their upper bounds, and, names being unit vectors, the norm of that part
     * of the query), so a name first touched at term j or later scores at most {@code rest[j]}. Before a term,
     * theta = the k-th best concept score of the first names touched is a lower bound of the final k-th best
     * (partial sums only grow). Once the rest is below it, no untouched name can enter the top k, nor any name
     * first touched at a term s with {@code rest[s] < theta}: the remaining terms only complete the earlier names
     * that can still reach theta, found by binary search in the posting lists rather than by walking them.
     *
     * @return how many of the touched names (in touch order) can be in the top k; the others score below it
     */
    private int search(TrigramIndex.Term[] terms, ScoreBuffer byName, ScoreBuffer byConcept, int[] exactName,
                       int[] exactAbbreviation, SemanticType type, int k, boolean prune) {
        int m = terms.length;
        double[] rest = new double[m + 1];
        long[] work = new long[m + 1];
        double bounds = 0;
        double squares = 0;
        for (int j = m - 1; j >= 0; j--) {
            bounds += terms[j].upperBound();
            squares += (double) terms[j].queryWeight() * terms[j].queryWeight();
            rest[j] = Math.min(bounds, Math.sqrt(squares));
            work[j] = work[j + 1] + terms[j].docs().length;
        }
        // float sums may round above the real sum by a few ulps per addition: compare bounds with a margin
        double margin = 1.0 + 1e-4 + 1e-6 * m;
        int sample = sampleSize(k);
        int[] touchedBefore = new int[m + 1];
        double theta = 0;
        int j = 0;
        for (; j < m; j++) {
            touchedBefore[j] = byName.size;
            double reachable = rest[j] * margin;
            // the k-th best is at most 1; computing it costs a pass over the sampled names: only when that is small
            // next to the postings it may save
            int names = Math.min(byName.size, sample);
            if (prune && reachable < 1.0 && (eager || work[j] > QUIT_GAIN * byName.size)) {
                theta = kthBest(byName.touched, names, byName.scores, byConcept, exactName, exactAbbreviation, type, k);
                if (reachable < theta) {
                    break;
                }
            }
            walk(terms[j], byName);
        }
        if (j == m) {
            return byName.size;
        }
        int first = 0; // names first touched at term s or later score at most rest[s]
        while (first < j && rest[first] * margin >= theta) {
            first++;
        }
        int limit = touchedBefore[first];
        int[] open = Arrays.copyOf(byName.touched, limit);
        int count = limit;
        float[] scores = byName.scores;
        for (; j < m; j++) {
            TrigramIndex.Term t = terms[j];
            int[] docs = t.docs();
            float[] ws = t.weights();
            float qw = t.queryWeight();
            int searchCost = 32 - Integer.numberOfLeadingZeros(docs.length);
            if (count < docs.length) {
                // what the terms j.. can add shrinks with every term: drop the names that can no longer reach theta
                // (the type penalty left out: a looser bound, without looking up each name's concept)
                double reachable = rest[j] * margin;
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int name = open[i];
                    if ((scores[name] + reachable) * margin >= theta) {
                        open[kept++] = name;
                    }
                }
                count = kept;
            }
            if ((long) count * searchCost < docs.length) {
                for (int i = 0; i < count; i++) {
                    int at = Arrays.binarySearch(docs, open[i]);
                    if (at >= 0) {
                        byName.add(docs[at], qw * ws[at]);
                    }
                }
            } else {
                // completing a name that cannot reach theta anyway is harmless: it stays below the top k
                for (int i = 0; i < docs.length; i++) {
                    if (scores[docs[i]] != 0f) {
                        byName.add(docs[i], qw * ws[i]);
                    }
                }
            }
        }
        return limit;
    }

    /**
     * A lower bound of the k-th best concept score once the search is done: the k-th best of the concepts of the
     * names the rarest 3-grams of the query hold (where the best candidates are), at most a sample of them.
     */
    private double floor(TrigramIndex.Term[] terms, ScoreBuffer byName, ScoreBuffer byConcept, int[] exactName,
                         int[] exactAbbreviation, SemanticType type, int k) {
        Integer[] rarest = new Integer[terms.length];
        for (int t = 0; t < rarest.length; t++) {
            rarest[t] = t;
        }
        Arrays.sort(rarest, (a, b) -> Float.compare(terms[b].queryWeight(), terms[a].queryWeight()));
        long postings = 0;
        for (TrigramIndex.Term t : terms) {
            postings += t.docs().length;
        }
        int[] names = new int[(int) Math.min(sampleSize(k), postings)];
        int count = 0;
        float[] scores = byName.scores;
        for (int t = 0; t < rarest.length && count < names.length; t++) {
            int[] docs = terms[rarest[t]].docs();
            for (int i = 0; i < docs.length && count < names.length; i++) {
                if (scores[docs[i]] != 0f) { // untouched after a quit: not a candidate
                    names[count++] = docs[i];
                }
            }
        }
        return kthBest(names, count, scores, byConcept, exactName, exactAbbreviation, type, k);
    }

    private int sampleSize(int k) {
        return sample > 0 ? sample : Math.max(MIN_SAMPLE, SAMPLE_PER_K * k);
    }

    private static void walk(TrigramIndex.Term t, ScoreBuffer byName) {
        int[] docs = t.docs();
        float[] ws = t.weights();
        float qw = t.queryWeight();
        for (int i = 0; i < docs.length; i++) {
            byName.add(docs[i], qw * ws[i]);
        }
    }

    /**
     * Concept scores (before the type penalty) of these names: best name, capped at 1, names below {@code floor}
     * left out; exact name or abbreviation 1.
     */
    private void byConceptOf(int[] names, int count, float[] scores, float floor, int[] exactName,
                             int[] exactAbbreviation, ScoreBuffer byConcept) {
        for (int i = 0; i < count; i++) {
            int name = names[i];
            float score = scores[name];
            if (score >= floor) {
                byConcept.max(conceptOfName[name], Math.min(1f, score));
            }
        }
        for (int c : exactName) {
            byConcept.max(c, 1f);
        }
        for (int c : exactAbbreviation) {
            byConcept.max(c, 1f);
        }
    }

    /**
     * The k-th best score of the concepts of these names (their scores so far) and of the exact matches, 0 with
     * fewer than k concepts: a lower bound of the final k-th best. Leaves byConcept empty.
     */
    private double kthBest(int[] names, int count, float[] scores, ScoreBuffer byConcept, int[] exactName,
                           int[] exactAbbreviation, SemanticType type, int k) {
        try {
            byConceptOf(names, count, scores, 0f, exactName, exactAbbreviation, byConcept);
            if (byConcept.size < k) {
                return 0;
            }
            double[] heap = new double[k]; // min-heap of the k best scores
            int size = 0;
            for (int i = 0; i < byConcept.size; i++) {
                double score = scoreOf(byConcept, byConcept.touched[i], type);
                if (size < k) {
                    int at = size++;
                    heap[at] = score;
                    while (at > 0 && heap[(at - 1) / 2] > heap[at]) {
                        double h = heap[at];
                        heap[at] = heap[(at - 1) / 2];
                        heap[(at - 1) / 2] = h;
                        at = (at - 1) / 2;
                    }
                } else if (score > heap[0]) {
                    heap[0] = score;
                    int at = 0;
                    while (true) {
                        int least = at;
                        int left = 2 * at + 1;
                        if (left < k && heap[left] < heap[least]) {
                            least = left;
                        }
                        if (left + 1 < k && heap[left + 1] < heap[least]) {
                            least = left + 1;
                        }
                        if (least == at) {
                            break;
                        }
                        double h = heap[at];
                        heap[at] = heap[least];
                        heap[least] = h;
                        at = least;
                    }
                }
            }
            return heap[0];
        } finally {
            byConcept.clear();
        }
    }

    private List<Candidate> top(ScoreBuffer byConcept, SemanticType type, int k) {
        // a bounded min-heap of concept indices: most touched concepts are rejected by one comparison with the
        // current k-th score, without allocating anything
        int[] heap = new int[k];
        double[] heapScore = new double[k];
        int size = 0;
        for (int i = 0; i < byConcept.size; i++) {
            int c = byConcept.touched[i];
            double score = scoreOf(byConcept, c, type);
            if (size < k) {
                heap[size] = c;
                heapScore[size] = score;
                siftUp(heap, heapScore, size++);
            } else if (worse(heapScore[0], heap[0], score, c)) {
                heap[0] = c;
                heapScore[0] = score;
                siftDown(heap, heapScore, size);
            }
        }
        List<Candidate> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Concept concept = concepts.get(heap[i]);
            result.add(new Candidate(concept.id(), concept.vocabulary(), concept.preferredName(), concept.type(),
                    heapScore[i]));
        }
        result.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::conceptId));
        return List.copyOf(result);
    }

    private double scoreOf(ScoreBuffer byConcept, int c, SemanticType type) {
        double score = byConcept.scores[c] * penalty(c, type);
        return Math.max(0.0, Math.min(1.0, score));
    }

    private double penalty(int concept, SemanticType type) {
        return type == null || conceptTypes[concept] == type ? 1.0 : TYPE_PENALTY;
    }

    /** Ranking order: higher score first, then smaller concept id (the order of the result). */
    private boolean worse(double scoreA, int a, double scoreB, int b) {
        if (scoreA != scoreB) {
            return scoreA < scoreB;
        }
        return concepts.get(a).id().compareTo(concepts.get(b).id()) > 0;
    }

    private void siftUp(int[] heap, double[] score, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!worse(score[at], heap[at], score[parent], heap[parent])) {
                return;
            }
            swap(heap, score, at, parent);
            at = parent;
        }
    }

    private void siftDown(int[] heap, double[] score, int size) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            int right = left + 1;
            int worst = at;
            if (left < size && worse(score[left], heap[left], score[worst], heap[worst])) {
                worst = left;
            }
            if (right < size && worse(score[right], heap[right], score[worst], heap[worst])) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            swap(heap, score, at, worst);
            at = worst;
        }
    }

    private static void swap(int[] heap, double[] score, int i, int j) {
        int h = heap[i];
        heap[i] = heap[j];
        heap[j] = h;
        double s = score[i];
        score[i] = score[j];
        score[j] = s;
    }
}
