package io.linkrx.serving.repository;

import io.linkrx.serving.batch.RowSumModel;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test loader (kind {@code test-rowsum}, registered in src/test/resources/META-INF/services): loads a
 * {@link RowSumModel}. A file named {@code fail} in the version directory makes the load fail; config parameter
 * {@code infer_delay_ms} slows inference; a gate in {@link #LOAD_GATES} holds a model's load until opened.
 */
public final class TestRowSumLoader implements ModelLoader {
    public static final String KIND = "test-rowsum";
    /** Every model loaded, in load order. */
    public static final List<RowSumModel> LOADED = new CopyOnWriteArrayList<>();
    /** Model name → gate its next load waits at. */
    public static final Map<String, CountDownLatch> LOAD_GATES = new ConcurrentHashMap<>();
    /** Model name → counted down when a load reached its gate. */
    public static final Map<String, CountDownLatch> LOAD_ENTERED = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ServedModel load(ModelConfig config, Path versionDir, String version, RuntimeSettings runtime) throws IOException {
        CountDownLatch entered = LOAD_ENTERED.get(config.getName());
        if (entered != null) {
            entered.countDown();
        }
        CountDownLatch gate = LOAD_GATES.get(config.getName());
        if (gate != null) {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("test load gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (Files.exists(versionDir.resolve("fail"))) {
            throw new IOException("model file is corrupt");
        }
        ModelParameter delay = config.getParametersMap().get("infer_delay_ms");
        long delayMs = delay == null ? 0 : Long.parseLong(delay.getStringValue());
        RowSumModel model = new RowSumModel(config.getName(), version, config.getMaxBatchSize(), delayMs);
        LOADED.add(model);
        return model;
    }

    /** The last loaded model of that name and version. */
    public static RowSumModel model(String name, String version) {
        for (int i = LOADED.size() - 1; i >= 0; i--) {
            RowSumModel m = LOADED.get(i);
            if (m.name().equals(name) && m.version().equals(version)) {
                return m;
            }
        }
        throw new AssertionError("no loaded model " + name + " version " + version);
    }
}
