package io.linkrx.index.bench;

import io.linkrx.index.TextEmbedder;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic random unit vectors per text: no semantic structure, the hard case for HNSW. */
final class RandomEmbedder implements TextEmbedder {
    private final int width;

    RandomEmbedder(int width) {
        this.width = width;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(texts.get(i).hashCode());
        }
        return out;
    }

    float[] vector(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[width];
        double norm = 0;
        for (int d = 0; d < width; d++) {
            // sum of uniforms: close enough to Gaussian for direction sampling, and cheap
            v[d] = (float) (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5);
            norm += v[d] * v[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < width; d++) {
            v[d] *= scale;
        }
        return v;
    }

    @Override
    public String modelId() {
        return "random-" + width + "@1";
    }
}
