package io.linkrx.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KbSpec;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.retrieve.RetrieverAccess;

/**
 * Single-threaded queries/s of {@link LexicalCandidateRetriever} over a real KB, top-k with the exact pruned
 * search and with the exhaustive one (every posting visited), and a check that both return the same candidates.
 * Queries: the gold mentions of a PubTator corpus when given (text and type), else every 7th KB name with a
 * one-character typo. Usage:
 * {@code java -cp <test classpath> io.linkrx.bench.LexicalRetrieverBench [kb-spec[,kb-spec]] [corpus.PubTator|-] [seconds] [k]},
 * e.g. {@code medic:../shared/data/medic/CTD_diseases.tsv.gz ../shared/data/bc5cdr/CDR_DevelopmentSet.PubTator.txt 10 20}.
 * Prints counts and rates only (never mention text).
 */
public final class LexicalRetrieverBench {
    private record Query(String text, SemanticType type) {
    }

    private LexicalRetrieverBench() {
    }

    public static void main(String[] args) {
        String kbSpecs = args.length > 0 ? args[0] : "medic:../shared/data/medic/CTD_diseases.tsv.gz";
        String corpus = args.length > 1 ? args[1] : "-";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10.0;
        int k = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        KnowledgeBase kb = KnowledgeBases.load(KbSpec.parseList(kbSpecs));
        long t0 = System.nanoTime();
        LexicalCandidateRetriever retriever = new LexicalCandidateRetriever(kb);
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        List<Query> queries = corpus.equals("-") ? fromNames(kb, new Random(42)) : fromCorpus(Path.of(corpus));

        int differ = 0;
        for (Query q : queries) {
            List<Candidate> a = retriever.retrieve(q.text(), q.type(), k);
            List<Candidate> b = RetrieverAccess.exhaustive(retriever, q.text(), q.type(), k);
            differ += a.equals(b) ? 0 : 1;
        }
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            double exhaustive = TimedLoop.rate(queries, seconds / 2,
                    q -> RetrieverAccess.exhaustive(retriever, q.text(), q.type(), k).size());
            double pruned = TimedLoop.rate(queries, seconds / 2, q -> retriever.retrieve(q.text(), q.type(), k).size());
            if (round == 1) {
                System.out.printf(Locale.ROOT,
                        "kb=%s concepts=%d index=%.1fs queries=%d k=%d differing=%d -> exhaustive %.0f/s, pruned %.0f/s (x%.2f)%n",
                        kb.version(), kb.size(), indexSeconds, queries.size(), k, differ, exhaustive, pruned,
                        pruned / exhaustive);
            }
        }
    }

    private static List<Query> fromCorpus(Path corpus) {
        List<Query> out = new ArrayList<>();
        for (PubTatorDocument doc : PubTatorReader.read(corpus)) {
            for (GoldMention m : doc.mentions()) {
                if (m.type() != null) {
                    out.add(new Query(m.text(), m.type()));
                }
            }
        }
        return out;
    }

    private static List<Query> fromNames(KnowledgeBase kb, Random random) {
        List<Query> out = new ArrayList<>();
        int i = 0;
        for (Concept c : kb.concepts()) {
            for (String name : c.names()) {
                if (i++ % 7 == 0) {
                    out.add(new Query(RetrievalBench.typo(name, random), c.type()));
                }
            }
        }
        return out;
    }
}
