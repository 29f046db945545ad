package io.linkrx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.retrieve.CandidateRetriever;
import io.linkrx.retrieve.LexicalCandidateRetriever;

/**
 * Single-threaded throughput of {@link LexicalCandidateRetriever}: mention strings derived from every KB
 * name (as is, lower-cased, with one-character typos), top-10 retrieval. Usage:
 * {@code java -cp <test classpath> io.linkrx.bench.RetrievalBench [kb-location] [seconds]}.
 */
public final class RetrievalBench {
    private RetrievalBench() {
    }

    public static void main(String[] args) {
        String location = args.length > 0 ? args[0] : "classpath:kb-fixture.tsv";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        KnowledgeBase kb = KnowledgeBase.load(location);
        CandidateRetriever retriever = new LexicalCandidateRetriever(kb);
        List<String> mentions = mentions(kb, new Random(42));

        TimedLoop.run(mentions, 2.0, m -> retriever.retrieve(m, null, 10).size()); // warm-up: let the JIT compile
        long[] result = TimedLoop.run(mentions, seconds, m -> retriever.retrieve(m, null, 10).size());
        double perSecond = result[0] / (result[1] / 1e9);
        System.out.printf(Locale.ROOT, "kb=%s concepts=%d distinct mentions=%d retrievals=%d -> %.0f mentions/s%n",
                kb.version(), kb.size(), mentions.size(), result[0], perSecond);
    }

    private static List<String> mentions(KnowledgeBase kb, Random random) {
        List<String> mentions = new ArrayList<>();
        for (Concept c : kb.concepts()) {
            for (String name : c.names()) {
                mentions.add(name);
                mentions.add(name.toLowerCase(Locale.ROOT));
                mentions.add(typo(name, random));
            }
            mentions.addAll(c.abbreviations());
        }
        return mentions;
    }

    /** The name with two inner letters swapped (names shorter than 4 unchanged). */
    static String typo(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        char[] chars = name.toCharArray();
        int i = 1 + random.nextInt(chars.length - 2);
        char tmp = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = tmp;
        return new String(chars);
    }
}
