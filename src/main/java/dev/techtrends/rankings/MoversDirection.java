package dev.techtrends.rankings;

/** Which end of the momentum order a movers list shows. */
public enum MoversDirection {
    RISING,
    FADING
}
