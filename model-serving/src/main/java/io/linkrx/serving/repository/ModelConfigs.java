package io.linkrx.serving.repository;

import com.google.protobuf.TextFormat;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads Triton's {@code config.pbtxt}. Fields linkrx does not know are skipped, so real Triton configs parse. */
public final class ModelConfigs {
    public static final String FILE_NAME = "config.pbtxt";
    /** Config parameter choosing the {@link io.linkrx.serving.model.ModelLoader}; Triton ignores it. */
    public static final String KIND_PARAMETER = "kind";
    public static final String DEFAULT_KIND = "onnx";

    private static final TextFormat.Parser PARSER = TextFormat.Parser.newBuilder().setAllowUnknownFields(true).build();

    private ModelConfigs() {}

    public static ModelConfig parse(String text) throws TextFormat.ParseException {
        ModelConfig.Builder builder = ModelConfig.newBuilder();
        PARSER.merge(text, builder);
        return builder.build();
    }

    public static String read(Path modelDir) throws IOException {
        return Files.readString(modelDir.resolve(FILE_NAME), StandardCharsets.UTF_8);
    }

    /**
     * Parses a model directory's config text; the name defaults to the directory's, as in Triton, and must match
     * it when given.
     */
    public static ModelConfig parseFor(String modelName, String text) throws TextFormat.ParseException {
        ModelConfig config = parse(text);
        if (config.getName().isEmpty()) {
            return config.toBuilder().setName(modelName).build();
        }
        if (!config.getName().equals(modelName)) {
            throw new IllegalArgumentException("config.pbtxt names model '" + config.getName()
                    + "' but its directory is '" + modelName + "'");
        }
        return config;
    }

    /** The loader kind: config parameter {@code kind}, default {@code onnx}. */
    public static String kind(ModelConfig config) {
        ModelParameter p = config.getParametersMap().get(KIND_PARAMETER);
        return p == null || p.getStringValue().isBlank() ? DEFAULT_KIND : p.getStringValue().trim();
    }
}
