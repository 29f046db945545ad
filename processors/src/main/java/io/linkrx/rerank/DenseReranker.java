package io.linkrx.rerank;

import io.linkrx.retrieve.Candidate;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.Embeddings;
import io.linkrx.serving.client.InferenceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
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
    /** Re-ranking more than the best few lexical candidates costs encoder time and rarely changes the top. */
    public static final int DEFAULT_MAX_CANDIDATES = 5;
    public static final int DEFAULT_NAME_CACHE = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(DenseReranker.class);

    private final EncoderClient encoder;
    private final double denseWeight;
    private final MentionContext context;
    private final double nilThreshold;
    private final ScoreOrderedReranker lexical;
    private final Counter denseNotes;
    private final Counter degradedNotes;
    private final int maxCandidates;
    private final NameVectorCache nameVectors;
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
        this(encoder, denseWeight, contextChars, nilThreshold, DEFAULT_MAX_CANDIDATES, DEFAULT_NAME_CACHE, registry);
    }

    /**
     * @param maxCandidates     the best lexical candidates per mention that are re-ranked (the rest are dropped)
     * @param nameCacheCapacity names whose vectors are kept between notes
     */
    public DenseReranker(EncoderClient encoder, double denseWeight, int contextChars, double nilThreshold,
                         int maxCandidates, int nameCacheCapacity, MeterRegistry registry) {
        if (maxCandidates < 1 || nameCacheCapacity < 0) {
            throw new IllegalArgumentException("maxCandidates must be >= 1 and nameCacheCapacity >= 0");
        }
        this.maxCandidates = maxCandidates;
        this.nameVectors = new NameVectorCache(nameCacheCapacity);
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
        List<MentionCandidates> shortlisted = mentions.stream()
                .map(mc -> new MentionCandidates(mc.mention(), mc.candidates().subList(0, Math.min(maxCandidates, mc.candidates().size()))))
                .toList();
        Batch batch = Batch.of(noteText, shortlisted, context);
        if (batch.mentionTexts().isEmpty()) {
            // no candidate anywhere: nothing for the model to judge, and nothing degraded either
            return new RerankResult(lexical.rerank(noteText, mentions).mentions(), modelVersion, false);
        }
        Vectors vectors;
        try {
            vectors = embed(batch);
        } catch (InferenceException e) {
            degradedNotes.increment();
            LOG.debug("Lexical fallback for a note: {} ({})", e.reason(), e.code());
            return new RerankResult(lexical.rerank(noteText, mentions).mentions(), ScoreOrderedReranker.MODEL_VERSION, true);
        }
        String version = "dense:" + encoder.model() + "@" + vectors.modelVersion();
        modelVersion = version;
        List<RankedMention> ranked = new ArrayList<>(mentions.size());
        for (int i = 0; i < shortlisted.size(); i++) {
            ranked.add(rank(shortlisted.get(i), vectors.mentions().get(i), vectors.names()));
        }
        denseNotes.increment();
        return new RerankResult(ranked, version, false);
    }

    /**
     * One encoder call with the mentions and the names not cached yet. Should the answer come from another model
     * version than the cached names (a hot swap), the note's names are embedded again with it.
     */
    private Vectors embed(Batch batch) {
        Map<String, float[]> names = nameVectors.lookup(batch.names());
        List<String> missing = batch.names().stream().filter(n -> !names.containsKey(n)).toList();
        List<String> texts = new ArrayList<>(batch.mentionTexts());
        texts.addAll(missing);
        Embeddings answer = encoder.embed(texts);
        int mentionCount = batch.mentionTexts().size();
        Map<String, float[]> fresh = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            fresh.put(missing.get(i), answer.get(mentionCount + i));
        }
        if (!answer.modelVersion().equals(nameVectors.modelVersion()) && fresh.size() < batch.names().size()) {
            List<String> stale = batch.names().stream().filter(n -> !fresh.containsKey(n)).toList();
            Embeddings again = encoder.embed(stale);
            if (!again.modelVersion().equals(answer.modelVersion())) {
                throw InferenceException.badResponse(encoder.model(), "the encoder changed version twice within one note");
            }
            for (int i = 0; i < stale.size(); i++) {
                fresh.put(stale.get(i), again.get(i));
            }
            names.clear();
        }
        nameVectors.store(answer.modelVersion(), fresh);
        names.putAll(fresh);
        List<float[]> mentionVectors = new ArrayList<>();
        int row = 0;
        for (int i = 0; i < batch.mentionRows().length; i++) {
            mentionVectors.add(batch.mentionRows()[i] < 0 ? null : answer.get(row++));
        }
        return new Vectors(mentionVectors, names, answer.modelVersion());
    }

    private RankedMention rank(MentionCandidates mc, float[] mentionVector, Map<String, float[]> names) {
        List<Candidate> scored = new ArrayList<>(mc.candidates().size());
        for (Candidate c : mc.candidates()) {
            double cosine = cosine(mentionVector, names.get(c.preferredName()));
            double score = (1.0 - denseWeight) * c.score() + denseWeight * Math.max(0.0, cosine);
            scored.add(new Candidate(c.conceptId(), c.vocabulary(), c.preferredName(), c.type(),
                    Math.min(1.0, Math.max(0.0, score))));
        }
        // List.sort is stable: equal scores keep the retrieval order
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        boolean nil = scored.isEmpty() || scored.get(0).score() < nilThreshold;
        return new RankedMention(mc.mention(), scored, nil);
    }

    /** Cosine of two L2-normalised vectors (the encoder normalises): their dot product. */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
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

    /** Vectors of a note's mentions (null for a mention without candidates) and of its candidates' names. */
    private record Vectors(List<float[]> mentions, Map<String, float[]> names, String modelVersion) {}

    /**
     * What a note needs embedded: each mention that has candidates (in context), and each distinct candidate name.
     *
     * @param mentionRows row of each mention in {@code mentionTexts}, -1 for a mention without candidates
     */
    private record Batch(List<String> mentionTexts, int[] mentionRows, List<String> names) {
        static Batch of(String noteText, List<MentionCandidates> mentions, MentionContext context) {
            List<String> texts = new ArrayList<>();
            int[] mentionRows = new int[mentions.size()];
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < mentions.size(); i++) {
                MentionCandidates mc = mentions.get(i);
                mentionRows[i] = mc.candidates().isEmpty() ? -1 : texts.size();
                if (!mc.candidates().isEmpty()) {
                    texts.add(context.of(noteText, mc.mention()));
                }
                mc.candidates().forEach(c -> names.add(c.preferredName()));
            }
            return new Batch(texts, mentionRows, List.copyOf(names));
        }
    }
}
