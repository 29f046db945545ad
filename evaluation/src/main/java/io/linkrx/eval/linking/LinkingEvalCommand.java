package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.kb.KbSpec;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.KnowledgeBases;
import io.linkrx.kb.SynonymEnrichment;
import io.linkrx.link.CandidateGenerator;
import io.linkrx.link.EntityLinker;
import io.linkrx.link.ExtraNames;
import io.linkrx.link.LinkedMention;
import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.MentionDictionary;
import io.linkrx.link.RerankerBundle;
import io.linkrx.link.BatchRetriever;
import io.linkrx.serving.encoder.ShippedEncoders;
import io.linkrx.serving.client.RerankerClient;

/**
 * {@code eval linking}: links a PubTator corpus against knowledge bases given by path and prints JSON
 * metrics. With {@code --train} it first trains the mention dictionary and the re-ranker on annotated
 * documents, exports the re-ranker to ONNX into {@code --model-repo}; it then scores every candidate through
 * the model-serving sidecar (started in this process over that repository, or {@code --sidecar host:port}).
 * {@code --gold-mentions} (default) links the annotated spans; {@code --end-to-end} also finds the mentions.
 */
public final class LinkingEvalCommand {
    static final String ENCODER_MODEL = "encoder";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LinkingEvalCommand() {
    }

