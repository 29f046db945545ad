package io.linkrx.rerank;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of knowledge-base names, which do not change while the encoder version does not: after warm-up a
 * note only sends its mentions to the sidecar. Vectors belong to one served model version; an answer from
 * another version (a hot swap) empties the cache, because vectors of two versions are not comparable.
 * Bounded (least recently used names leave first) and thread-safe.
 */
final class NameVectorCache {
    private final int capacity;
    private final LinkedHashMap<String, float[]> vectors;
    private String modelVersion = "";

    NameVectorCache(int capacity) {
        this.capacity = capacity;
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > NameVectorCache.this.capacity;
            }
        };
    }

    /** The cached vectors of these names under the current version; names without one are absent. */
    synchronized Map<String, float[]> lookup(List<String> names) {
        Map<String, float[]> found = new HashMap<>();
        for (String name : names) {
            float[] v = vectors.get(name);
            if (v != null) {
                found.put(name, v);
            }
        }
        return found;
    }

    /** The version the cached vectors belong to ({@code ""} before the first answer). */
    synchronized String modelVersion() {
        return modelVersion;
    }

    /** Stores vectors embedded by {@code version}; a new version first drops everything of the old one. */
    synchronized void store(String version, Map<String, float[]> embedded) {
        if (!version.equals(modelVersion)) {
            vectors.clear();
            modelVersion = version;
        }
        vectors.putAll(embedded);
    }

    synchronized int size() {
        return vectors.size();
    }
}
