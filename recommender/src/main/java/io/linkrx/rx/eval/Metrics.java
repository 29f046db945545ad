package io.linkrx.rx.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking metrics with ties handled fairly (a tie counts half / the expected rank under random tie order). */
public final class Metrics {
    private Metrics() {}

    /** Area under the ROC curve (Mann–Whitney with mid-ranks); NaN when a class is missing. */
    public static double auroc(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] idx = order(scores);
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1; // 1-based mid-rank, ascending
            for (int k = i; k <= j; k++) {
                rank[idx[k]] = mid;
            }
            i = j + 1;
        }
        long pos = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (labels[k]) {
                pos++;
                sum += rank[k];
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision (area under the precision–recall curve); tied scores are one threshold. */
    public static double auprc(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] idx = order(scores);
        long totalPos = 0;
        for (boolean b : labels) {
            if (b) totalPos++;
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        int i = n - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[idx[j - 1]] == scores[idx[i]]) {
                j--;
            }
            long groupPos = 0;
            for (int k = j; k <= i; k++) {
                if (labels[idx[k]]) groupPos++;
            }
            tp += groupPos;
            double precision = (double) tp / (n - j);
            ap += precision * groupPos / totalPos;
            i = j - 1;
        }
        return ap;
    }

    /**
     * Filtered rank of each positive among the negatives (other positives ignored): 1 + negatives scoring higher
     * + half the negatives tied with it.
     */
    public static double[] positiveRanks(double[] scores, boolean[] labels) {
        double[] negs = Arrays.stream(indexes(labels, false)).mapToDouble(k -> scores[k]).sorted().toArray();
        int[] pos = indexes(labels, true);
        double[] ranks = new double[pos.length];
        for (int p = 0; p < pos.length; p++) {
            double s = scores[pos[p]];
            int below = lowerBound(negs, s);
            int notAbove = upperBound(negs, s);
            int higher = negs.length - notAbove;
            int tied = notAbove - below;
            ranks[p] = 1 + higher + tied / 2.0;
        }
        return ranks;
    }

    public static double hitsAt(double[] ranks, int k) {
        return ranks.length == 0 ? Double.NaN : Arrays.stream(ranks).filter(r -> r <= k).count() / (double) ranks.length;
    }

    public static double mrr(double[] ranks) {
        return ranks.length == 0 ? Double.NaN : Arrays.stream(ranks).map(r -> 1.0 / r).average().orElse(Double.NaN);
    }

    private static int[] indexes(boolean[] labels, boolean want) {
        return java.util.stream.IntStream.range(0, labels.length).filter(k -> labels[k] == want).toArray();
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static Integer[] order(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int k = 0; k < idx.length; k++) idx[k] = k;
        Arrays.sort(idx, Comparator.comparingDouble(k -> scores[k]));
        return idx;
    }
}
