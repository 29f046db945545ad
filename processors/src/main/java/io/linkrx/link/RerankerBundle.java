package io.linkrx.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the app needs next to a served re-ranker version (files in the model's version directory, beside
 * {@code model.onnx}): the feature contract, the output column of "is the concept", the NIL threshold and the
 * mention dictionary the features read. The sidecar serves the ONNX file; the app reads the rest.
 *
 * @param model           served model name, e.g. "reranker"
 * @param version         version directory name
 * @param featuresVersion {@link LinkingFeatures#VERSION} the model was trained with
 * @param features        feature names in input column order
 * @param input           ONNX input tensor name (FP32 [N, features])
 * @param output          ONNX output tensor name (FP32 [N, classes], probabilities)
 * @param linkColumn      output column holding P(candidate is the mention's concept)
 * @param nilThreshold    below this best probability a mention is NIL
 * @param trainedOn       training corpora and settings, for audit
 * @param metrics         dev metrics measured after training
 */
public record RerankerBundle(String model, String version, String featuresVersion, List<String> features, String input,
                             String output, int linkColumn, double nilThreshold, Map<String, Object> trainedOn,
                             Map<String, Object> metrics) {
    public static final String FILE = "reranker.json";
    public static final String DICTIONARY_FILE = "mention-dictionary.tsv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RerankerBundle {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        features = List.copyOf(features);
        trainedOn = trainedOn == null ? Map.of() : Map.copyOf(trainedOn);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** Reads {@code reranker.json} of a version directory and checks it against this build's features. */
    public static RerankerBundle read(Path versionDir) {
        Path file = versionDir.resolve(FILE);
        try {
            RerankerBundle b = JSON.readValue(file.toFile(), RerankerBundle.class);
            if (!LinkingFeatures.VERSION.equals(b.featuresVersion()) || !LinkingFeatures.NAMES.equals(b.features())) {
                throw new IllegalArgumentException(file + ": the model was trained on features " + b.featuresVersion()
                        + " but this build computes " + LinkingFeatures.VERSION + "; retrain it");
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read re-ranker bundle: " + e.getMessage(), e);
        }
    }

    /** The mention dictionary stored with this version. */
    public static MentionDictionary dictionary(Path versionDir) {
        Path file = versionDir.resolve(DICTIONARY_FILE);
        return Files.exists(file) ? MentionDictionary.read(file) : MentionDictionary.empty();
    }

    public void write(Path versionDir) {
        try {
            Files.createDirectories(versionDir);
            JSON.writeValue(versionDir.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(versionDir + ": cannot write re-ranker bundle: " + e.getMessage(), e);
        }
    }

    /** The newest numeric version directory of a Triton-layout model directory. */
    public static Path latestVersion(Path modelDir) {
        try (var dirs = Files.list(modelDir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d+"))
                    .max(java.util.Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString())))
                    .orElseThrow(() -> new IllegalArgumentException(modelDir + ": no numeric version directory"));
        } catch (IOException e) {
            throw new UncheckedIOException(modelDir + ": cannot list model versions: " + e.getMessage(), e);
        }
    }
}
