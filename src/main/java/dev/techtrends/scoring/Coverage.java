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
        return (signals, asked) -> {
            double present = signals.stream().filter(signal -> signal.level() != null)
                    .mapToDouble(signal -> defaults.weightOf(signal.signal())).sum();
            return Math.min(1, present / defaults.total());
        };
    }

    /** The weight used (after staleness decay) over signals with a level, over the weight asked for. */
    static Coverage ofWeightUsed() {
        return (signals, asked) -> {
            double used = signals.stream().filter(signal -> signal.level() != null)
                    .mapToDouble(Score.SignalContribution::weightUsed).sum();
            return asked.total() == 0 ? 0 : Math.min(1, used / asked.total());
        };
    }
}
