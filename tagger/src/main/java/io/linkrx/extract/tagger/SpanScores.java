package io.linkrx.extract.tagger;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.linkrx.kb.SemanticType;

/** Strict NER scores: a predicted span counts only if begin, end and type all equal a gold span's. */
final class SpanScores {
    /** Counts of one type (or all types). */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tp", truePositives);
            m.put("fp", falsePositives);
            m.put("fn", falseNegatives);
            m.put("precision", round(precision()));
            m.put("recall", round(recall()));
            m.put("f1", round(f1()));
            return m;
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    private final Map<SemanticType, Counts> byType = new EnumMap<>(SemanticType.class);

    /** Adds one document's spans of one type. */
    void add(SemanticType type, Set<TypedSpan> gold, Set<TypedSpan> predicted) {
        Set<TypedSpan> hits = new HashSet<>(gold);
        hits.retainAll(predicted);
        Counts c = new Counts(hits.size(), predicted.size() - hits.size(), gold.size() - hits.size());
        byType.merge(type, c, Counts::plus);
    }

    Counts of(SemanticType type) {
        return byType.getOrDefault(type, new Counts(0, 0, 0));
    }

    /** Micro-average over all types. */
    Counts total() {
        return byType.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }
}
