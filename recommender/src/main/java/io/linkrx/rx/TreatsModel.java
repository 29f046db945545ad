package io.linkrx.rx;

/**
 * A logistic model over {@link FeatureTransform transformed} features: P(treats) = σ(bias + offset + Σ w·z).
 * {@code offset} = log(negatives kept / negatives available) undoes negative subsampling so the probability is
 * calibrated to the real prevalence (0 when every negative pair was used).
 */
public record TreatsModel(String[] featureNames, FeatureTransform transform, double[] weights, double bias,
                          double offset) {

    public double logit(double[] z) {
        double s = bias + offset;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * z[j];
        }
        return s;
    }

    public double probability(double[] z) {
        return 1.0 / (1.0 + Math.exp(-logit(z)));
    }

    /** What feature j adds to the logit compared with the pair having no paths of that kind (raw 0). */
    public double contribution(int j, double[] z) {
        return weights[j] * (z[j] - transform.zeroValue(j));
    }
}
