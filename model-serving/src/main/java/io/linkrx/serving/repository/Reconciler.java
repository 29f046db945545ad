package io.linkrx.serving.repository;

import io.linkrx.serving.config.ModelConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a model's loaded versions in line with its directory, config and pin: loads what should serve, publishes
 * the new snapshot atomically, and retires what left it. Called under the repository's lock only.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);
    private static final int HISTORY = 16;

    private final VersionLoader loader;
    private final RepositoryListener listener;
    private final List<CompletableFuture<Void>> closing = new ArrayList<>();

    Reconciler(VersionLoader loader, RepositoryListener listener) {
        this.loader = loader;
        this.listener = listener;
    }

    void removeModel(ModelSlot slot) {
        LOG.info("Model '{}' left the repository; unloading it", slot.name);
        ModelSlot.Serving old = slot.serving;
        slot.serving = ModelSlot.Serving.EMPTY;
        old.versions().values().forEach(v -> retire(slot, v));
        listener.modelRemoved(slot.name);
    }

    /** Brings one model in line with its directory, config.pbtxt and pin file. */
    void reconcile(ModelSlot slot) {
        if (!readConfig(slot)) {
            return;
        }
        NavigableSet<Long> onDisk = VersionDirs.list(slot.dir);
        OptionalLong pin = PinStore.read(slot.dir);
        slot.pinned = pin.isPresent() ? pin.getAsLong() : null;
        List<Long> desired;
        if (pin.isPresent() && onDisk.contains(pin.getAsLong())) {
            desired = List.of(pin.getAsLong());
            slot.warnedMissingPin = null;
        } else {
            if (pin.isPresent() && !Objects.equals(slot.warnedMissingPin, pin.getAsLong())) {
                LOG.warn("Model '{}' is pinned to version {}, which has no directory; serving by version policy", slot.name, pin.getAsLong());
                slot.warnedMissingPin = pin.getAsLong();
            }
            desired = VersionPolicies.select(slot.config.getVersionPolicy(), onDisk);
        }
        if (onDisk.isEmpty() && slot.lastError == null) {
            slot.lastError = "no version directories";
        }

        ModelSlot.Serving current = slot.serving;
        NavigableMap<Long, LoadedVersion> next = new TreeMap<>();
        boolean anyFailed = false;
        for (Long v : desired) {
            LoadedVersion have = current.versions().get(v);
            if (have != null && have.configText.equals(slot.configText)) {
                next.put(v, have);
                continue;
            }
            LoadedVersion loaded = loader.tryLoad(slot, v);
            if (loaded != null) {
                next.put(v, loaded);
            } else {
                anyFailed = true;
            }
        }
        if (anyFailed) {
            // keep serving what served, as long as its directory is still there
            current.versions().forEach((v, lv) -> {
                if (!next.containsKey(v) && onDisk.contains(v)) {
                    next.put(v, lv);
                }
            });
            if (next.isEmpty()) {
                // nothing serves yet (e.g. a restart after a broken push): the newest older version that loads
                for (Long v : onDisk.descendingSet()) {
                    if (!desired.contains(v)) {
                        LoadedVersion fallback = loader.tryLoad(slot, v);
                        if (fallback != null) {
                            LOG.warn("Model '{}' serves version {} because the version(s) {} failed to load", slot.name, v, desired);
                            next.put(v, fallback);
                            break;
                        }
                    }
                }
            }
        } else if (!next.isEmpty()) {
            slot.lastError = null;
        }
        publish(slot, current, next);
    }

    /** Reads and parses config.pbtxt when it changed; false when the model has no usable config yet. */
    private boolean readConfig(ModelSlot slot) {
        String text;
        try {
            text = ModelConfigs.read(slot.dir);
        } catch (IOException e) {
            LOG.warn("Cannot read {} of model '{}': {}", ModelConfigs.FILE_NAME, slot.name, e.toString());
            return slot.config != null;
        }
        if (text.equals(slot.configText) || text.equals(slot.rejectedConfigText)) {
            return slot.config != null;
        }
        try {
            ModelConfig parsed = ModelConfigs.parseFor(slot.name, text);
            slot.config = parsed;
            slot.configText = text;
            slot.rejectedConfigText = null;
            return true;
        } catch (com.google.protobuf.TextFormat.ParseException | IllegalArgumentException e) {
            slot.rejectedConfigText = text;
            slot.lastError = "invalid " + ModelConfigs.FILE_NAME + ": " + e.getMessage();
            LOG.error("Model '{}': invalid {} ({}); {}", slot.name, ModelConfigs.FILE_NAME, e.getMessage(),
                    slot.config == null ? "not loading it" : "keeping the loaded versions");
            listener.loadFailed(slot.name, "", slot.lastError);
            return slot.config != null;
        }
    }

    /** The atomic switch: publish the new snapshot, then retire what left it. */
    private void publish(ModelSlot slot, ModelSlot.Serving current, NavigableMap<Long, LoadedVersion> next) {
        LoadedVersion newCurrent = next.isEmpty() ? null
                : slot.pinned != null && next.containsKey(slot.pinned) ? next.get(slot.pinned) : next.lastEntry().getValue();
        boolean same = newCurrent == current.current() && next.equals(current.versions());
        if (same) {
            return;
        }
        slot.serving = new ModelSlot.Serving(next, newCurrent);
        LoadedVersion old = current.current();
        if (old != newCurrent) {
            String from = old == null ? null : old.version();
            String to = newCurrent == null ? null : newCurrent.version();
            if (old != null && (newCurrent == null || old.number != newCurrent.number)) {
                slot.history.remove(old.number);
                slot.history.addFirst(old.number);
                while (slot.history.size() > HISTORY) {
                    slot.history.removeLast();
                }
            }
            if (to == null) {
                LOG.warn("Model '{}' has no loaded version any more (was {})", slot.name, from);
            } else {
                LOG.info("Model '{}' now serves version {}{}", slot.name, to, from == null ? "" : " (was " + from + ")");
            }
            listener.servingVersionChanged(slot.name, from, to);
        }
        current.versions().forEach((v, lv) -> {
            if (next.get(v) != lv) {
                retire(slot, lv);
            }
        });
    }

    private void retire(ModelSlot slot, LoadedVersion v) {
        LOG.info("Retiring model '{}' version {} ({} requests in flight)", slot.name, v.version(), v.inFlight());
        listener.versionUnloaded(slot.name, v.version());
        synchronized (closing) {
            closing.removeIf(CompletableFuture::isDone);
            closing.add(v.closed());
        }
        v.retire();
    }

    /** Stops serving every version of the model (shutdown). */
    void unloadAll(ModelSlot slot) {
        ModelSlot.Serving old = slot.serving;
        slot.serving = ModelSlot.Serving.EMPTY;
        old.versions().values().forEach(v -> retire(slot, v));
    }

    /** Waits until every retired version is closed; true when all are. */
    boolean awaitClosed(long timeoutMillis) {
        List<CompletableFuture<Void>> pending;
        synchronized (closing) {
            pending = new ArrayList<>(closing);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warn("Some model versions did not finish their requests within {} ms", timeoutMillis);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
