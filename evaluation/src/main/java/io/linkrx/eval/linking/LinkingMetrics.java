package io.linkrx.eval.linking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.linkrx.link.LinkedMention;
import io.linkrx.link.RetrievedCandidate;
import io.linkrx.link.ScoredConcept;

/**
 * Gold-mention linking metrics per semantic type: Acc@1 / Acc@5 (a prediction is right when it is any of the
 * mention's gold ids, the standard scoring of composite and alternative annotations), the same on mentions
 * whose gold concept is in the KB, retrieval Recall@k before re-ranking, and the NIL rate.
 */
final class LinkingMetrics {
    static final int[] RECALL_AT = {1, 5, 10, 20, 50};

    private final Map<String, Counts> byType = new TreeMap<>();

    static final class Counts {
        int mentions;
        int inKb;
        int correctAt1;
        int correctAt5;
        int correctAt1InKb;
        int predictedNil;
        long candidates;
        final int[] recall = new int[RECALL_AT.length];
        int recallAny;

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mentions", mentions);
            m.put("acc@1", ratio(correctAt1, mentions));
            m.put("acc@5", ratio(correctAt5, mentions));
            m.put("mentions_gold_in_kb", inKb);
            m.put("gold_in_kb_share", ratio(inKb, mentions));
            m.put("acc@1_gold_in_kb", ratio(correctAt1InKb, inKb));
            Map<String, Object> recall = new LinkedHashMap<>();
            for (int i = 0; i < RECALL_AT.length; i++) {
                recall.put("recall@" + RECALL_AT[i], ratio(this.recall[i], mentions));
            }
            recall.put("recall@all", ratio(recallAny, mentions));
            recall.put("candidates_per_mention", mentions == 0 ? 0.0 : round((double) candidates / mentions));
            m.put("retrieval", recall);
            m.put("nil_rate", ratio(predictedNil, mentions));
            return m;
        }
    }

    void add(String type, Set<String> gold, boolean goldInKb, LinkedMention linked) {
        for (String key : List.of(type, "all")) {
            Counts c = byType.computeIfAbsent(key, k -> new Counts());
            c.mentions++;
            List<ScoredConcept> ranked = linked.ranked();
            boolean at1 = !ranked.isEmpty() && gold.contains(ranked.get(0).conceptId());
            boolean at5 = false;
            for (int i = 0; i < Math.min(5, ranked.size()); i++) {
                at5 |= gold.contains(ranked.get(i).conceptId());
            }
            c.correctAt1 += at1 ? 1 : 0;
            c.correctAt5 += at5 ? 1 : 0;
            if (goldInKb) {
                c.inKb++;
                c.correctAt1InKb += at1 ? 1 : 0;
            }
            c.predictedNil += linked.nil() ? 1 : 0;
            c.candidates += ranked.size();
            int firstGoldRank = Integer.MAX_VALUE;
            for (ScoredConcept s : ranked) {
                RetrievedCandidate e = s.evidence();
                if (gold.contains(s.conceptId())) {
                    firstGoldRank = Math.min(firstGoldRank, e.rank());
                }
            }
            for (int i = 0; i < RECALL_AT.length; i++) {
                c.recall[i] += firstGoldRank < RECALL_AT[i] ? 1 : 0;
            }
            c.recallAny += firstGoldRank < Integer.MAX_VALUE ? 1 : 0;
        }
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        byType.forEach((type, c) -> m.put(type, c.json()));
        return m;
    }

    Counts all() {
        return byType.getOrDefault("all", new Counts());
    }

    static double ratio(int n, int d) {
        return d == 0 ? 0.0 : round((double) n / d);
    }

    static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
