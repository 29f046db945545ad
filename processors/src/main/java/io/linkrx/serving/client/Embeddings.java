package io.linkrx.serving.client;

import java.util.Objects;

/**
 * Embeddings of a batch of texts, one row per text in input order, and the model version that computed them
 * (rows of different versions must never be compared).
 *
 * @param vectors      one vector per text (the array is shared, not copied: do not modify it)
 * @param model        model name
 * @param modelVersion version the server said answered ({@code model_version}); empty when no call was made
 */
public record Embeddings(float[][] vectors, String model, String modelVersion) {
    public Embeddings {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }

    public int size() {
        return vectors.length;
    }

    public float[] get(int row) {
        return vectors[row];
    }

    /** Cosine similarity of two rows (1 for identical directions; 0 when either is all zeros). */
    public double cosine(int a, int b) {
        float[] x = vectors[a];
        float[] y = vectors[b];
        if (x.length != y.length) {
            throw new IllegalArgumentException("rows " + a + " and " + b + " differ in width");
        }
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
            nx += (double) x[i] * x[i];
            ny += (double) y[i] * y[i];
        }
        // the encoder normalises, but a stand-in server might not: divide anyway, it is cheap
        return nx == 0 || ny == 0 ? 0.0 : dot / Math.sqrt(nx * ny);
    }
}
