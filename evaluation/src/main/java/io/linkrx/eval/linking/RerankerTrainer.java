package io.linkrx.eval.linking;

import java.util.List;
import java.util.Random;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import io.linkrx.link.LinkingFeatures;

/**
 * Trains the candidate re-ranker: with Tribuo, logistic regression or a factorisation machine (pairwise feature
 * interactions) by SGD with log loss; or gradient-boosted trees with XGBoost. Deterministic per seed.
 */
final class RerankerTrainer {
    static final String LINK = "link";
    static final String OTHER = "other";
    /** Tribuo logs progress through java.util.logging; held so the level setting is not collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();

    enum Kind {
        LOGISTIC("logistic"), FACTORIZATION_MACHINE("fm"), BOOSTED_TREES("trees");

        /** The name options and settings use. */
        final String option;

        Kind(String option) {
            this.option = option;
        }

        /** The kind an option value names ({@code logistic}, {@code fm} or {@code trees}). */
        static Kind of(String option, String setting) {
            for (Kind k : values()) {
                if (k.option.equals(option)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(setting + " is logistic, fm or trees, not " + option);
        }
    }

    private final Kind kind;
    private final int epochs;
    private final long seed;

    RerankerTrainer(Kind kind, int epochs, long seed) {
        this.kind = kind;
        this.epochs = epochs;
        this.seed = seed;
    }

    TrainedRanker train(TrainingExamples examples) {
        if (kind == Kind.BOOSTED_TREES) {
            return BoostedTreesRanker.train(examples, LinkingFeatures.size(), seed);
        }
        return new TribuoRanker(trainTribuo(examples));
    }

    /** What the trained model is, for the training report. */
    String description() {
        return kind == Kind.BOOSTED_TREES ? BoostedTreesRanker.description(seed)
                : "Tribuo 4.3.1 " + kind + " (log loss, AdaGrad 0.1, " + epochs + " epochs, seed " + seed + ")";
    }

    private Model<Label> trainTribuo(TrainingExamples examples) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("linking-reranker", factory),
                factory);
        String[] names = tribuoNames();
        Random replicas = new Random(seed);
        for (int i = 0; i < examples.rows.size(); i++) {
            ArrayExample<Label> example = new ArrayExample<>(new Label(examples.labels.get(i) ? LINK : OTHER), names,
                    toDoubles(examples.rows.get(i)));
            for (int c = copies(examples.weights.get(i), replicas); c > 0; c--) {
                data.add(example);
            }
        }
        if (kind == Kind.FACTORIZATION_MACHINE) {
            return new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                    Integer.MAX_VALUE, 16, seed, 8, 0.1).train(data);
        }
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, Integer.MAX_VALUE, 16, seed)
                .train(data);
    }

    /**
     * How many times a row of this example weight enters the training set: the integer part, plus one more with the
     * probability of the fraction. Weights are realised by replication because Tribuo 4.3's minibatch SGD (our
     * minibatch is 16) uses example weights only in the reported loss, never in the gradients.
     */
    static int copies(float weight, Random random) {
        int copies = (int) Math.floor(weight);
        double fraction = weight - copies;
        return fraction > 0 && random.nextDouble() < fraction ? copies + 1 : copies;
    }

    static double[] toDoubles(float[] row) {
        double[] d = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            d[i] = row[i];
        }
        return d;
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.tribuo");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /**
     * Tribuo orders features by name in its models and ONNX exports; numbered names keep that order equal to
     * {@link LinkingFeatures#NAMES}, the column order the app sends.
     */
    static String[] tribuoNames() {
        List<String> names = LinkingFeatures.NAMES;
        String[] out = new String[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.format("f%02d_%s", i, names.get(i));
        }
        return out;
    }
}
