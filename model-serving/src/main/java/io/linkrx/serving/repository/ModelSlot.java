package io.linkrx.serving.repository;

import io.linkrx.serving.config.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One model of the repository. Requests read {@link #serving} without locks; the repository changes it (under its
 * lock) by publishing a new immutable snapshot, which is the atomic switch of a hot swap.
 */
final class ModelSlot {
    /** The loaded versions and the one answering requests that name no version. */
    record Serving(NavigableMap<Long, LoadedVersion> versions, LoadedVersion current) {
        static final Serving EMPTY = new Serving(Collections.emptyNavigableMap(), null);

        Serving {
            versions = Collections.unmodifiableNavigableMap(new TreeMap<>(versions));
        }
    }

    /** A load that failed, remembered so an unchanged directory is not retried on every poll. */
    record FailedLoad(String dirSignature, String configText) {}

    final String name;
    final Path dir;
    volatile Serving serving = Serving.EMPTY;
    volatile String lastError;
    volatile Long pinned;

    // guarded by the repository's lock
    String configText;
    ModelConfig config;
    String rejectedConfigText;
    Long warnedMissingPin;
    final Map<Long, FailedLoad> failed = new HashMap<>();
    /** Versions that served before the current one, most recent first (for rollback). */
    final Deque<Long> history = new ArrayDeque<>();

    ModelSlot(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }
}
