package io.linkrx.rx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

import io.linkrx.kg.KnowledgeGraph;

/**
 * Learns metapath weights from known treats edges. Each training disease's rows are computed as if that disease
 * were unseen (its own treats edges masked, on top of {@code baseMask}, which hides held-out diseases), so training
 * rows look exactly like the rows of a disease scored later — no treats edge ever explains itself.
 * Negatives are every other candidate compound of the training diseases, or {@code negativesPerPositive} of them
 * sampled per disease (the probability is corrected for the subsampling).
 */
public final class TreatsLearner {
    /**
     * Model options beyond the constructor's. {@code asinh}: Rephetio's asinh(DWPC / training mean) instead of
     * log1p; {@code l1}/{@code l2}: elastic-net penalties (AdaGrad-RDA; 0/0 = plain AdaGrad); {@code selectPositive}:
     * Rephetio-style selection — fit, drop DWPC features whose weight on the training rows is ≤ 0, refit (uses the
     * training rows only).
     */
    public record Options(boolean asinh, double l1, double l2, boolean selectPositive) {
        /** The default (best held-out-disease AUROC on the Hetionet subset, see docs/BENCHMARKS.md). */
        public static final Options DEFAULT = new Options(true, 0, 0, true);
        /** The first model (2026-11-23 row): log1p scaling, no penalty, no selection. */
        public static final Options V1 = new Options(false, 0, 0, false);
    }

    private final FeatureSpace space;
    private final double damping;
    private final int negativesPerPositive;
    private final int epochs;
    private final long seed;
    private final Options options;

    public TreatsLearner(FeatureSpace space, double damping, int negativesPerPositive, int epochs, long seed) {
        this(space, damping, negativesPerPositive, epochs, seed, Options.DEFAULT);
    }

    public TreatsLearner(FeatureSpace space, double damping, int negativesPerPositive, int epochs, long seed,
                         Options options) {
        this.space = space;
        this.damping = damping;
        this.negativesPerPositive = negativesPerPositive;
        this.epochs = epochs;
        this.seed = seed;
        this.options = options;
    }

    public TreatsModel train(Collection<Integer> trainDiseases, EdgeMask baseMask) {
        KnowledgeGraph kg = space.graph();
        int treats = space.treats().index();
        Dwpc dwpc = new Dwpc(kg, damping);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        long negAvailable = 0;
        long negKept = 0;
        int[] compounds = space.compounds();
        for (int d : trainDiseases) {
            EdgeMask mask = baseMask.plus(treats, d);
            double[][] x = space.raw(d, mask, dwpc);
            int positives = 0;
            for (int ci = 0; ci < compounds.length; ci++) {
                if (kg.hasEdge(treats, compounds[ci], d)) {
                    positives++;
                }
            }
            if (positives == 0) {
                continue;
            }
            int negatives = compounds.length - positives;
            double keep = negativesPerPositive <= 0 ? 1.0
                    : Math.min(1.0, (double) negativesPerPositive * positives / negatives);
            negAvailable += negatives;
            for (int ci = 0; ci < compounds.length; ci++) {
                boolean pos = kg.hasEdge(treats, compounds[ci], d);
                if (!pos) {
                    if (keep < 1.0 && rnd.nextDouble() >= keep) {
                        continue;
                    }
                    negKept++;
                }
                rows.add(x[ci]);
                labels.add(pos);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training disease has a treats edge");
        }
        FeatureTransform transform = FeatureTransform.fit(space, rows, options.asinh());
        List<double[]> z = new ArrayList<>(rows.size());
        for (double[] r : rows) {
            z.add(transform.apply(r));
        }
        double offset = negKept == negAvailable ? 0.0 : Math.log((double) negKept / negAvailable);
        ModelTrainer trainer = new ModelTrainer(epochs, seed, options.l1(), options.l2());
        TreatsModel model = trainer.train(space.names(), transform, z, labels, offset);
        if (!options.selectPositive()) {
            return model;
        }
        boolean[] active = selectPositive(space, model.weights());
        return trainer.train(space.names(), transform, z, labels, offset, active);
    }

    /** Keeps every non-DWPC feature and the DWPC features with a positive weight in a first fit on training rows. */
    static boolean[] selectPositive(FeatureSpace space, double[] weights) {
        boolean[] active = new boolean[weights.length];
        for (int j = 0; j < weights.length; j++) {
            active[j] = !space.isDwpc(j) || weights[j] > 0;
        }
        return active;
    }
}
