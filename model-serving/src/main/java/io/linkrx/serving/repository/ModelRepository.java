package io.linkrx.serving.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model repository in Triton's layout: {@code <repo>/<model>/config.pbtxt} and numeric version directories
 * {@code <repo>/<model>/<version>/}. Serves each model's newest version (or those its {@code version_policy}
 * names, or the pinned one); a poller notices new and removed versions, loads the new one fully, switches to it
 * atomically and closes the old one after its in-flight requests drained. A failed load keeps the serving version.
 */
public final class ModelRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);
        private static final int MAX_NAME_IN_MESSAGE = 128;

    private final Path root;
    private final RepositoryOptions options;
    private final RepositoryListener listener;
    private final Reconciler reconciler;
    private final Map<String, ModelSlot> slots = new ConcurrentHashMap<>();
    /** Serialises every change (polls, pins); requests never take it. */
    private final ReentrantLock changes = new ReentrantLock();
    private final ExecutorService closer = Executors.newCachedThreadPool(daemon("linkrx-model-closer"));
    private ScheduledExecutorService poller;
    private volatile boolean closed;

    public ModelRepository(Path root, RepositoryOptions options, ModelLoaders loaders, RepositoryListener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.listener = listener;
        this.reconciler = new Reconciler(new VersionLoader(loaders, options, listener, closer), listener);
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("Model repository " + this.root + " is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------- requests

    /**
     * Holds a model version for one request. {@code version} empty: the serving version.
     *
     * @throws ModelNotFoundException    no such model, or that version is not loaded
     * @throws ModelUnavailableException the model has no loaded version yet (loading) or its load failed
     */
    public ModelLease acquire(String model, String version) throws ModelNotFoundException, ModelUnavailableException {
        ModelSlot slot = slots.get(model);
        if (slot == null) {
            throw new ModelNotFoundException("unknown model '" + safe(model) + "'");
        }
        long wanted = version == null || version.isEmpty() ? -1 : parseVersion(model, version);
        // a lost race with a hot swap finds the old version retired: read the new snapshot and try again
        for (int attempt = 0; attempt < 1_000; attempt++) {
            ModelSlot.Serving s = slot.serving;
            LoadedVersion v;
            if (wanted < 0) {
                v = s.current();
                if (v == null) {
                    throw new ModelUnavailableException(unavailableMessage(slot));
                }
            } else {
                v = s.versions().get(wanted);
                if (v == null && s.current() == null) {
                    throw new ModelUnavailableException(unavailableMessage(slot));
                }
                if (v == null) {
                    throw new ModelNotFoundException("version " + safe(version) + " of model '" + model
                            + "' is not loaded (loaded: " + versionNames(s.versions().values()) + ")");
                }
            }
            if (v.tryAcquire()) {
                return new ModelLease(v);
            }
            Thread.onSpinWait();
        }
        throw new ModelUnavailableException("model '" + model + "' is switching versions; retry");
    }

    private static long parseVersion(String model, String version) throws ModelNotFoundException {
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            throw new ModelNotFoundException("version '" + safe(version) + "' of model '" + model + "' is not a version number");
        }
    }

    private static String unavailableMessage(ModelSlot slot) {
        String error = slot.lastError;
        return error == null
                ? "model '" + slot.name + "' is loading"
                : "model '" + slot.name + "' has no loaded version: " + error;
    }

    // ---------------------------------------------------------------- status

    /** Whether the repository has this model (loaded or not). */
    public boolean contains(String model) {
        return slots.containsKey(model);
    }

    public List<String> modelNames() {
        return new ArrayList<>(new TreeSet<>(slots.keySet()));
    }

    public List<ModelStatus> status() {
        List<ModelStatus> out = new ArrayList<>();
        for (String name : modelNames()) {
            ModelSlot slot = slots.get(name);
            if (slot != null) {
                out.add(status(slot));
            }
        }
        return out;
    }

    public java.util.Optional<ModelStatus> status(String model) {
        ModelSlot slot = slots.get(model);
        return slot == null ? java.util.Optional.empty() : java.util.Optional.of(status(slot));
    }

    private static ModelStatus status(ModelSlot slot) {
        ModelSlot.Serving s = slot.serving;
        LoadedVersion current = s.current();
        int depth = s.versions().values().stream().mapToInt(v -> v.batcher.queueDepth()).sum();
        ModelStatus.State state = current != null ? ModelStatus.State.READY
                : slot.lastError != null ? ModelStatus.State.UNAVAILABLE : ModelStatus.State.LOADING;
        return new ModelStatus(slot.name, state, current == null ? null : current.version(), versionNames(s.versions().values()),
                current == null ? null : current.model.device(), current == null ? null : current.model.platform(),
                slot.pinned == null ? null : String.valueOf(slot.pinned), depth, slot.lastError);
    }

    /** Every configured model has a loaded version (vacuously true for an empty repository). */
    public boolean ready() {
        return slots.values().stream().allMatch(s -> s.serving.current() != null);
    }

    public int queueDepth(String model) {
        ModelSlot slot = slots.get(model);
        return slot == null ? 0 : slot.serving.versions().values().stream().mapToInt(v -> v.batcher.queueDepth()).sum();
    }

    // ---------------------------------------------------------------- polling

    /** Starts the poller (nothing when the interval is zero). Call {@link #poll()} first for the initial load. */
    public void startPolling() {
        long ms = options.pollInterval().toMillis();
        if (ms <= 0 || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(daemon("linkrx-model-poller"));
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.error("Model repository poll failed; the serving versions stay", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass over the repository: new and removed models, new and removed versions, changed configs and pins.
     * Every model is registered (answering UNAVAILABLE) before the first is loaded.
     */
    public void poll() {
        changes.lock();
        try {
            if (closed) {
                return;
            }
            List<String> onDisk = scanModels();
            for (String name : new ArrayList<>(slots.keySet())) {
                if (!onDisk.contains(name)) {
                    reconciler.removeModel(slots.remove(name));
                }
            }
            for (String name : onDisk) {
                slots.computeIfAbsent(name, n -> {
                    listener.modelDiscovered(n);
                    return new ModelSlot(n, root.resolve(n));
                });
            }
            for (String name : onDisk) {
                reconciler.reconcile(slots.get(name));
            }
        } finally {
            changes.unlock();
        }
    }

    private List<String> scanModels() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve(ModelConfigs.FILE_NAME)))
                    .forEach(d -> names.add(d.getFileName().toString()));
        } catch (IOException e) {
            // an unreadable repository (e.g. a remounting volume) must not unload what serves
            LOG.warn("Cannot list model repository {}: {}; keeping the loaded models", root, e.toString());
            return new ArrayList<>(slots.keySet());
        }
        names.sort(null);
        return names;
    }

    // ---------------------------------------------------------------- pin / rollback

    /**
     * Serves exactly this version from now on, also after a restart. Loads it first when needed; a failed load
     * leaves everything as it was.
     *
     * @return the version now serving
     */
    public String pin(String model, String version) throws ModelNotFoundException {
        changes.lock();
        try {
            ModelSlot slot = requireSlot(model);
            long v = parseVersion(model, version);
            if (!VersionDirs.list(slot.dir).contains(v)) {
                throw new ModelNotFoundException("model '" + model + "' has no version directory " + safe(version));
            }
            OptionalLong before = PinStore.read(slot.dir);
            writePin(slot, OptionalLong.of(v));
            reconciler.reconcile(slot);
            LoadedVersion now = slot.serving.current();
            if (now == null || now.number != v) {
                writePin(slot, before);
                reconciler.reconcile(slot);
                throw new IllegalStateException("model '" + model + "' could not switch to version " + v + ": " + slot.lastError);
            }
            LOG.info("Model '{}' pinned to version {}", model, v);
            return now.version();
        } finally {
            changes.unlock();
        }
    }

    /** Back to the version policy (the newest version by default). */
    public void unpin(String model) throws ModelNotFoundException {
        changes.lock();
        try {
            ModelSlot slot = requireSlot(model);
            writePin(slot, OptionalLong.empty());
            LOG.info("Model '{}' unpinned", model);
            reconciler.reconcile(slot);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Pins the version that served before the current one (or, with no such history, the next lower version on
     * disk).
     *
     * @return the version now serving
     */
    public String rollback(String model) throws ModelNotFoundException {
        changes.lock();
        try {
            ModelSlot slot = requireSlot(model);
            LoadedVersion current = slot.serving.current();
            if (current == null) {
                throw new IllegalStateException("model '" + model + "' serves no version to roll back from");
            }
            NavigableSet<Long> onDisk = VersionDirs.list(slot.dir);
            Long previous = slot.history.stream().filter(v -> v != current.number && onDisk.contains(v)).findFirst()
                    .orElse(onDisk.lower(current.number));
            if (previous == null) {
                throw new IllegalStateException("model '" + model + "' has no version before " + current.version());
            }
            LOG.info("Rolling model '{}' back from version {} to {}", model, current.version(), previous);
            return pin(model, Long.toString(previous));
        } finally {
            changes.unlock();
        }
    }

    public java.util.Optional<String> pinned(String model) {
        ModelSlot slot = slots.get(model);
        return slot == null || slot.pinned == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(slot.pinned));
    }

    private void writePin(ModelSlot slot, OptionalLong version) {
        try {
            PinStore.write(slot.dir, version);
        } catch (IOException e) {
            throw new IllegalStateException("cannot persist the pinned version of model '" + slot.name + "': " + e, e);
        }
    }

    private ModelSlot requireSlot(String model) throws ModelNotFoundException {
        ModelSlot slot = slots.get(model);
        if (slot == null) {
            throw new ModelNotFoundException("unknown model '" + safe(model) + "'");
        }
        return slot;
    }

    // ---------------------------------------------------------------- shutdown

    /** Stops polling, retires every version, and waits (up to the drain timeout) for in-flight requests. */
    @Override
    public void close() {
        changes.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (poller != null) {
                poller.shutdownNow();
            }
            slots.values().forEach(reconciler::unloadAll);
        } finally {
            changes.unlock();
        }
        awaitClosed(options.drainTimeout().toMillis() + 5_000);
        closer.shutdown();
    }

    /** Waits until every retired version is closed; true when all are. */
    public boolean awaitClosed(long timeoutMillis) {
        return reconciler.awaitClosed(timeoutMillis);
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> versionNames(Collection<LoadedVersion> versions) {
        return versions.stream().map(LoadedVersion::version).toList();
    }

    static String safe(String clientText) {
        if (clientText == null) {
            return "";
        }
        return clientText.length() <= MAX_NAME_IN_MESSAGE ? clientText : clientText.substring(0, MAX_NAME_IN_MESSAGE) + "...";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
