package io.linkrx.index.bench;

import io.linkrx.index.TextEmbedder;
import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Vectors with some of the structure of real sentence embeddings: a concept's names lie near the concept's point
 * in a 32-dimensional latent space, mapped into 384 dimensions by a fixed random matrix, plus a little isotropic
 * noise. Unlike {@link RandomEmbedder}'s, neighbourhoods exist for HNSW to navigate.
 */
final class ClusteredEmbedder implements TextEmbedder {
    private static final int LATENT = 32;

    private final int width;
    private final float[][] basis;
    private final Map<String, Long> conceptSeedOfName = new HashMap<>();
    private final RandomEmbedder noise;

    ClusteredEmbedder(KnowledgeBase kb, int width) {
        this.width = width;
        this.noise = new RandomEmbedder(width);
        SplittableRandom random = new SplittableRandom(7);
        basis = new float[LATENT][width];
        for (float[] row : basis) {
            for (int d = 0; d < width; d++) {
                row[d] = (float) (random.nextDouble() - 0.5);
            }
        }
        for (Concept c : kb.concepts()) {
            c.names().forEach(n -> conceptSeedOfName.put(n, (long) c.id().hashCode()));
        }
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            String text = texts.get(i);
            float[] latent = gaussian(conceptSeedOfName.getOrDefault(text, (long) text.hashCode()), 1.0);
            float[] own = gaussian(text.hashCode() * 31L + 17, 0.4); // a name is near, not at, its concept
            float[] v = noise.vector(text.hashCode() * 131L);
            for (int d = 0; d < width; d++) {
                v[d] *= 0.3f;
            }
            for (int l = 0; l < LATENT; l++) {
                float z = latent[l] + own[l];
                for (int d = 0; d < width; d++) {
                    v[d] += z * basis[l][d];
                }
            }
            out[i] = v;
        }
        return out;
    }

    private static float[] gaussian(long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[LATENT];
        for (int l = 0; l < LATENT; l++) {
            z[l] = (float) ((random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2 * scale);
        }
        return z;
    }

    @Override
    public String modelId() {
        return "clustered-" + width + "@1";
    }
}
