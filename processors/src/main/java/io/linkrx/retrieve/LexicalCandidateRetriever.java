package io.linkrx.retrieve;

import java.util.ArrayList;
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
 * Thread-safe: the index is immutable and per-query score buffers are thread-local (one pair per thread,
 * sized to the number of names, reused so a query allocates nothing proportional to the KB).
 */
public final class LexicalCandidateRetriever implements CandidateRetriever {
    /** Score factor for a concept of another semantic type than the mention's. */
    public static final double TYPE_PENALTY = 0.8;
    private static final int[] NONE = new int[0];

    private final List<Concept> concepts;
    private final int[] conceptOfName;
    private final TrigramIndex index;
    private final Map<String, int[]> exactNames = new HashMap<>();
    private final Map<String, int[]> exactAbbreviations = new HashMap<>();
    private final ThreadLocal<ScoreBuffer[]> buffers;

    /** Indexes every name of every concept of {@code kb}. */
    public LexicalCandidateRetriever(KnowledgeBase kb) {
        Objects.requireNonNull(kb, "kb");
        concepts = List.copyOf(kb.concepts());
        List<String> names = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        Map<String, Set<Integer>> byName = new HashMap<>();
        Map<String, Set<Integer>> byAbbreviation = new HashMap<>();
        for (int c = 0; c < concepts.size(); c++) {
            Set<String> seen = new LinkedHashSet<>();
            for (String name : concepts.get(c).names()) {
                String norm = Normalizer.normalize(name);
                if (!norm.isEmpty() && seen.add(norm)) {
                    names.add(norm);
                    owners.add(c);
                    byName.computeIfAbsent(norm, k -> new LinkedHashSet<>()).add(c);
                }
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
            index.search(norm, byName);
            for (int i = 0; i < byName.size; i++) {
                int name = byName.touched[i];
                byConcept.max(conceptOfName[name], Math.min(1f, byName.scores[name]));
            }
            for (int c : exactNames.getOrDefault(norm, NONE)) {
                byConcept.max(c, 1f);
            }
            for (int c : exactAbbreviations.getOrDefault(mentionText.strip(), NONE)) {
                byConcept.max(c, 1f);
            }
            return top(byConcept, type, k);
        } finally {
            byName.clear();
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
        double score = byConcept.scores[c] * (type == null || concepts.get(c).type() == type ? 1.0 : TYPE_PENALTY);
        return Math.max(0.0, Math.min(1.0, score));
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
