package io.linkrx.serving.repository;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.nio.file.Path;
import java.util.List;

/** Test loader (kind {@code test-text}): BYTES {@code text} [B, 1] → INT64 {@code length} [B, 1] (UTF-8 bytes). */
public final class TestTextLoader implements ModelLoader {
    public static final String KIND = "test-text";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime) {
        return new ServedModel() {
            @Override
            public String name() {
                return config.getName();
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public String platform() {
                return "linkrx_test";
            }

            @Override
            public List<TensorSpec> inputs() {
                return List.of(new TensorSpec("text", TensorType.BYTES, new long[] {-1, 1}));
            }

            @Override
            public List<TensorSpec> outputs() {
                return List.of(new TensorSpec("length", TensorType.INT64, new long[] {-1, 1}));
            }

            @Override
            public int maxBatchSize() {
                return config.getMaxBatchSize();
            }

            @Override
            public String device() {
                return "cpu";
            }

            @Override
            public List<Tensor> infer(List<Tensor> inputs) throws ModelException {
                byte[][] text = (byte[][]) inputs.get(0).data();
                long[] lengths = new long[text.length];
                for (int i = 0; i < text.length; i++) {
                    lengths[i] = text[i].length;
                }
                return List.of(Tensor.int64("length", new long[] {text.length, 1}, lengths));
            }

            @Override
            public void close() {}
        };
    }
}
