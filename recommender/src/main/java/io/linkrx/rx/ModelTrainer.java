package io.linkrx.rx;

import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Fits the treats model with Tribuo's SGD logistic regression (log loss; AdaGrad, or AdaGrad-RDA with L1/L2 penalties
 * — an elastic net in the manner of Rephetio), deterministic per seed. Features outside {@code active} are zeroed
 * for training and get weight 0 (feature selection).
 */
public final class ModelTrainer {
    /** Tribuo logs progress through java.util.logging to stderr; held here so the level setting is not collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = quietTribuo();
    static final String POS = "treats";
    static final String NEG = "other";

    private final int epochs;
    private final long seed;

    private final double l1;
    private final double l2;

    private static java.util.logging.Logger quietTribuo() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.tribuo");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public ModelTrainer(int epochs, long seed) {
        this(epochs, seed, 0, 0);
    }

    public ModelTrainer(int epochs, long seed, double l1, double l2) {
        this.epochs = epochs;
        this.seed = seed;
        this.l1 = l1;
        this.l2 = l2;
    }

    public TreatsModel train(String[] names, FeatureTransform transform, List<double[]> z, List<Boolean> labels,
                             double offset) {
        return train(names, transform, z, labels, offset, null);
    }

    /**
     * @param z        transformed feature rows
     * @param labels   true = treats
     * @param offset   log(negatives kept / negatives available)
     */
    public TreatsModel train(String[] names, FeatureTransform transform, List<double[]> z, List<Boolean> labels,
                             double offset, boolean[] active) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("kg-treats", factory), factory);
        for (int i = 0; i < z.size(); i++) {
            double[] zi = z.get(i);
            if (active != null) {
                zi = zi.clone();
                for (int j = 0; j < zi.length; j++) {
                    if (!active[j]) zi[j] = 0;
                }
            }
            data.add(new ArrayExample<>(new Label(labels.get(i) ? POS : NEG), names, zi));
        }
        StochasticGradientOptimiser opt = l1 > 0 || l2 > 0 ? new AdaGradRDA(0.1, 0.1, l1, l2, 0)
                : new AdaGrad(0.1, 0.1);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), opt, epochs,
                Integer.MAX_VALUE, 16, seed); // no per-iteration JUL logging
        Model<Label> model = trainer.train(data);
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        double[] w = new double[names.length];
        double bias = 0;
        for (var sign : new Object[][] {{POS, 1.0}, {NEG, -1.0}}) {
            List<Pair<String, Double>> ws = top.get((String) sign[0]);
            if (ws == null) {
                continue;
            }
            double s = (Double) sign[1];
            for (Pair<String, Double> p : ws) {
                if (p.getA().equals(Model.BIAS_FEATURE)) {
                    bias += s * p.getB();
                    continue;
                }
                for (int j = 0; j < names.length; j++) {
                    if (names[j].equals(p.getA()) && (active == null || active[j])) {
                        w[j] += s * p.getB();
                    }
                }
            }
        }
        return new TreatsModel(names, transform, w, bias, offset);
    }
}
