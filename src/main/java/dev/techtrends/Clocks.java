package dev.techtrends;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's one source of the current date and time: connectors' complete months, the upload check against
 * future periods and Retry-After dates read it, never the JVM's wall clock directly, so that tests fix it.
 * Elapsed times (waits, durations) are measured with {@link System#nanoTime()}, which no clock change can move.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
