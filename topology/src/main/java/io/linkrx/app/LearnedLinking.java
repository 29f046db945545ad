package io.linkrx.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.extract.tagger.CrfMentionTagger;
import io.linkrx.extract.tagger.CrfTaggerModel;
import io.linkrx.extract.tagger.SidecarTokenVectors;
import io.linkrx.extract.tagger.TaggerDictionary;
import io.linkrx.index.HybridRetriever;
import io.linkrx.index.IndexRequirements;
import io.linkrx.index.KbIndex;
import io.linkrx.index.IndexBatchRetriever;
import io.linkrx.index.SidecarTextEmbedder;
import io.linkrx.kb.KbSpec;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SynonymEnrichment;
import io.linkrx.link.BatchRetriever;
import io.linkrx.link.CachingBatchRetriever;
import io.linkrx.link.LearnedReranker;
import io.linkrx.link.NoteCandidateGenerator;
import io.linkrx.link.RerankerVersions;
import io.linkrx.link.VersionedExtractor;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.EncoderClient;
import io.linkrx.serving.client.InferenceClient;
import io.linkrx.serving.client.RerankerClient;
import io.linkrx.stage.ExtractMentionsStage;
import io.linkrx.stage.NoteValidator;
import io.linkrx.stage.Provenances;
import io.linkrx.stage.RetrieveCandidatesStage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The linking stages with the components {@code eval linking} measures: note-aware candidate generation
 * (abbreviation expansion, canonical words, mention dictionary) over the KB index or the in-memory retriever,
 * and the learned re-ranker served by the sidecar, with the mention dictionary of the same model version.
 */
final class LearnedLinking {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedLinking.class);

    private LearnedLinking() {
    }

    /**
     * The KB linking reads: names borrowed from {@code linkrx.kb.synonyms.from} (none by default) and chemical name
     * variants, as {@code eval linking} builds it.
     */
    static KnowledgeBase linkingKnowledgeBase(KnowledgeBase kb, LinkrxConfig config) {
        List<KbSpec> lenders = Arrays.stream(config.get(Setting.KB_SYNONYMS_FROM).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(KbSpec::parse).toList();
        return SynonymEnrichment.enrich(kb, lenders.isEmpty() ? null : KnowledgeBases.load(lenders));
    }

    static LinkingStages stages(LinkrxConfig config, Clock clock, MeterRegistry registry, KnowledgeBase kb,
                                Path modelDir) {
        if (config.get(Setting.SIDECAR_TARGET).isBlank()) {
            throw new IllegalArgumentException(Setting.RERANKER_MODEL_DIR.key() + " needs " + Setting.SIDECAR_TARGET.key()
                    + ": the sidecar serves the re-ranker");
        }
        InferenceClient client = LinkingStages.sidecarClient(config, registry);
        KbIndex index = openIndex(config, kb);
        // the KB never changes, so its lexical hits are cached (bounded); the names a re-ranker version learnt are
        // retrieved beside them by a retriever of that version, never cached
        BatchRetriever lexical = new CachingBatchRetriever(BatchRetriever.lexical(new LexicalCandidateRetriever(kb)));
        // as in eval linking: lexical candidates from the in-memory 3-gram index (it ranks better), dense ones
        // from the KB index when it holds vectors; an index without vectors serves the lexical side
        BatchRetriever kbRetriever = index == null ? lexical
                : index.hasVectors()
                        ? BatchRetriever.union(lexical, new IndexBatchRetriever(HybridRetriever.denseOnly(index,
                                new SidecarTextEmbedder(new EncoderClient(client,
                                        config.get(Setting.SIDECAR_ENCODER_MODEL).trim(),
                                        LinkingStages.atLeast(config, Setting.SIDECAR_ENCODER_MAX_BATCH, 0))))))
                        : new CachingBatchRetriever(new IndexBatchRetriever(new HybridRetriever(index)));
        // the version the sidecar serves, followed across promotions and rollbacks (same repository directory)
        RerankerVersions versions = RerankerVersions.follow(modelDir, kb, kbRetriever,
                LinkingStages.atLeast(config, Setting.RETRIEVAL_TOP_K, 1), bundle -> new RerankerClient(client, bundle));
        LearnedReranker reranker = new LearnedReranker(versions, config.getDouble(Setting.RERANKER_NIL_THRESHOLD), () -> {
            client.close();
            if (index != null) {
                index.close();
            }
        });
        RerankerVersions.Version first = versions.current();
        LOG.info("Learned linking: re-ranker {} version {} on sidecar {}, {} dictionary mentions, retrieval {}",
                first.bundle().model(), first.version(), config.get(Setting.SIDECAR_TARGET), first.dictionary().size(),
                index == null ? "in-memory 3-gram" : index.hasVectors() ? "in-memory 3-gram + KB index dense" : "KB index, lexical");
        Provenances provenances = new Provenances(clock, () -> versions.current().linkingKb().version());
        return LinkingStages.assemble(config, first.linkingKb(),
                new ExtractMentionsStage(new NoteValidator(LinkingStages.MAX_NOTE_CHARS),
                        extractor(config, kb, versions, client, registry), provenances),
                new RetrieveCandidatesStage(new NoteCandidateGenerator(() -> versions.current().generator(), kb,
                        Integer.MAX_VALUE),
                        index == null ? LinkingStages.RETRIEVER_VERSION : "kb-index", provenances),
                reranker, provenances);
    }

    /**
     * The CRF tagger when configured (dictionary features from the KB, as in evaluation), else the dictionary over the
     * served version's names (it follows promotions).
     */
    private static MentionExtractor extractor(LinkrxConfig config, KnowledgeBase kb, RerankerVersions versions,
                                              InferenceClient client, MeterRegistry registry) {
        String model = config.get(Setting.TAGGER_MODEL).trim();
        if (model.isEmpty()) {
            return new VersionedExtractor(versions,
                    linkingKb -> new DictionaryMentionExtractor(linkingKb, new ContextAssertionDetector()));
        }
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true"); // Tribuo 4.3's generated code
        CrfTaggerModel tagger = CrfTaggerModel.load(Path.of(model));
        String encoder = tagger.vectorEncoder();
        // a tagger trained with contextual token vectors gets them from the sidecar, like the evaluation's
        SidecarTokenVectors served = encoder == null ? null : new SidecarTokenVectors(new EncoderClient(client,
                config.get(Setting.TAGGER_ENCODER_MODEL).trim(),
                LinkingStages.atLeast(config, Setting.SIDECAR_ENCODER_MAX_BATCH, 0)), encoder);
        if (served != null) {
            // notes tagged without their vectors (the sidecar did not answer): fewer, less exact mentions
            FunctionCounter.builder("linkrx.tagger.vectors.unavailable", served, SidecarTokenVectors::unavailableCalls)
                    .description("Notes tagged without their token vectors because the sidecar did not answer")
                    .register(registry);
        }
        return new CrfMentionTagger(tagger, TaggerDictionary.of(kb), new ContextAssertionDetector(), served);
    }

    private static KbIndex openIndex(LinkrxConfig config, KnowledgeBase kb) {
        String dir = config.get(Setting.INDEX_DIR).trim();
        if (dir.isEmpty()) {
            return null;
        }
        KbIndex index = KbIndex.open(Path.of(dir), IndexRequirements.ANY);
        if (!index.metadata().kbVersion().equals(kb.version())) {
            LOG.warn("KB index {} was built from KB {} but the app loaded {}; candidates may name concepts the app "
                    + "does not know (they are dropped)", dir, index.metadata().kbVersion(), kb.version());
        }
        return index;
    }
}
