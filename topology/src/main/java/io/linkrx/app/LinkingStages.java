package io.linkrx.app;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.app.teacher.TeacherRouting;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.rerank.DenseReranker;
import io.linkrx.rerank.Reranker;
import io.linkrx.rerank.ScoreOrderedReranker;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.BreakerPolicy;
import io.linkrx.serving.client.ClientPolicy;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InferenceClient;
import io.linkrx.serving.client.RetryPolicy;
import io.linkrx.serving.client.SidecarChannels;
import io.linkrx.stage.ExtractMentionsStage;
import io.linkrx.stage.NoteValidator;
import io.linkrx.stage.Provenances;
import io.linkrx.stage.RerankStage;
import io.linkrx.stage.RetrieveCandidatesStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three linking stages and the teacher routing, built once from configuration over one loaded knowledge base.
 * Close it to release the re-ranker (the sidecar channel).
 */
public record LinkingStages(ExtractMentionsStage extract, RetrieveCandidatesStage retrieve, RerankStage rerank,
                            TeacherRouting teacher, String kbVersion, Reranker reranker) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkingStages.class);
    /** Notes longer than this are dead-lettered rather than risk a stalled partition (about 100 pages). */
    static final int MAX_NOTE_CHARS = 500_000;
    static final String RETRIEVER_VERSION = "lexical-3gram-1";
    /** Recent calls over which the breaker's failure rate is computed. */
    static final int BREAKER_WINDOW = 20;

    /** Stages whose sidecar metrics go to Micrometer's global registry (the app adds its Prometheus registry to it). */
    public static LinkingStages fromConfig(LinkrxConfig config, Clock clock) {
        return fromConfig(config, clock, Metrics.globalRegistry);
    }

    public static LinkingStages fromConfig(LinkrxConfig config, Clock clock, MeterRegistry registry) {
        List<String> kbPaths = Arrays.stream(config.get(Setting.KB_PATHS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        KnowledgeBase kb = LearnedLinking.linkingKnowledgeBase(KnowledgeBase.loadAll(kbPaths), config);
        String modelDir = config.get(Setting.RERANKER_MODEL_DIR).trim();
        if (!modelDir.isEmpty()) {
            return LearnedLinking.stages(config, clock, registry, kb, java.nio.file.Path.of(modelDir));
        }
        Reranker reranker = reranker(config, registry);
        Provenances provenances = new Provenances(clock, kb.version());
        return assemble(config, kb,
                new ExtractMentionsStage(new NoteValidator(MAX_NOTE_CHARS),
                        new DictionaryMentionExtractor(kb, new ContextAssertionDetector()), provenances),
                new RetrieveCandidatesStage(new LexicalCandidateRetriever(kb), config.getInt(Setting.RETRIEVAL_TOP_K),
                        RETRIEVER_VERSION, provenances),
                reranker, provenances);
    }

    /** The stages over a linking KB: the re-rank stage routes uncertain mentions as configured (teacher settings). */
    static LinkingStages assemble(LinkrxConfig config, KnowledgeBase kb, ExtractMentionsStage extract,
                                  RetrieveCandidatesStage retrieve, Reranker reranker, Provenances provenances) {
        TeacherRouting teacher = TeacherRouting.fromConfig(config, kb);
        return new LinkingStages(extract, retrieve,
                new RerankStage(reranker, teacher.router(), teacher.context(), provenances),
                teacher, kb.version(), reranker);
    }

    /** Dense re-ranking through the sidecar when a target is set, lexical otherwise. Sidecar knobs are checked either way. */
    static Reranker reranker(LinkrxConfig config, MeterRegistry registry) {
        double nilThreshold = config.getDouble(Setting.RANKING_NIL_THRESHOLD);
        double denseWeight = fraction(config, Setting.RANKING_DENSE_WEIGHT);
        int contextChars = atLeast(config, Setting.RANKING_CONTEXT_CHARS, 0);
        int maxBatch = atLeast(config, Setting.SIDECAR_ENCODER_MAX_BATCH, 0);
        ClientPolicy policy = clientPolicy(config);
        String target = config.get(Setting.SIDECAR_TARGET).trim();
        if (target.isEmpty()) {
            return new ScoreOrderedReranker(nilThreshold);
        }
        String model = config.get(Setting.SIDECAR_ENCODER_MODEL).trim();
        LOG.info("Dense re-ranking with model '{}' on sidecar {} (deadline {} ms); lexical fallback while it is unavailable",
                model, target, policy.deadline().toMillis());
        InferenceClient client = sidecarClient(config, registry);
        return new DenseReranker(new EncoderClient(client, model, maxBatch), denseWeight, contextChars, nilThreshold,
                atLeast(config, Setting.RANKING_DENSE_CANDIDATES, 1), atLeast(config, Setting.RANKING_DENSE_NAME_CACHE, 0), registry);
    }

    static ClientPolicy clientPolicy(LinkrxConfig config) {
        return new ClientPolicy(Duration.ofMillis(atLeast(config, Setting.SIDECAR_DEADLINE_MS, 1)),
                RetryPolicy.retries(atLeast(config, Setting.SIDECAR_RETRIES, 0)),
                new BreakerPolicy(atLeast(config, Setting.SIDECAR_BREAKER_FAILURES, 1),
                        failureRate(config), BREAKER_WINDOW,
                        Duration.ofMillis(atLeast(config, Setting.SIDECAR_BREAKER_OPEN_MS, 1))));
    }

    /** A client of the configured sidecar (the caller closes it); requires {@code linkrx.serving.target}. */
    static InferenceClient sidecarClient(LinkrxConfig config, MeterRegistry registry) {
        String target = config.get(Setting.SIDECAR_TARGET).trim();
        return new InferenceClient(SidecarChannels.open(target, config.getBoolean(Setting.SIDECAR_TLS),
                config.get(Setting.SIDECAR_TLS_CA_FILE)), target, clientPolicy(config), registry);
    }

    static int atLeast(LinkrxConfig config, Setting setting, int min) {
        int value = config.getInt(setting);
        if (value < min) {
            throw new IllegalArgumentException(setting.key() + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    private static double fraction(LinkrxConfig config, Setting setting) {
        double value = config.getDouble(setting);
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(setting.key() + " must be in [0, 1], was " + value);
        }
        return value;
    }

    private static double failureRate(LinkrxConfig config) {
        double value = config.getDouble(Setting.SIDECAR_BREAKER_FAILURE_RATE);
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(Setting.SIDECAR_BREAKER_FAILURE_RATE.key() + " must be in (0, 1], was " + value);
        }
        return value;
    }

    /** Releases the re-ranker: shuts the sidecar channel down. */
    @Override
    public void close() {
        reranker.close();
    }
}
