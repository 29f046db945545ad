package io.linkrx.eval.linking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.ToDoubleFunction;


import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.CandidateGenerator;
import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.MentionDictionary;
import io.linkrx.link.BatchRetriever;
import io.linkrx.link.ExtraNames;
import io.linkrx.text.Normalizer;

/**
 * Trains the learned parts of linking from gold-annotated documents: the mention dictionary (mention →
 * concept counts, also used as extra names for retrieval) and the re-ranker. Training rows come from two
 * folds — each half of the documents is retrieved against the KB plus the other half's names — so the
 * re-ranker learns from candidates and features as they look on documents it never saw.
 */
final class RerankerTraining {
    record Result(TrainedRanker model, MentionDictionary dictionary, int rows, int mentions, int mentionsWithGold) {
    }

    private final BatchRetriever kbRetriever;
    private final int k;
    private final RerankerTrainer trainer;

    /** @param kbRetriever retrieval over the KB's own names (the index); training names are added per fold */
    RerankerTraining(BatchRetriever kbRetriever, int k, RerankerTrainer trainer) {
        this.kbRetriever = kbRetriever;
        this.k = k;
        this.trainer = trainer;
    }

    Result train(KnowledgeBase kb, GoldResolver resolver, List<PubTatorDocument> docs) {
        return train(kb, resolver, docs, d -> 1.0);
    }

    /**
     * @param weight example weight of every row of a document (mixing sources); documents sharing an id are one
     *               document for the folds and the leave-own-document-out dictionary
     */
    Result train(KnowledgeBase kb, GoldResolver resolver, List<PubTatorDocument> docs,
                 ToDoubleFunction<PubTatorDocument> weight) {
        MentionDictionary dictionary = dictionary(docs, resolver);
        Set<String> foldA = new HashSet<>();
        for (int i = 0; i < docs.size(); i += 2) {
            foldA.add(docs.get(i).id());
        }
        TrainingExamples examples = new TrainingExamples();
        for (boolean a : new boolean[] {true, false}) {
            List<PubTatorDocument> fold = docs.stream().filter(d -> foldA.contains(d.id()) == a).toList();
            Map<String, Set<String>> names = TrainingNames.of(docs, resolver, d -> foldA.contains(d.id()) != a);
            String version = a ? "fold-b" : "fold-a";
            KnowledgeBase others = kb.withExtraNames(names, version);
            BatchRetriever retriever = ExtraNames.withNames(kbRetriever, kb, names, version);
            examples.addAll(TrainingExamples.build(fold, new CandidateGenerator(retriever, dictionary, k),
                    new LinkingFeatures(others, dictionary), resolver, weight));
        }
        return new Result(trainer.train(examples), dictionary, examples.rows.size(), examples.mentions,
                examples.mentionsWithGoldCandidate);
    }

    static MentionDictionary dictionary(List<PubTatorDocument> docs, GoldResolver resolver) {
        MentionDictionary dictionary = new MentionDictionary();
        for (PubTatorDocument d : docs) {
            for (GoldMention m : d.mentions()) {
                if (m.type() != null) {
                    // a composite annotation ("hemorrhagic cystitis" = Hemorrhage + Cystitis) teaches each of its
                    // concepts, as any of them is a right link of the mention, and the composite itself
                    dictionary.addComposite(d.id(), Normalizer.normalize(m.text()), resolver.resolve(m.ids()));
                }
            }
        }
        return dictionary;
    }
}
