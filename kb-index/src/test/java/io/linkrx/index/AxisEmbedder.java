package io.linkrx.index;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "semantic" test encoder: every name of the i-th concept is axis i, so names of one concept are identical and
 * other concepts orthogonal; other texts get the vectors they are taught. Counts its calls.
 */
final class AxisEmbedder implements TextEmbedder {
    final AtomicInteger calls = new AtomicInteger();
    final List<List<String>> batches = new ArrayList<>();
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, Integer> axes = new HashMap<>();
    private final int width;
    private final String modelId;

    AxisEmbedder(KnowledgeBase kb, String modelId) {
        this.width = kb.size();
        this.modelId = modelId;
        int axis = 0;
        for (Concept c : kb.concepts()) {
            axes.put(c.id(), axis);
            for (String name : c.names()) {
                vectors.put(name, mix(Map.of(c.id(), 1.0)));
            }
            axis++;
        }
    }

    /** Teaches {@code text} a vector mixing concept axes. */
    AxisEmbedder teach(String text, Map<String, Double> weights) {
        vectors.put(text, mix(weights));
        return this;
    }

    private float[] mix(Map<String, Double> weights) {
        float[] v = new float[width];
        weights.forEach((id, w) -> v[axes.get(id)] = w.floatValue());
        return v;
    }

    @Override
    public synchronized float[][] embed(List<String> texts) {
        calls.incrementAndGet();
        batches.add(List.copyOf(texts));
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = vectors.get(texts.get(i));
            if (v == null) {
                throw new EmbeddingException("untaught text");
            }
            out[i] = v;
        }
        return out;
    }

    @Override
    public String modelId() {
        return modelId;
    }
}
