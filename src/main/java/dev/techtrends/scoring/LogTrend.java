package dev.techtrends.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * A multi-year trend of one series: the Theil–Sen slope of its log values against time in years (the median of the
 * slopes between every two points, so one odd quarter cannot tilt it), and the standard error of that slope from the
 * scatter of the points around the line.
 *
 * @param slope         log change per year: ln(value) grows by this much a year
 * @param standardError sqrt(Σ r² / (n − 2)) / sqrt(Σ (t − t̄)²), r the residuals from the line through the median
 *                      intercept: how precisely the series itself pins the slope down
 * @param from          the quarter of the window's first point
 * @param to            the quarter of its last point
 * @param points        how many points the fit used
 */
public record LogTrend(double slope, double standardError, Quarter from, Quarter to, int points) {

    /** A slope needs at least this many points: with two, there is no scatter to judge it by. */
    public static final int MIN_POINTS = 3;

    public LogTrend {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (points < MIN_POINTS || !Double.isFinite(slope) || !(standardError >= 0)) {
            throw new IllegalArgumentException("a trend of " + points + " points, slope " + slope + ", error "
                    + standardError);
        }
    }

    /**
     * Fits the trend of {@code values} (all above 0) observed at {@code years}.
     *
     * @param years  the points' times, in years, ascending and distinct
     * @param values the values there, each above 0
     * @throws IllegalArgumentException on fewer than {@link #MIN_POINTS} points, unequal lengths, times out of
     *                                  order, or a value not above 0
     */
    public static LogTrend fit(double[] years, double[] values, Quarter from, Quarter to) {
        int n = years.length;
        if (n != values.length || n < MIN_POINTS) {
            throw new IllegalArgumentException("a trend needs " + MIN_POINTS + " or more points with a time each, got "
                    + n + " times and " + values.length + " values");
        }
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(values[i] > 0) || i > 0 && !(years[i] > years[i - 1])) {
                throw new IllegalArgumentException("values must be above 0 and times ascending, got " + values[i]
                        + " at " + years[i]);
            }
            logs[i] = Math.log(values[i]);
        }
        double[] pairSlopes = new double[n * (n - 1) / 2];
        int pair = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairSlopes[pair++] = (logs[j] - logs[i]) / (years[j] - years[i]);
            }
        }
        double slope = median(pairSlopes);
        double[] offsets = new double[n];
        double meanYear = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = logs[i] - slope * years[i];
            meanYear += years[i] / n;
        }
        double intercept = median(offsets);
        double squaredResiduals = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double residual = logs[i] - intercept - slope * years[i];
            squaredResiduals += residual * residual;
            spread += (years[i] - meanYear) * (years[i] - meanYear);
        }
        double standardError = Math.sqrt(squaredResiduals / (n - 2)) / Math.sqrt(spread);
        return new LogTrend(slope, standardError, from, to, n);
    }

    /** The median of the values (the mean of the middle two for an even count); sorts them in place. */
    static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
