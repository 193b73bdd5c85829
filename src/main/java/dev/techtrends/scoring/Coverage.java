package dev.techtrends.scoring;

import java.util.List;

/**
 * How much of a weighting a score rests on, 0 to 1: each method version defines what it counts.
 */
@FunctionalInterface
public interface Coverage {

    /**
     * @param signals the score's signals, with their levels, weights asked and weights used
     * @param asked   the weights the score was computed with
     */
    double of(List<Score.SignalContribution> signals, Weights asked);

    /**
     * The share of the default weights whose signals have a level: how much data there is, whatever was asked and
     * however old it is.
     */
    static Coverage ofDefaultWeights(Weights defaults) {
        double total = defaults.total();
        return (signals, asked) -> {
            double present = 0;
            for (Score.SignalContribution signal : signals) {
                if (signal.level() != null) {
                    present += defaults.weightOf(signal.signal());
                }
            }
            return Math.min(1, present / total);
        };
    }

    /** The weight used (after staleness decay) over signals with a level, over the weight asked for. */
    static Coverage ofWeightUsed() {
        return (signals, asked) -> {
            double used = 0;
            for (Score.SignalContribution signal : signals) {
                if (signal.level() != null) {
                    used += signal.weightUsed();
                }
            }
            double total = asked.total();
            return total == 0 ? 0 : Math.min(1, used / total);
        };
    }
}
