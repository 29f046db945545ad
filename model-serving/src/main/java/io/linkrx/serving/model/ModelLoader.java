package io.linkrx.serving.model;

import io.linkrx.serving.config.ModelConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads one kind of model from a version directory of the repository ({@code <repo>/<model>/<version>/}).
 * Found through {@link java.util.ServiceLoader}; the kind is the config.pbtxt parameter {@code kind}
 * (default {@code onnx}: any ONNX model, tensors passed through).
 */
public interface ModelLoader {
    String kind();

    ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime) throws IOException;
}
