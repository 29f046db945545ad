package io.linkrx.index;

/** L2 normalisation: the index compares vectors by dot product, which is their cosine only on unit vectors. */
final class Vectors {
    private Vectors() {
    }

    /** A unit-length copy of {@code v}; null when it has no direction (all zeros) or a non-finite value. */
    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return null;
        }
        double scale = 1 / Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] * scale);
        }
        return u;
    }
}
