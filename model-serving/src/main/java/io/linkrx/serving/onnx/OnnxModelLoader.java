package io.linkrx.serving.onnx;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Kind {@code onnx} (the default): {@code <version>/model.onnx} (or the file named by the config parameter
 * {@code model_filename}), tensors passed through.
 */
public final class OnnxModelLoader implements ModelLoader {
    public static final String KIND = "onnx";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime)
            throws IOException {
        ModelConfig c = config == null ? ModelConfig.getDefaultInstance() : config;
        String name = c.getName().isEmpty() ? versionDir.toAbsolutePath().getParent().getFileName().toString() : c.getName();
        String label = name + "/" + version;
        try {
            String file = new ConfigParameters(c, label).string("model_filename", "model.onnx");
            OrtSessions.Opened opened = OrtSessions.open(versionDir.resolve(file), runtime, label);
            return new OnnxModel(name, version, c, opened);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
