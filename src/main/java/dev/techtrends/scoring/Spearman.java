package dev.techtrends.scoring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Spearman's rank correlation: Pearson's correlation of the ranks, ties sharing their average rank. */
public final class Spearman {

    private Spearman() {
    }

    /**
     * @param pairs (x, y) pairs
     * @return ρ in [−1, 1]; {@code null} with fewer than 3 pairs or when either side is constant
     */
    public static Double rho(List<double[]> pairs) {
        if (pairs.size() < 3) {
            return null;
        }
        double[] x = ranks(pairs.stream().mapToDouble(pair -> pair[0]).toArray());
        double[] y = ranks(pairs.stream().mapToDouble(pair -> pair[1]).toArray());
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        if (varianceX == 0 || varianceY == 0) {
            return null;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /** 1-based ranks in ascending order; tied values get the mean of the ranks they span. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
