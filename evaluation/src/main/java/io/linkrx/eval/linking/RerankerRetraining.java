package io.linkrx.eval.linking;

import io.linkrx.config.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.tribuo.Model;
import org.tribuo.classification.Label;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.link.BatchRetriever;
import io.linkrx.link.CandidateScorer;
import io.linkrx.link.MentionDictionary;
import io.linkrx.link.RerankerBundle;
import io.linkrx.retrieve.LexicalCandidateRetriever;
import io.linkrx.serving.client.RerankerClient;

/**
 * The re-ranker training, export and scoring of {@code eval linking}, for programs that retrain it (the teacher
 * loop's trainer and experiment): the same two-fold training and features, the same Triton-layout export and
 * the same gold-mention Acc@1 scoring, over the in-memory 3-gram retrieval ({@code eval linking} without
 * {@code --index}).
 */
public final class RerankerRetraining {
    /**
     * Candidates per mention, NIL threshold written into exported bundles, the trainer's epochs and seed, and the kind
     * of re-ranker ({@code logistic}, {@code fm} or {@code trees}, as {@code eval linking --model}).
     */
    public record Settings(int k, double nilThreshold, int epochs, long seed, String model) {
        public Settings {
            RerankerTrainer.Kind.of(model, "the re-ranker kind");
        }

        /** Logistic regression, the teacher loop's re-ranker. */
        public Settings(int k, double nilThreshold, int epochs, long seed) {
            this(k, nilThreshold, epochs, seed, RerankerTrainer.Kind.LOGISTIC.option);
        }

        /** The defaults of {@code eval linking}, with logistic regression. */
        public static Settings defaults() {
            return new Settings(20, LinkingEvalOptions.DEFAULT_NIL_THRESHOLD, 10, 42);
        }
    }

    /** A trained re-ranker with its mention dictionary, not yet exported. */
    public static final class Trained {
        private final RerankerTraining.Result result;

        private Trained(RerankerTraining.Result result) {
            this.result = result;
        }

        public int rows() {
            return result.rows();
        }

        public int mentions() {
            return result.mentions();
        }

        public int mentionsWithGoldCandidate() {
            return result.mentionsWithGold();
        }

        public MentionDictionary dictionary() {
            return result.dictionary();
        }

        TrainedRanker model() {
            return result.model();
        }
    }

    /** Gold-mention scores of one model version on a corpus; {@code metrics} is {@code eval linking}'s JSON. */
    public record Score(String modelVersion, double accAt1, double accAt5, int mentions, Map<String, Object> metrics) {
    }

    private final KnowledgeBase kb;
    private final GoldResolver resolver;
    private final BatchRetriever kbRetriever;
    private final Settings settings;
    private final RerankerTrainer.Kind kind;

    public RerankerRetraining(KnowledgeBase kb, Settings settings) {
        this.kb = kb;
        this.resolver = new GoldResolver(kb);
        this.kbRetriever = BatchRetriever.lexical(new LexicalCandidateRetriever(kb));
        this.settings = settings;
        this.kind = RerankerTrainer.Kind.of(settings.model(), "the re-ranker kind");
    }

    /** Loads KBs given like {@code eval linking --kb} and {@code --synonyms-from}. */
    public static KnowledgeBase loadKnowledgeBase(List<String> kbSpecs, List<String> synonymSpecs) {
        return LinkingEvalCommand.loadKnowledgeBase(kbSpecs, synonymSpecs);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * Trains on annotated documents. Documents with the same id are one document for the two folds and for the
     * leave-own-document-out dictionary features (give a label the id of the note it came from).
     *
     * @param weight example weight of each document's rows (e.g. human documents upsampled in a mix)
     */
    public Trained train(List<PubTatorDocument> docs, ToDoubleFunction<PubTatorDocument> weight) {
        RerankerTrainer trainer = new RerankerTrainer(kind, settings.epochs(), settings.seed());
        return new Trained(new RerankerTraining(kbRetriever, settings.k(), trainer).train(kb, resolver, docs, weight));
    }

    /** Exports into {@code <repository>/<model>/<version>/} (atomic publish); returns the version directory. */
    public Path export(Trained trained, Path repository, String modelName, long version, Map<String, Object> trainedOn,
                       Map<String, Object> metrics) {
        RerankerExport.export(trained.model(), trained.dictionary(), repository, modelName, version,
                settings.nilThreshold(), trainedOn, metrics);
        return repository.resolve(modelName).resolve(Long.toString(version));
    }

    /** The version after the newest numeric version directory of a model directory, 1 when there is none. */
    public static long nextVersion(Path modelDir) {
        return LinkingEvalCommand.nextVersion(modelDir);
    }

    /** Scores a trained model in this JVM with Tribuo (fast; the same linker and scoring as a served version). */
    public Score score(Trained trained, String version, List<PubTatorDocument> dev) {
        CandidateScorer scorer = trained.model().inProcess(version);
        return score(trained.dictionary(), version, scorer, settings.nilThreshold(), dev);
    }

    /**
     * Scores an exported version through its ONNX graph, served by a real sidecar started in this process over a
     * temporary repository holding only that version, so the pins and versions of the real repository stay
     * untouched.
     */
    public Score scoreServed(Path versionDir, List<PubTatorDocument> dev) {
        RerankerBundle bundle = RerankerBundle.read(versionDir);
        Path temp = null;
        try {
            temp = Files.createTempDirectory("linkrx-score");
            Path modelDir = Files.createDirectories(temp.resolve(bundle.model()));
            Path config = versionDir.getParent().resolve("config.pbtxt");
            if (Files.exists(config)) {
                Files.copy(config, modelDir.resolve("config.pbtxt"));
            }
            copyTree(versionDir, modelDir.resolve(bundle.version()));
            try (SidecarSession sidecar = SidecarSession.start(temp)) {
                sidecar.awaitModel(bundle.model(), bundle.version());
                return score(RerankerBundle.dictionary(versionDir), bundle.version(),
                        new RerankerClient(sidecar.client, bundle), bundle.nilThreshold(), dev);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(versionDir + ": cannot stage the version for scoring: " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
    }

    private Score score(MentionDictionary dictionary, String version, CandidateScorer scorer, double nilThreshold,
                        List<PubTatorDocument> dev) {
        KnowledgeBase linkingKb = LinkingEvalCommand.withDictionaryNames(kb, dictionary, version);
        var linker = LinkingEvalCommand.linker(kbRetriever, kb, linkingKb, dictionary, scorer, settings.k(),
                nilThreshold);
        Map<String, Object> metrics = LinkingEvalCommand.goldMentions(dev, resolver, linker,
                ErrorLog.open(null, linkingKb), Math.max(1, Runtime.getRuntime().availableProcessors()));
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) metrics.getOrDefault("all", Map.of());
        return new Score(linker.modelVersion(), number(all.get("acc@1")), number(all.get("acc@5")),
                (int) number(all.get("mentions")), metrics);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
