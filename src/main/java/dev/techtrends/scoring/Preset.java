package dev.techtrends.scoring;

import java.util.Objects;

/**
 * A named lens on the signals: the weights a user gets with {@code preset=<name>}.
 *
 * @param name        what users pass, e.g. {@code balanced}
 * @param description what the lens measures, in one sentence
 * @param weights     the weight of each signal
 */
public record Preset(String name, String description, Weights weights) {
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(weights, "weights");
    }
}
