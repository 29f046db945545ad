package io.linkrx.eval.linking;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.BatchRetriever;
import io.linkrx.link.CachingBatchRetriever;
import io.linkrx.link.CandidateGenerator;
import io.linkrx.link.EntityLinker;
import io.linkrx.link.ExtraNames;
import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.MentionDictionary;
import io.linkrx.retrieve.LexicalCandidateRetriever;

/**
 * The training of {@code eval linking} as a public facade, for experiments that retrain the linker many times
 * in one JVM (the teacher-loop experiment): the same in-memory 3-gram retrieval, 2-fold training rows,
 * features and logistic-regression re-ranker. The student scores in process with the Tribuo model rather than
 * through an ONNX export and the sidecar (the same model; no export per round). KB retrieval is cached across
 * rounds: it never changes; the names learnt from labels (a small extra retriever) and the mention dictionary
 * are rebuilt with every training.
 */
public final class StudentTraining {
    private final KnowledgeBase kb;
    private final GoldResolver resolver;
    private final BatchRetriever kbRetriever;
    private final int k;
    private final int epochs;
    private final long seed;
    private final int threads;

    /**
     * @param k       candidates per query string, as {@code eval linking --k}
     * @param threads documents linked in parallel when evaluating
     */
    public StudentTraining(KnowledgeBase kb, int k, int epochs, long seed, int threads) {
        this.kb = kb;
        this.resolver = new GoldResolver(kb);
        this.kbRetriever = new CachingBatchRetriever(BatchRetriever.lexical(new LexicalCandidateRetriever(kb)));
        this.k = k;
        this.epochs = epochs;
        this.seed = seed;
        this.threads = threads;
    }

    public KnowledgeBase kb() {
        return kb;
    }

    /** The KB ids of a gold mention's ids (composite and alternative ids: any of them counts as right). */
    public Set<String> gold(GoldMention m) {
        return resolver.resolve(m.ids());
    }

    /** Trains mention dictionary and re-ranker on these annotated documents (NIL and untyped mentions are skipped). */
    public Student train(List<PubTatorDocument> labelled, String version) {
        return train(labelled, version, d -> 1.0);
    }

    /**
     * As {@link #train(List, String)}, each document's rows with this example weight (the trainer's mix: human
     * documents weighted to half of it).
     */
    public Student train(List<PubTatorDocument> labelled, String version, ToDoubleFunction<PubTatorDocument> weight) {
        RerankerTraining.Result trained = new RerankerTraining(kbRetriever, k,
                new RerankerTrainer(RerankerTrainer.Kind.LOGISTIC, epochs, seed)).train(kb, resolver, labelled, weight);
        MentionDictionary dictionary = trained.dictionary();
        Map<String, Set<String>> names = dictionary.namesByConcept();
        EntityLinker linker = new EntityLinker(
                new CandidateGenerator(ExtraNames.withNames(kbRetriever, kb, names, "dictionary"), dictionary, k),
                new LinkingFeatures(kb.withExtraNames(names, "dictionary:" + version), dictionary),
                trained.model().inProcess(version), 0.0);
        return new Student(linker, dictionary, resolver, kb, threads, trained.mentions(), trained.rows());
    }
}
