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
    private final FeatureSpace space;
    private final double damping;
    private final int negativesPerPositive;
    private final int epochs;
    private final long seed;

    public TreatsLearner(FeatureSpace space, double damping, int negativesPerPositive, int epochs, long seed) {
        this.space = space;
        this.damping = damping;
        this.negativesPerPositive = negativesPerPositive;
        this.epochs = epochs;
        this.seed = seed;
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
        FeatureTransform transform = FeatureTransform.fit(space, rows);
        List<double[]> z = new ArrayList<>(rows.size());
        for (double[] r : rows) {
            z.add(transform.apply(r));
        }
        double offset = negKept == negAvailable ? 0.0 : Math.log((double) negKept / negAvailable);
        return new ModelTrainer(epochs, seed).train(space.names(), transform, z, labels, offset);
    }
}
