package io.linkrx.rx;

import java.util.List;

/**
 * Raw → model features, fitted on training rows only: DWPCs become f(dwpc / mean non-zero dwpc) with f = log1p or
 * (Rephetio) asinh, degrees log1p(degree); then every feature is standardised (training mean 0, sd 1; constant
 * features map to 0).
 */
public final class FeatureTransform {
    private final boolean[] dwpc;
    private final boolean asinh;
    private final double[] scale;
    private final double[] mean;
    private final double[] sd;

    private FeatureTransform(boolean[] dwpc, boolean asinh, double[] scale, double[] mean, double[] sd) {
        this.dwpc = dwpc;
        this.asinh = asinh;
        this.scale = scale;
        this.mean = mean;
        this.sd = sd;
    }

    public static FeatureTransform fit(FeatureSpace space, List<double[]> rows) {
        return fit(space, rows, false);
    }

    public static FeatureTransform fit(FeatureSpace space, List<double[]> rows, boolean asinh) {
        int f = space.size();
        boolean[] isDwpc = new boolean[f];
        double[] scale = new double[f];
        for (int j = 0; j < f; j++) {
            isDwpc[j] = space.isDwpc(j);
            double sum = 0;
            long n = 0;
            for (double[] r : rows) {
                if (r[j] > 0) {
                    sum += r[j];
                    n++;
                }
            }
            scale[j] = isDwpc[j] && n > 0 ? sum / n : 1.0;
        }
        FeatureTransform partial = new FeatureTransform(isDwpc, asinh, scale, new double[f], filled(f, 1.0));
        double[] mean = new double[f];
        double[] sq = new double[f];
        for (double[] r : rows) {
            double[] t = partial.apply(r);
            for (int j = 0; j < f; j++) {
                mean[j] += t[j];
                sq[j] += t[j] * t[j];
            }
        }
        double[] sd = new double[f];
        for (int j = 0; j < f; j++) {
            mean[j] /= Math.max(1, rows.size());
            double var = sq[j] / Math.max(1, rows.size()) - mean[j] * mean[j];
            sd[j] = var > 1e-12 ? Math.sqrt(var) : 0.0;
        }
        return new FeatureTransform(isDwpc, asinh, scale, mean, sd);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public double[] apply(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            double v = raw[j] / scale[j];
            double t = asinh && dwpc[j] ? Math.log(v + Math.sqrt(v * v + 1)) : Math.log1p(v);
            z[j] = sd[j] == 0 ? 0.0 : (t - mean[j]) / sd[j];
        }
        return z;
    }

    /** The transformed value of a raw 0 for feature j (the "no paths" reference for contributions). */
    public double zeroValue(int j) {
        return sd[j] == 0 ? 0.0 : -mean[j] / sd[j];
    }
}
