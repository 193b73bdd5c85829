package dev.techtrends.connectors;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How a connector calls its API during one run: one request at a time (the caller chains them), after any wait the
 * API asked for ({@link #waitAtLeast}: Stack Exchange's {@code backoff}), with bounded retries on 5xx, 429 and
 * connection failures only, honouring {@code Retry-After}, behind the connector's circuit breaker. Counts what the
 * run reports: requests, waits, the quota the API says remains.
 */
public final class Requests {

    /** Retries after the first attempt, on 5xx, 429 and I/O failures. */
    static final int MAX_RETRIES = 3;
    /** The first retry's delay without Retry-After; doubled at each retry. */
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    /** The longest Retry-After honoured within a run; a longer one fails the request (the next run retries). */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** An answer worth another try: 5xx or 429. */
    static final class RetryableStatus extends RuntimeException {
        final int status;
        final Duration retryAfter;

        RetryableStatus(int status, Duration retryAfter) {
            super("HTTP " + status);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private final TypedGuard<Uni<Response>> breaker;
    private final Clock clock;
    /** System.nanoTime() before which no request is sent: elapsed time, which no change of the clock moves. */
    private long notBeforeNanos = System.nanoTime();
    private int sent;
    private int waits;
    private Integer quotaRemaining;
    private final List<String> notes = new ArrayList<>();

    Requests(TypedGuard<Uni<Response>> breaker, Clock clock) {
        this.breaker = breaker;
        this.clock = clock;
    }

    /**
     * Sends a request (after any wait asked for) and answers its response, any status but 5xx and 429, which are
     * retried; fails when the retries are spent, the circuit is open or the connection fails for good.
     */
    public Uni<Response> send(Supplier<Uni<Response>> request) {
        return attempt(request, 0);
    }

    private Uni<Response> attempt(Supplier<Uni<Response>> request, int retry) {
        return pause().chain(() -> breaker.get(() -> {
                    sent++;
                    return request.get().map(response -> {
                        if (response.getStatus() >= 500 || response.getStatus() == 429) {
                            throw new RetryableStatus(response.getStatus(), retryAfter(response, clock));
                        }
                        return response;
                    });
                }))
                .onFailure(failure -> retry < MAX_RETRIES && retryable(failure))
                .recoverWithUni(failure -> {
                    Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << retry);
                    if (failure instanceof RetryableStatus status && status.retryAfter != null) {
                        if (status.retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
                            return Uni.createFrom().failure(new IllegalStateException("the API asked to wait "
                                    + status.retryAfter.toSeconds() + " s (Retry-After); the next run retries"));
                        }
                        delay = status.retryAfter;
                    }
                    waitAtLeast(delay);
                    return attempt(request, retry + 1);
                });
    }

    private static boolean retryable(Throwable failure) {
        return failure instanceof RetryableStatus || failure instanceof IOException
                || failure instanceof VertxException
                || failure instanceof ProcessingException
                || failure instanceof TimeoutException;
    }

    private Uni<Void> pause() {
        long waitNanos = notBeforeNanos - System.nanoTime();
        if (waitNanos <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(waitNanos));
    }

    /** The API asked to wait (backoff, Retry-After): no request before then. */
    public void waitAtLeast(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - notBeforeNanos > 0) {
            notBeforeNanos = until;
        }
        waits++;
    }

    /** Something the run skipped, for its notes (a title the API does not know). */
    public void note(String note) {
        notes.add(note);
    }

    /** What the API says remains of today's quota. */
    public void quotaRemaining(int remaining) {
        quotaRemaining = remaining;
    }

    /** Retry-After in seconds or as an HTTP date (measured from the clock's now); null when absent or unreadable. */
    static Duration retryAfter(Response response, Clock clock) {
        String value = response.getHeaderString("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    int sent() {
        return sent;
    }

    int waits() {
        return waits;
    }

    Integer quotaRemaining() {
        return quotaRemaining;
    }

    List<String> notes() {
        return notes;
    }
}
