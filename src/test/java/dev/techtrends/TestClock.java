package dev.techtrends;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every @QuarkusTest in place of {@link Clocks}' system clock: fixed at {@link #DEFAULT}, the date the
 * connector tests' months were written for, unless a test sets another instant (and resets it after). So no test
 * depends on the day it runs.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    /** A day in the middle of November 2026: the newest complete month is 2026-10. */
    public static final Instant DEFAULT = Instant.parse("2026-11-15T12:00:00Z");

    private volatile Instant instant = DEFAULT;

    /** From now on the service's clock reads this instant. */
    public void set(Instant instant) {
        this.instant = instant;
    }

    public void reset() {
        set(DEFAULT);
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }
}