    public static void main(String[] args) {
        // Tribuo 4.3's generated protobuf classes otherwise warn once per message type under protobuf 3.25
        System.setProperty("com.google.protobuf.use_unsafe_pre22_gencode", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the process exit code (2 for usage errors). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        LinkingEvalOptions options;
        try {
            options = LinkingEvalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval linking: " + e.getMessage());
            err.println(LinkingEvalOptions.USAGE);
            return 2;
        }
        try {
            Map<String, Object> result = evaluate(options);
            String json = JSON.writeValueAsString(result);
            out.println(json);
            if (options.out() != null) {
                Files.writeString(options.out(), json);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> evaluate(LinkingEvalOptions o) throws IOException {
        long start = System.nanoTime();
        KnowledgeBase kb = loadKnowledgeBase(o.kbs(), o.synonymKbs());
        GoldResolver resolver = new GoldResolver(kb);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "eval linking");
        result.put("date", Instant.now().toString());
        result.put("corpus", o.corpus().toString());
        result.put("kb_version", kb.version());
        result.put("kb_concepts", kb.size());
        result.put("mode", o.endToEnd() ? "end-to-end" : "gold-mentions");
        Path repository = o.modelRepository() != null ? Files.createDirectories(o.modelRepository())
                : Files.createTempDirectory("linkrx-models");
        if (o.encoder() != null && !Files.isDirectory(repository.resolve(ENCODER_MODEL))) {
            ShippedEncoders.install(o.encoder(), repository, ENCODER_MODEL);
        }
        try (SidecarSession sidecar = o.sidecar() != null ? SidecarSession.connect(o.sidecar()) : SidecarSession.start(repository);
             Retrieval retrieval = Retrieval.open(o, Retrieval.indexDir(o, repository, kb), kb, sidecar)) {
            result.put("retrieval", retrieval.describe());
            List<PubTatorDocument> docs = PubTatorReader.read(o.corpus());
            Set<String> evaluatedIds = docs.stream().map(PubTatorDocument::id).collect(Collectors.toSet());
            TrainingCorpora training = o.train().isEmpty() ? null
                    : TrainingCorpora.read(o.train(), o.corpus(), evaluatedIds);
            if (training != null) {
                result.put("training", train(o, kb, resolver, retrieval.kbRetriever(), repository, training));
            }
            Taggers.Loaded tagger = o.endToEnd() ? Taggers.prepare(o, kb, repository, sidecar, training) : null;
            if (tagger != null) {
                result.put("tagger", tagger.description());
            }
            Path versionDir = RerankerBundle.latestVersion(repository.resolve(o.modelName()));
            RerankerBundle bundle = RerankerBundle.read(versionDir);
            MentionDictionary dictionary = RerankerBundle.dictionary(versionDir);
            KnowledgeBase linkingKb = withDictionaryNames(kb, dictionary, bundle.version());
            sidecar.awaitModel(bundle.model(), bundle.version());
            EntityLinker linker = linker(retrieval.kbRetriever(), kb, linkingKb, dictionary,
                    new RerankerClient(sidecar.client, bundle), o.k(), o.nilThreshold());
            if (!o.shortFormsFollow()) {
                linker = linker.shortFormsKeepOwnLinks();
            }
            result.put("short_forms", o.shortFormsFollow() ? "follow" : "own");
            result.put("model", linker.modelVersion());
            result.put("nil_threshold", o.nilThreshold());
            if (o.warmup() != null && !o.endToEnd()) {
                result.put("warmup", warmUp(o, resolver, linker, retrieval));
            }
            long[] cacheBefore = retrieval.cacheCounts();
            long t0 = System.nanoTime();
            Map<String, Object> metrics = o.endToEnd()
                    ? endToEnd(docs, tagger != null ? tagger.extractor()
                            : new DictionaryMentionExtractor(linkingKb, new ContextAssertionDetector()), resolver, linker,
                            EndToEndErrorLog.open(o.errors(), linkingKb))
                    : goldMentions(docs, resolver, linker, ErrorLog.open(o.errors(), linkingKb), o.threads());
            double seconds = (System.nanoTime() - t0) / 1e9;
            result.put("metrics", metrics);
            long[] cacheAfter = retrieval.cacheCounts();
            result.put("kb_retrieval_cache_in_this_pass", Map.of("hits", cacheAfter[0] - cacheBefore[0],
                    "misses", cacheAfter[1] - cacheBefore[1]));
            result.put("seconds", LinkingMetrics.round(seconds));
            result.put("documents_per_second", LinkingMetrics.round(docs.size() / seconds));
        }
        result.put("total_seconds", LinkingMetrics.round((System.nanoTime() - start) / 1e9));
        return result;
    }

    /**
     * Links the gold mentions of the warm-up corpus untimed (the JIT compiles the hot paths, per-concept name data is
     * computed), then empties the KB retrieval cache so the timed corpus gets no hits from it.
     */
    private static Map<String, Object> warmUp(LinkingEvalOptions o, GoldResolver resolver, EntityLinker linker,
                                              Retrieval retrieval) {
        long t0 = System.nanoTime();
        Map<String, Object> m = goldMentions(PubTatorReader.read(o.warmup()), resolver, linker,
                ErrorLog.open(null, null), o.threads());
        retrieval.forgetCachedHits();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("corpus", o.warmup().toString());
        info.put("mentions_per_second", m.get("mentions_per_second"));
        info.put("seconds", LinkingMetrics.round((System.nanoTime() - t0) / 1e9));
        info.put("kb_retrieval_cache", "emptied after the warm-up");
        return info;
    }

    private static Map<String, Object> train(LinkingEvalOptions o, KnowledgeBase kb, GoldResolver resolver,
                                             BatchRetriever kbRetriever, Path repository, TrainingCorpora training) {
        long t0 = System.nanoTime();
        List<PubTatorDocument> docs = training.documents();
        RerankerTrainer trainer = new RerankerTrainer(o.modelKind(), o.epochs(), o.seed());
        RerankerTraining.Result trained = new RerankerTraining(kbRetriever, o.k(), trainer).train(kb, resolver, docs);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("command", o.commandLine());
        info.put("corpora", o.train().stream().map(Path::toString).toList());
        info.put("documents", docs.size());
        info.put("documents_also_in_corpus_left_out", training.leftOut());
        info.put("mentions", trained.mentions());
        info.put("mentions_with_gold_candidate", trained.mentionsWithGold());
        info.put("rows", trained.rows());
        info.put("model", trainer.description());
        info.put("features", LinkingFeatures.VERSION);
        long version = nextVersion(repository.resolve(o.modelName()));
        RerankerExport.export(trained.model(), trained.dictionary(), repository, o.modelName(), version,
                o.nilThreshold(), info, Map.of());
        info.put("exported", repository.resolve(o.modelName()).resolve(Long.toString(version)).toString());
        info.put("seconds", LinkingMetrics.round((System.nanoTime() - t0) / 1e9));
        return info;
    }

    /** The version after the newest numeric version directory of the model, 1 when there is none. */
    static long nextVersion(Path modelDir) {
        try {
            return Files.isDirectory(modelDir)
                    ? Long.parseLong(RerankerBundle.latestVersion(modelDir).getFileName().toString()) + 1 : 1;
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * The KBs of {@code --kb}, with names borrowed from the KBs of {@code --synonyms-from} (same spec syntax) and
     * chemical name variants, as the app links ({@link SynonymEnrichment#enrich}).
     */
    static KnowledgeBase loadKnowledgeBase(List<String> kbSpecs, List<String> synonymSpecs) {
        KnowledgeBase kb = KnowledgeBases.load(kbSpecs.stream().map(KbSpec::parse).toList());
        KnowledgeBase lender = synonymSpecs.isEmpty() ? null
                : KnowledgeBases.load(synonymSpecs.stream().map(KbSpec::parse).toList());
        return SynonymEnrichment.enrich(kb, lender);
    }

    /** The KB as a re-ranker version links against it: plus the names of its mention dictionary. */
    static KnowledgeBase withDictionaryNames(KnowledgeBase kb, MentionDictionary dictionary, String version) {
        return kb.withExtraNames(dictionary.namesByConcept(), "dictionary:" + version);
    }

    /** The linker of one re-ranker version, as the app builds it: KB retrieval plus the dictionary's names. */
    static EntityLinker linker(BatchRetriever kbRetriever, KnowledgeBase kb, KnowledgeBase linkingKb,
                               MentionDictionary dictionary, io.linkrx.link.CandidateScorer scorer, int k,
                               double nilThreshold) {
        return new EntityLinker(
                new CandidateGenerator(ExtraNames.withNames(kbRetriever, kb, dictionary.namesByConcept(), "dictionary"),
                        dictionary, k),
                new LinkingFeatures(linkingKb, dictionary), scorer, nilThreshold);
    }

    static Map<String, Object> goldMentions(List<PubTatorDocument> docs, GoldResolver resolver, EntityLinker linker,
                                            ErrorLog errors, int threads) {
        LinkingMetrics metrics = new LinkingMetrics();
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<LinkedMention>>> linked = new ArrayList<>(docs.size());
            List<List<GoldMention>> golds = new ArrayList<>(docs.size());
            for (PubTatorDocument doc : docs) {
                List<GoldMention> g = doc.mentions().stream().filter(m -> m.type() != null && !m.nil()).toList();
                golds.add(g);
                linked.add(pool.submit(() -> new DocumentQueries(doc).linkGold(linker, g)));
            }
            for (int d = 0; d < docs.size(); d++) {
                List<LinkedMention> l = linked.get(d).get();
                for (int i = 0; i < golds.get(d).size(); i++) {
                    GoldMention m = golds.get(d).get(i);
                    Set<String> gold = resolver.resolve(m.ids());
                    metrics.add(m.type().displayName(), gold, resolver.inKb(gold), l.get(i));
                    errors.add(docs.get(d).id(), m, gold, l.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        errors.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = metrics.json();
        m.put("mentions_per_second", LinkingMetrics.round(metrics.all().mentions / seconds));
        m.put("threads", threads);
        return m;
    }

    static Map<String, Object> endToEnd(List<PubTatorDocument> docs, MentionExtractor extractor, GoldResolver resolver,
                                        EntityLinker linker, EndToEndErrorLog errors) {
        EndToEndMetrics metrics = new EndToEndMetrics();
        for (PubTatorDocument doc : docs) {
            DocumentQueries dq = new DocumentQueries(doc);
            Map<EndToEndMetrics.Span, Set<String>> gold = new HashMap<>();
            for (GoldMention m : doc.mentions()) {
                if (m.type() != null) {
                    gold.put(new EndToEndMetrics.Span(doc.id(), m.begin(), m.end(), displayType(m.type())),
                            resolver.resolve(m.ids()));
                }
            }
            List<Mention> found = extractor.extract(doc.text());
            List<LinkedMention> linked = dq.linkFound(linker, found);
            Map<EndToEndMetrics.Span, List<String>> predicted = new HashMap<>();
            for (int i = 0; i < found.size(); i++) {
                Mention m = found.get(i);
                predicted.put(new EndToEndMetrics.Span(doc.id(), m.begin(), m.end(), displayType(m.type())),
                        linked.get(i).conceptIds());
            }
            metrics.add(gold, predicted);
            errors.add(doc.text(), gold, predicted);
        }
        errors.close();
        return metrics.json();
    }

    /** Chemical and drug mentions are one class in the corpora (BC5CDR "Chemical" covers drugs). */
    private static String displayType(io.linkrx.kb.SemanticType type) {
        return type == io.linkrx.kb.SemanticType.DRUG ? io.linkrx.kb.SemanticType.CHEMICAL.displayName()
                : type.displayName();
    }
}
