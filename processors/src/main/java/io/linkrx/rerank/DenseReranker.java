package io.linkrx.rerank;

import io.linkrx.retrieve.Candidate;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.Embeddings;
import io.linkrx.serving.client.InferenceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-ranks with the sidecar's text encoder: per note ONE encoder call embeds every mention in its context and
 * the distinct preferred names of all candidates; a candidate scores
 * {@code (1 - w) * lexical + w * max(0, cosine(mention in context, name))}, ties keep the retrieval order, and
 * a mention is NIL when its best score is below the threshold, as with {@link ScoreOrderedReranker}.
 *
 * <p>When the sidecar fails, times out or its circuit breaker is open, the note is ranked lexically and marked
 * degraded: notes keep flowing and none is lost or held back. Once the breaker's probe succeeds, dense ranking
 * resumes by itself.
 */
public final class DenseReranker implements Reranker {
    private static final Logger LOG = LoggerFactory.getLogger(DenseReranker.class);

    private final EncoderClient encoder;
    private final double denseWeight;
    private final MentionContext context;
    private final double nilThreshold;
    private final ScoreOrderedReranker lexical;
    private final Counter denseNotes;
    private final Counter degradedNotes;
    private volatile String modelVersion;

    /**
     * @param encoder      the sidecar encoder (closed with this re-ranker)
     * @param denseWeight  weight of the cosine similarity in [0, 1]; the lexical score gets the rest
     * @param contextChars note characters on each side of a mention sent with it
     * @param nilThreshold a mention whose best score is below this is NIL
     * @param registry     where {@code linkrx.rerank.notes} (tags ranker, outcome dense/degraded) is counted
     */
    public DenseReranker(EncoderClient encoder, double denseWeight, int contextChars, double nilThreshold,
                         MeterRegistry registry) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (!(denseWeight >= 0.0 && denseWeight <= 1.0)) {
            throw new IllegalArgumentException("denseWeight must be in [0, 1], was " + denseWeight);
        }
        this.denseWeight = denseWeight;
        this.context = new MentionContext(contextChars);
        this.lexical = new ScoreOrderedReranker(nilThreshold);
        this.nilThreshold = nilThreshold;
        this.denseNotes = notes(registry, "dense");
        this.degradedNotes = notes(registry, "degraded");
        this.modelVersion = "dense:" + encoder.model();
    }

    private static Counter notes(MeterRegistry registry, String outcome) {
        return Counter.builder("linkrx.rerank.notes").description("Notes re-ranked, by outcome")
                .tag("ranker", "dense").tag("outcome", outcome).register(registry);
    }

    @Override
    public RerankResult rerank(String noteText, List<MentionCandidates> mentions) {
        Objects.requireNonNull(mentions, "mentions");
        Batch batch = Batch.of(noteText, mentions, context);
        if (batch.texts().isEmpty()) {
            // no candidate anywhere: nothing for the model to judge, and nothing degraded either
            return new RerankResult(lexical.rerank(noteText, mentions).mentions(), modelVersion, false);
        }
        Embeddings embeddings;
        try {
            embeddings = encoder.embed(batch.texts());
        } catch (InferenceException e) {
            degradedNotes.increment();
            LOG.debug("Lexical fallback for a note: {} ({})", e.reason(), e.code());
            return new RerankResult(lexical.rerank(noteText, mentions).mentions(), ScoreOrderedReranker.MODEL_VERSION, true);
        }
        String version = "dense:" + encoder.model() + "@" + embeddings.modelVersion();
        modelVersion = version;
        List<RankedMention> ranked = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            ranked.add(rank(mentions.get(i), batch, i, embeddings));
        }
        denseNotes.increment();
        return new RerankResult(ranked, version, false);
    }

    private RankedMention rank(MentionCandidates mc, Batch batch, int mentionIndex, Embeddings embeddings) {
        int mentionRow = batch.mentionRows()[mentionIndex];
        List<Candidate> scored = new ArrayList<>(mc.candidates().size());
        for (Candidate c : mc.candidates()) {
            double cosine = embeddings.cosine(mentionRow, batch.nameRows().get(c.preferredName()));
            double score = (1.0 - denseWeight) * c.score() + denseWeight * Math.max(0.0, cosine);
            scored.add(new Candidate(c.conceptId(), c.vocabulary(), c.preferredName(), c.type(),
                    Math.min(1.0, Math.max(0.0, score))));
        }
        // List.sort is stable: equal scores keep the retrieval order
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        boolean nil = scored.isEmpty() || scored.get(0).score() < nilThreshold;
        return new RankedMention(mc.mention(), scored, nil);
    }

    /** {@code dense:<encoder model>@<served version>} of the last answer; {@code dense:<model>} before the first. */
    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public void close() {
        encoder.close();
    }

    /**
     * The texts of one encoder call: first each mention that has candidates (in context), then each distinct
     * candidate name once.
     *
     * @param mentionRows row of each mention, -1 for a mention without candidates (not sent)
     * @param nameRows    row of each distinct preferred name
     */
    private record Batch(List<String> texts, int[] mentionRows, Map<String, Integer> nameRows) {
        static Batch of(String noteText, List<MentionCandidates> mentions, MentionContext context) {
            List<String> texts = new ArrayList<>();
            int[] mentionRows = new int[mentions.size()];
            for (int i = 0; i < mentions.size(); i++) {
                MentionCandidates mc = mentions.get(i);
                mentionRows[i] = mc.candidates().isEmpty() ? -1 : texts.size();
                if (!mc.candidates().isEmpty()) {
                    texts.add(context.of(noteText, mc.mention()));
                }
            }
            Map<String, Integer> nameRows = new LinkedHashMap<>();
            for (MentionCandidates mc : mentions) {
                for (Candidate c : mc.candidates()) {
                    nameRows.computeIfAbsent(c.preferredName(), name -> {
                        texts.add(name);
                        return texts.size() - 1;
                    });
                }
            }
            return new Batch(texts, mentionRows, nameRows);
        }
    }
}
