package io.linkrx.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.text.Normalizer;

/**
 * The pruned search of {@link LexicalCandidateRetriever} returns exactly (bit for bit) the candidates and scores of
 * the exhaustive one (every posting of every query 3-gram visited, in the order of {@link TrigramIndex#terms}), and
 * both agree with a from-scratch TF-IDF cosine.
 */
class ExactPruningTest {
    private static final String[] PARTS = {"card", "io", "myo", "path", "neur", "itis", "osis", "oma", "hepat",
        "nephr", "gastr", "ent", "derm", "arthr", "carcin", "lymph", "leuk", "emia", "algia", "plasm", "scler", "fibr",
        "chron", "ac", "ute", "syn", "drome", "dis", "ease", "defic", "iency", "kin", "ase", "acid", "chlor", "ide",
        "sod", "ium", "pot", "ass", "a", "o", "y", "ic", "al", "in"};
    private static final SemanticType[] TYPES = SemanticType.values();
    private static final int[] KS = {1, 2, 3, 5, 10, 20, 50, 400};

    private final Random random = new Random(20261207);
    private final KnowledgeBase kb = generatedKb();
    private final LexicalCandidateRetriever retriever = new LexicalCandidateRetriever(kb);
    /** Tests for pruning before every term: the quit path runs for most queries even on this small KB. */
    private final LexicalCandidateRetriever eager = new LexicalCandidateRetriever(kb, true, Integer.MAX_VALUE);
    /** The same with the k-th best score of only the first few names touched (a weaker bound). */
    private final LexicalCandidateRetriever sampled = new LexicalCandidateRetriever(kb, true, 8);

    @Test
    void prunedSearchEqualsExhaustiveSearchForRandomQueriesTyposTypesAndK() {
        List<String> queries = queries(3000);
        int compared = 0;
        for (String q : queries) {
            int k = KS[random.nextInt(KS.length)];
            SemanticType type = random.nextInt(4) == 0 ? null : TYPES[random.nextInt(TYPES.length)];
            List<Candidate> exhaustive = retriever.retrieve(q, type, k, false);
            assertThat(retriever.retrieve(q, type, k)).as("query %s, type %s, k %d", q, type, k).isEqualTo(exhaustive);
            assertThat(eager.retrieve(q, type, k)).as("eager: query %s, type %s, k %d", q, type, k)
                    .isEqualTo(exhaustive);
            assertThat(sampled.retrieve(q, type, k)).as("sampled: query %s, type %s, k %d", q, type, k)
                    .isEqualTo(exhaustive);
            compared += exhaustive.size();
        }
        assertThat(compared).isGreaterThan(queries.size());
    }

    @Test
    void everyKOfTheSameQueryIsAPrefixOfTheLargerOne() {
        for (String q : queries(300)) {
            SemanticType type = TYPES[random.nextInt(TYPES.length)];
            List<Candidate> all = retriever.retrieve(q, type, 1000, false);
            for (int k : KS) {
                assertThat(retriever.retrieve(q, type, k)).as("query %s, k %d", q, k)
                        .isEqualTo(all.subList(0, Math.min(k, all.size())));
                assertThat(eager.retrieve(q, type, k)).as("eager: query %s, k %d", q, k)
                        .isEqualTo(all.subList(0, Math.min(k, all.size())));
                assertThat(sampled.retrieve(q, type, k)).as("sampled: query %s, k %d", q, k)
                        .isEqualTo(all.subList(0, Math.min(k, all.size())));
            }
        }
    }

    @Test
    void scoresAreTheCosineOfTfIdfVectorsComputedFromScratch() {
        Reference reference = new Reference(kb);
        for (String q : queries(500)) {
            SemanticType type = random.nextBoolean() ? null : TYPES[random.nextInt(TYPES.length)];
            int k = KS[random.nextInt(KS.length - 1)];
            List<Candidate> pruned = retriever.retrieve(q, type, k);
            List<Map.Entry<String, Double>> expected = reference.top(q, type, k);
            assertThat(pruned).as("query %s", q).hasSameSizeAs(expected);
            for (int i = 0; i < pruned.size(); i++) {
                assertThat(pruned.get(i).score()).as("query %s, rank %d", q, i)
                        .isCloseTo(expected.get(i).getValue(), within(1e-5));
                double s = expected.get(i).getValue();
                boolean nearTie = expected.stream().filter(e -> Math.abs(e.getValue() - s) < 1e-5).count() > 1
                        || i == pruned.size() - 1;
                if (!nearTie) {
                    assertThat(pruned.get(i).conceptId()).as("query %s, rank %d", q, i)
                            .isEqualTo(expected.get(i).getKey());
                }
            }
        }
    }

