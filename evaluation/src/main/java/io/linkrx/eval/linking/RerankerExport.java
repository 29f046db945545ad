package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.linkrx.link.LinkingFeatures;
import io.linkrx.link.MentionDictionary;
import io.linkrx.link.RerankerBundle;

/**
 * Exports a trained re-ranker into a Triton-layout model repository the sidecar serves:
 * {@code <repo>/<model>/config.pbtxt} and {@code <repo>/<model>/<version>/{model.onnx, reranker.json,
 * mention-dictionary.tsv}}. The model writes its own ONNX graph.
 */
final class RerankerExport {
    /** Tribuo names the graph's input and output like this. */
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private RerankerExport() {
    }

    static RerankerBundle export(TrainedRanker model, MentionDictionary dictionary, Path repository, String modelName,
                                 long version, double nilThreshold, Map<String, Object> trainedOn,
                                 Map<String, Object> metrics) {
        int width = model.features();
        if (width != LinkingFeatures.size()) {
            throw new IllegalStateException("the trained model knows " + width + " of " + LinkingFeatures.size()
                    + " features (a feature never varied in training); it cannot serve the feature contract");
        }
        Path modelDir = repository.resolve(modelName);
        Path finalDir = modelDir.resolve(Long.toString(version));
        // written beside, then renamed: a polling sidecar never sees a version directory without its files
        Path versionDir = modelDir.resolve("." + version + ".partial");
        try {
            Files.createDirectories(versionDir);
            Files.writeString(modelDir.resolve("config.pbtxt"), "name: \"" + modelName + "\"\n"
                    + "backend: \"onnxruntime\"\n"
                    + "max_batch_size: 0\n"
                    + "parameters { key: \"kind\" value { string_value: \"onnx\" } }\n");
            model.writeOnnx(versionDir.resolve("model.onnx"), version);
        } catch (IOException e) {
            throw new UncheckedIOException(versionDir + ": cannot export re-ranker: " + e.getMessage(), e);
        }
        dictionary.write(versionDir.resolve(RerankerBundle.DICTIONARY_FILE));
        int linkColumn = model.linkColumn();
        RerankerBundle bundle = new RerankerBundle(modelName, Long.toString(version), LinkingFeatures.VERSION,
                LinkingFeatures.NAMES, INPUT, OUTPUT, linkColumn, nilThreshold, trainedOn, metrics);
        bundle.write(versionDir);
        try {
            Files.move(versionDir, finalDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(finalDir + ": cannot publish the exported re-ranker: " + e.getMessage(), e);
        }
        return bundle;
    }
}
