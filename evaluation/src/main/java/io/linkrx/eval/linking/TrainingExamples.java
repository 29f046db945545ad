package io.linkrx.eval.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.link.CandidateGenerator;
import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.MentionQuery;
import io.linkrx.link.RetrievedCandidate;

/**
 * Re-ranker training rows from gold-annotated documents: every candidate of every linkable gold mention,
 * labelled by whether it is one of the mention's gold concepts; a mention none of whose candidates is gold adds
 * no rows. Dictionary features leave the mention's own document out, so training sees them as they will be on
 * unseen notes.
 */
final class TrainingExamples {
    final List<float[]> rows = new ArrayList<>();
    final List<Boolean> labels = new ArrayList<>();
    /** Weight per row: the mix weight of the row's document (realised by replication, see RerankerTrainer). */
    final List<Float> weights = new ArrayList<>();
    int mentions;
    int mentionsWithGoldCandidate;

    void addAll(TrainingExamples other) {
        rows.addAll(other.rows);
        labels.addAll(other.labels);
        weights.addAll(other.weights);
        mentions += other.mentions;
        mentionsWithGoldCandidate += other.mentionsWithGoldCandidate;
    }

    static TrainingExamples build(List<PubTatorDocument> docs, CandidateGenerator generator, LinkingFeatures features,
                                  GoldResolver resolver, ToDoubleFunction<PubTatorDocument> weight) {
        TrainingExamples out = new TrainingExamples();
        for (PubTatorDocument doc : docs) {
            float w = (float) weight.applyAsDouble(doc);
            DocumentQueries queries = new DocumentQueries(doc);
            List<GoldMention> golds = doc.mentions().stream().filter(m -> m.type() != null && !m.nil()).toList();
            List<MentionQuery> mentionQueries = golds.stream().map(queries::query).toList();
            List<List<RetrievedCandidate>> all = generator.generateAll(mentionQueries, doc.id());
            for (int g = 0; g < golds.size(); g++) {
                GoldMention m = golds.get(g);
                Set<String> gold = resolver.resolve(m.ids());
                MentionQuery q = mentionQueries.get(g);
                List<RetrievedCandidate> candidates = all.get(g);
                out.mentions++;
                if (candidates.stream().noneMatch(c -> gold.contains(c.conceptId()))) {
                    // retrieval missed the gold concept: all-negative rows would teach the ranking nothing and push
                    // down candidates that look right (a teacher label naming a concept outside the candidates
                    // arrives exactly like this until its name is learnt)
                    continue;
                }
                out.mentionsWithGoldCandidate++;
                float[][] rows = features.compute(q, candidates, doc.id());
                for (int i = 0; i < rows.length; i++) {
                    out.rows.add(rows[i]);
                    out.labels.add(gold.contains(candidates.get(i).conceptId()));
                    out.weights.add(w);
                }
            }
        }
        return out;
    }
}
