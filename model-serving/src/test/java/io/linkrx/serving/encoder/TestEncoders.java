package io.linkrx.serving.encoder;

import com.google.protobuf.TextFormat;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.RuntimeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped encoders written once per build into {@code target/test-models/<id>/} (installing is idempotent), and
 * their parsed config.pbtxt.
 */
public final class TestEncoders {
    public static final Path REPOSITORY = Path.of("target", "test-models");

    private TestEncoders() {}

    /** {@code target/test-models/<id>} with config.pbtxt and version 1. */
    public static synchronized Path modelDir(String id) {
        try {
            return ShippedEncoders.install(id, REPOSITORY, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path versionDir(String id) {
        return modelDir(id).resolve("1");
    }

    public static ModelConfig config(String id) {
        return parse(modelDir(id).resolve("config.pbtxt"));
    }

    public static ModelConfig parse(Path configPbtxt) {
        try {
            return parseText(Files.readString(configPbtxt, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelConfig parseText(String text) {
        try {
            ModelConfig.Builder b = ModelConfig.newBuilder();
            TextFormat.getParser().merge(text, b);
            return b.build();
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** CPU, two intra-op threads (the machine has two cores). */
    public static RuntimeSettings cpu() {
        return new RuntimeSettings("cpu", 0, 2, 1, "all", true);
    }

    public static EncoderModel load(String id, RuntimeSettings runtime) throws IOException {
        return new EncoderModelLoader().loadEncoder(config(id), versionDir(id), "1", runtime);
    }

    public static EncoderModel load(String id) throws IOException {
        return load(id, cpu());
    }
}
