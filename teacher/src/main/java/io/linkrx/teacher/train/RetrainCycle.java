package io.linkrx.teacher.train;

import io.linkrx.config.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.eval.linking.RerankerRetraining;
import io.linkrx.eval.linking.RerankerRetraining.Score;
import io.linkrx.serving.repository.PinStore;

/**
 * One retrain of the re-ranker, free of Kafka: labels → training set (human corpora + labels) → trained model →
 * scored on the dev corpus through its exported ONNX graph → published as the next version → compared with the
 * serving version scored the same way → PROMOTED when dev Acc@1 does not drop, else REJECTED.
 * <p>
 * The sidecar serves the newest version of an unpinned model, so before publishing, the model is pinned to the
 * version that serves now; only a PROMOTED event (applied by the sidecar's model-events follower) moves the pin.
 */
public final class RetrainCycle {
    /** What a cycle did; {@code servingVersion} and {@code serving} are empty when no version existed. */
    public record Outcome(String model, long version, Optional<String> servingVersion, boolean promoted, String reason,
                          Score candidate, Optional<Score> serving, Map<String, Object> trainedOn) {
        /** Training counts for the PUBLISHED event. */
        public Map<String, Double> trainingMetrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            trainedOn.forEach((k, v) -> {
                if (v instanceof Number n) {
                    m.put(k, n.doubleValue());
                }
            });
            @SuppressWarnings("unchecked")
            Map<String, Integer> bySource = (Map<String, Integer>) trainedOn.getOrDefault("labels_by_source", Map.of());
            bySource.forEach((source, n) -> m.put("labels_" + source, n.doubleValue()));
            return m;
        }

        /** Dev scores of the candidate and of the serving version, for the PROMOTED or REJECTED event. */
        public Map<String, Double> decisionMetrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("dev_acc_at_1", candidate.accAt1());
            m.put("dev_acc_at_5", candidate.accAt5());
            m.put("dev_mentions", (double) candidate.mentions());
            serving.ifPresent(s -> {
                m.put("serving_dev_acc_at_1", s.accAt1());
                m.put("serving_dev_acc_at_5", s.accAt5());
                m.put("dev_acc_at_1_delta", Math.round((candidate.accAt1() - s.accAt1()) * 10000) / 10000.0);
            });
            return m;
        }
    }

    private final RerankerRetraining retraining;
    private final List<Path> humanCorpora;
    private final List<PubTatorDocument> humanDocuments;
    private final Path devCorpus;
    private final List<PubTatorDocument> dev;
    private final Path repository;
    private final String model;

    public RetrainCycle(RerankerRetraining retraining, List<Path> humanCorpora, Path devCorpus, Path repository,
                        String model) {
        this.retraining = retraining;
        this.humanCorpora = List.copyOf(humanCorpora);
        List<PubTatorDocument> docs = new ArrayList<>();
        humanCorpora.forEach(p -> docs.addAll(PubTatorReader.read(p)));
        this.humanDocuments = List.copyOf(docs);
        this.devCorpus = devCorpus;
        this.dev = PubTatorReader.read(devCorpus);
        this.repository = repository;
        this.model = model;
    }

    /**
     * @param labels      every stored label (duplicates are resolved here)
     * @param labelDigest digest of the label store, recorded in the version's reranker.json
     */
    public Outcome run(List<StoredLabel> labels, String labelDigest) {
        Path modelDir = repository.resolve(model);
        Optional<String> servingVersion = servingVersion(modelDir);
        TrainingSet set = TrainingSet.of(humanDocuments, labels);
        RerankerRetraining.Trained trained = retraining.train(set.documents(), set::weight);
        long version = Math.max(RerankerRetraining.nextVersion(modelDir), servingVersion.map(Long::parseLong).orElse(0L) + 1);

        Map<String, Object> trainedOn = new LinkedHashMap<>();
        trainedOn.put("trainer", "linkrx trainer (teacher loop)");
        trainedOn.put("human_corpora", humanCorpora.stream().map(Path::toString).toList());
        trainedOn.put("label_store_digest", labelDigest);
        trainedOn.put("labels_stored", labels.size());
        trainedOn.putAll(set.describe());
        trainedOn.put("rows", trained.rows());
        trainedOn.put("mentions", trained.mentions());
        trainedOn.put("mentions_with_gold_candidate", trained.mentionsWithGoldCandidate());
        trainedOn.put("dev_corpus", devCorpus.toString());

        Score candidate = scoreStaged(trained, version);
        Optional<Score> serving = servingVersion.map(v -> retraining.scoreServed(modelDir.resolve(v), dev));
        boolean promoted = serving.isEmpty() || candidate.accAt1() >= serving.get().accAt1();
        String reason = serving.isEmpty() ? "first version of the model"
                : String.format(java.util.Locale.ROOT, "dev Acc@1 %.4f %s serving version %s's %.4f", candidate.accAt1(),
                        promoted ? (candidate.accAt1() > serving.get().accAt1() ? "beats" : "equals") : "drops below",
                        servingVersion.get(), serving.get().accAt1());

        pinServing(modelDir, servingVersion);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("dev_acc_at_1", candidate.accAt1());
        metrics.put("dev_acc_at_5", candidate.accAt5());
        metrics.put("dev_mentions", candidate.mentions());
        retraining.export(trained, repository, model, version, trainedOn, metrics);
        return new Outcome(model, version, servingVersion, promoted, reason, candidate, serving, trainedOn);
    }

    /** The version the sidecar serves: the pinned one, else the newest; empty when the model has no version. */
    public static Optional<String> servingVersion(Path modelDir) {
        OptionalLong pin = PinStore.read(modelDir);
        if (pin.isPresent() && Files.isDirectory(modelDir.resolve(Long.toString(pin.getAsLong())))) {
            return Optional.of(Long.toString(pin.getAsLong()));
        }
        long next = RerankerRetraining.nextVersion(modelDir);
        return next > 1 ? Optional.of(Long.toString(next - 1)) : Optional.empty();
    }

    /** Keeps the sidecar on the serving version once a newer one appears beside it. */
    private static void pinServing(Path modelDir, Optional<String> servingVersion) {
        if (servingVersion.isEmpty()) {
            return; // nothing serves yet: the first version may serve as soon as it is published
        }
        long serving = Long.parseLong(servingVersion.get());
        if (PinStore.read(modelDir).orElse(-1) != serving) {
            try {
                PinStore.write(modelDir, OptionalLong.of(serving));
            } catch (IOException e) {
                throw new UncheckedIOException(modelDir + ": cannot pin version " + serving + ": " + e.getMessage(), e);
            }
        }
    }

    /** Scores the candidate's ONNX export from a private staging repository, before anything is published. */
    private Score scoreStaged(RerankerRetraining.Trained trained, long version) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("linkrx-candidate");
            Path dir = retraining.export(trained, staging, model, version, Map.of(), Map.of());
            return retraining.scoreServed(dir, dev);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the candidate: " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }
}
