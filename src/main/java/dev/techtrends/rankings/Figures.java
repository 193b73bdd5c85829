package dev.techtrends.rankings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Score figures as published: 12 significant digits, so that arithmetic noise (99.99999999999999) never reaches a
 * client while every figure keeps far more precision than its data has. Applied by the read models' constructors, so
 * stored, computed and CSV answers agree digit for digit.
 */
public final class Figures {

    /** Significant digits of every published score figure (documented in the OpenAPI document and README). */
    public static final int SIGNIFICANT_DIGITS = 12;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
        }
    }

    private Figures() {
    }

    public static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        int decimals = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(value)));
        if (decimals <= 0 || decimals >= POWERS_OF_TEN.length) {
            return value; // a whole number already, or too small for an exact power of ten
        }
        double scale = POWERS_OF_TEN[decimals];
        return Math.round(value * scale) / scale;
    }

    public static Double round(Double value) {
        return value == null ? null : round(value.doubleValue());
    }

    public static List<Double> round(List<Double> values) {
        List<Double> rounded = new ArrayList<>(values.size());
        for (Double value : values) {
            rounded.add(round(value));
        }
        return Collections.unmodifiableList(rounded);
    }
}
