package io.linkrx.serving.encoder;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.onnx.ConfigParameters;
import io.linkrx.serving.onnx.OrtSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Kind {@code encoder}: a Hugging Face ONNX export in a version directory ({@code model.onnx} +
 * {@code tokenizer.json}). config.pbtxt parameters (all optional):
 * <ul>
 *   <li>{@code pooling}: {@code mean} (default) or {@code cls}</li>
 *   <li>{@code max_length}: tokens per text after truncation, special tokens included (default 256)</li>
 *   <li>{@code output}: the token-state output (default {@code last_hidden_state})</li>
 *   <li>{@code normalize}: L2-normalise the embeddings (default true)</li>
 *   <li>{@code text_prefix}: prepended to every text before tokenisation (e5: {@code "query: "})</li>
 *   <li>{@code tokenizer}, {@code model_filename}: file names (defaults {@code tokenizer.json},
 *   {@code model.onnx})</li>
 * </ul>
 * {@code max_batch_size} (default 64) bounds the texts of one call.
 */
public final class EncoderModelLoader implements ModelLoader {
    public static final String KIND = "encoder";
    public static final int DEFAULT_MAX_LENGTH = 256;
    public static final int DEFAULT_MAX_BATCH_SIZE = 64;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime)
            throws IOException {
        return loadEncoder(config, versionDir, version, runtime);
    }

    /** Like {@link #load} with the concrete type (in-process callers, tests, benchmarks). */
    public EncoderModel loadEncoder(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime)
            throws IOException {
        ModelConfig c = config == null ? ModelConfig.getDefaultInstance() : config;
        String name = c.getName().isEmpty() ? versionDir.toAbsolutePath().getParent().getFileName().toString() : c.getName();
        String label = name + "/" + version;
        try {
            ConfigParameters p = new ConfigParameters(c, label);
            EncoderModel.Settings settings;
            try {
                settings = new EncoderModel.Settings(
                        Pooling.parse(p.string("pooling", "mean")),
                        p.integer("max_length", DEFAULT_MAX_LENGTH, 2, 1 << 16),
                        p.string("output", null),
                        p.bool("normalize", true),
                        p.raw("text_prefix", ""),
                        c.getMaxBatchSize() > 0 ? c.getMaxBatchSize() : DEFAULT_MAX_BATCH_SIZE);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("model ") ? e.getMessage()
                        : "model " + label + ": " + e.getMessage(), e);
            }
            Path modelFile = versionDir.resolve(p.string("model_filename", "model.onnx"));
            Path tokenizerFile = versionDir.resolve(p.string("tokenizer", "tokenizer.json"));
            for (Path f : new Path[] {modelFile, tokenizerFile}) {
                if (!Files.isRegularFile(f)) {
                    throw new NoSuchFileException(f.toString(), null, "model " + label + ": "
                            + (f == modelFile ? "ONNX model file" : "tokenizer file") + " not found");
                }
            }
            TextTokenizer tokenizer = new TextTokenizer(tokenizerFile, settings.maxLength());
            OrtSessions.Opened opened;
            try {
                opened = OrtSessions.open(modelFile, runtime, label);
            } catch (IOException | RuntimeException e) {
                tokenizer.close();
                throw e;
            }
            return new EncoderModel(name, version, opened, tokenizer, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
