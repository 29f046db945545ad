package io.linkrx.serving.repository;

import io.linkrx.serving.batch.BatchPolicy;
import io.linkrx.serving.batch.DynamicBatcher;
import io.linkrx.serving.model.ModelLoader;
import io.linkrx.serving.model.ServedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version of a model through the {@link ModelLoader} of its kind and gives it a batcher. A failure is
 * logged, counted and remembered, so an unchanged broken directory is not loaded again on every poll.
 */
final class VersionLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);

    private final ModelLoaders loaders;
    private final RepositoryOptions options;
    private final RepositoryListener listener;
    private final Executor closer;

    VersionLoader(ModelLoaders loaders, RepositoryOptions options, RepositoryListener listener, Executor closer) {
        this.loaders = loaders;
        this.options = options;
        this.listener = listener;
        this.closer = closer;
    }

    /** The loaded version, or null when it failed (or failed before and its directory and config are unchanged). */
    LoadedVersion tryLoad(ModelSlot slot, long version) {
        Path dir = VersionDirs.of(slot.dir, version);
        String signature = VersionDirs.signature(dir);
        ModelSlot.FailedLoad failed = slot.failed.get(version);
        if (failed != null && failed.dirSignature().equals(signature) && failed.configText().equals(slot.configText)) {
            return null;
        }
        String kind = ModelConfigs.kind(slot.config);
        ServedModel model = null;
        long start = System.nanoTime();
        try {
            ModelLoader loader = loaders.forKind(kind).orElseThrow(() -> new IOException(
                    "no model loader for kind '" + kind + "' (known: " + loaders.kinds() + ")"));
            LOG.info("Loading model '{}' version {} (kind {})", slot.name, version, kind);
            model = loader.load(slot.config, dir, dir.getFileName().toString(), options.runtime());
            BatchPolicy policy = BatchPolicy.of(slot.config, model, options.queueCapacity(), options.workers());
            DynamicBatcher batcher = new DynamicBatcher(model, policy, listener.batchObserver(slot.name));
            slot.failed.remove(version);
            LOG.info("Loaded model '{}' version {} on {} in {} ms ({})", slot.name, model.version(), model.device(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), describe(policy));
            listener.versionLoaded(slot.name, model.version(), model.device(), model.platform());
            return new LoadedVersion(version, model, batcher, slot.config, slot.configText, closer, options.drainTimeout().toMillis());
        } catch (Exception | LinkageError e) {
            if (model != null) {
                closeQuietly(model);
            }
            String reason = "version " + version + " failed to load: " + e;
            slot.failed.put(version, new ModelSlot.FailedLoad(signature, slot.configText));
            slot.lastError = reason;
            LoadedVersion serving = slot.serving.current();
            LOG.error("Model '{}' {}{}", slot.name, reason, serving == null ? "" : "; still serving version " + serving.version(), e);
            listener.loadFailed(slot.name, Long.toString(version), reason);
            return null;
        }
    }

    private static String describe(BatchPolicy p) {
        return p.enabled()
                ? "dynamic batching: max " + p.maxBatchSize() + ", preferred " + p.preferredSizesAscending()
                        + ", delay " + TimeUnit.NANOSECONDS.toMicros(p.maxQueueDelayNanos()) + " us, queue " + p.queueCapacity()
                        + ", workers " + p.workers()
                : "no batching, queue " + p.queueCapacity() + ", workers " + p.workers();
    }

    private static void closeQuietly(ServedModel model) {
        try {
            model.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing a model that failed to start failed too: {}", e.toString());
        }
    }
}