    private KnowledgeBase generatedKb() {
        List<Concept> concepts = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            Set<String> names = new LinkedHashSet<>();
            int n = 1 + random.nextInt(3);
            while (names.size() < n) {
                names.add(name());
            }
            if (c % 17 == 0 && !shared.isEmpty()) {
                names.add(shared.get(random.nextInt(shared.size()))); // a name two concepts share: exact ties
            }
            if (c % 5 == 0) {
                shared.add(names.iterator().next());
            }
            List<String> list = new ArrayList<>(names);
            List<String> abbreviations = new ArrayList<>();
            if (c % 4 == 0) {
                abbreviations.add(initials(list.get(0)));
            }
            concepts.add(new Concept(String.format(Locale.ROOT, "C%04d", (c * 7919) % 10000), "TEST",
                    TYPES[c % TYPES.length], list.get(0), list.subList(1, list.size()), abbreviations, List.of()));
        }
        return KnowledgeBase.of("pruning-test", concepts);
    }

    private String name() {
        int words = 1 + random.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(random.nextInt(6) == 0 ? ", " : " ");
            }
            int parts = 1 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                b.append(PARTS[random.nextInt(PARTS.length)]);
            }
            if (random.nextInt(8) == 0) {
                b.append(' ').append(1 + random.nextInt(3));
            }
        }
        return b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1);
    }

    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[ ,]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return b.toString();
    }

    private List<String> queries(int n) {
        List<Concept> concepts = new ArrayList<>(kb.concepts());
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            Concept c = concepts.get(random.nextInt(concepts.size()));
            List<String> names = c.names();
            String name = names.get(random.nextInt(names.size()));
            out.add(switch (random.nextInt(9)) {
                case 0 -> name;
                case 1 -> name.toLowerCase(Locale.ROOT);
                case 2 -> typo(name);
                case 3 -> typo(typo(name));
                case 4 -> shuffled(name);
                case 5 -> name + " " + name().toLowerCase(Locale.ROOT);
                case 6 -> c.abbreviations().isEmpty() ? initials(name) : c.abbreviations().get(0);
                case 7 -> name.length() > 6 ? name.substring(random.nextInt(3), name.length() - random.nextInt(3)) : name;
                default -> name();
            });
        }
        return out;
    }

    private String typo(String s) {
        if (s.length() < 3) {
            return s + "x";
        }
        char[] chars = s.toCharArray();
        int i = random.nextInt(chars.length - 1);
        return switch (random.nextInt(3)) {
            case 0 -> {
                char t = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = t;
                yield new String(chars);
            }
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            default -> s.substring(0, i) + (char) ('a' + random.nextInt(26)) + s.substring(i);
        };
    }

    private String shuffled(String s) {
        List<String> words = new ArrayList<>(List.of(s.split(" ")));
        java.util.Collections.shuffle(words, random);
        return String.join(" ", words);
    }

    /** Brute force: the cosine of the query's TF-IDF 3-gram vector with every name's, in doubles. */
    private static final class Reference {
        private final List<Concept> concepts;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> owners = new ArrayList<>();
        private final Map<String, Integer> df = new HashMap<>();
        private final List<Map<String, Double>> vectors = new ArrayList<>();

        Reference(KnowledgeBase kb) {
            concepts = List.copyOf(kb.concepts());
            for (int c = 0; c < concepts.size(); c++) {
                for (String norm : Normalizer.normalizeAll(concepts.get(c).names())) {
                    names.add(norm);
                    owners.add(c);
                }
            }
            for (String n : names) {
                TrigramIndex.termFrequencies(n).keySet().forEach(g -> df.merge(g, 1, Integer::sum));
            }
            for (String n : names) {
                vectors.add(vector(n));
            }
        }

        private Map<String, Double> vector(String norm) {
            Map<String, Double> v = new HashMap<>();
            double length = 0;
            for (Map.Entry<String, Integer> e : TrigramIndex.termFrequencies(norm).entrySet()) {
                double idf = Math.log((names.size() + 1.0) / (df.getOrDefault(e.getKey(), 0) + 1.0)) + 1.0;
                double w = (1 + Math.log(e.getValue())) * idf;
                v.put(e.getKey(), w);
                length += w * w;
            }
            double norm2 = Math.sqrt(length);
            v.replaceAll((g, w) -> w / norm2);
            return v;
        }

        List<Map.Entry<String, Double>> top(String mention, SemanticType type, int k) {
            String norm = Normalizer.normalize(mention);
            Map<String, Double> q = vector(norm);
            Map<Integer, Double> best = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Map<String, Double> d = vectors.get(i);
                double dot = 0;
                boolean shares = false;
                for (Map.Entry<String, Double> e : q.entrySet()) {
                    Double w = d.get(e.getKey());
                    if (w != null) {
                        dot += e.getValue() * w;
                        shares = true;
                    }
                }
                if (names.get(i).equals(norm)) {
                    dot = 1.0;
                    shares = true;
                }
                if (shares) {
                    best.merge(owners.get(i), Math.min(1.0, dot), Math::max);
                }
            }
            for (int c = 0; c < concepts.size(); c++) {
                if (concepts.get(c).abbreviations().stream().anyMatch(a -> a.strip().equals(mention.strip()))) {
                    best.put(c, 1.0);
                }
            }
            List<Map.Entry<String, Double>> out = new ArrayList<>();
            best.forEach((c, s) -> out.add(Map.entry(concepts.get(c).id(),
                    s * (type == null || concepts.get(c).type() == type ? 1.0 : LexicalCandidateRetriever.TYPE_PENALTY))));
            out.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey));
            return out.subList(0, Math.min(k, out.size()));
        }
    }
}
