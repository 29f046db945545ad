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
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.oracle.labs.mlrg.olcut.util.Pair;

/** Fits the treats model with Tribuo's SGD logistic regression (log loss, AdaGrad), deterministic per seed. */
public final class ModelTrainer {
    static final String POS = "treats";
    static final String NEG = "other";

    private final int epochs;
    private final long seed;

    public ModelTrainer(int epochs, long seed) {
        this.epochs = epochs;
        this.seed = seed;
    }

    /**
     * @param z        transformed feature rows
     * @param labels   true = treats
     * @param offset   log(negatives kept / negatives available)
     */
    public TreatsModel train(String[] names, FeatureTransform transform, List<double[]> z, List<Boolean> labels,
                             double offset) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("kg-treats", factory), factory);
        for (int i = 0; i < z.size(); i++) {
            data.add(new ArrayExample<>(new Label(labels.get(i) ? POS : NEG), names, z.get(i)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
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
                    if (names[j].equals(p.getA())) {
                        w[j] += s * p.getB();
                    }
                }
            }
        }
        return new TreatsModel(names, transform, w, bias, offset);
    }
}
