package dev.techtrends.database;

import io.quarkus.logging.Log;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a database that cannot be reached (refused, dropped, shutting down, starting up, pool exhausted) from any
 * other failure, and logs each outage once: one WARN when it starts, one INFO when the database answers again,
 * nothing in between, so an outage under load costs two log lines instead of a stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutages {

    /**
     * Connection exceptions (08), admin shutdown and crash (57P01, 57P02), cannot connect now: starting up (57P03),
     * and a write reaching a server that has become read-only (25006: a primary demoted in a switchover).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "08000", "08001",
            "08003", "08004", "08006", "25006");

    /** System.nanoTime() when the outage began (elapsed time, which no clock change moves); null when up. */
    private final AtomicReference<Long> downSinceNanos = new AtomicReference<>();

    /** Whether the failure says the database cannot be reached, rather than that a statement failed. */
    public static boolean isUnavailability(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg) {
                return pg.getSqlState() != null && UNAVAILABLE_STATES.contains(pg.getSqlState());
            }
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || cause instanceof ConnectionPoolTooBusyException || cause instanceof ClosedChannelException
                    || cause instanceof SocketException) {
                return true;
            }
            String message = String.valueOf(cause.getMessage());
            // The pool's acquisition timeout has no type of its own: a VertxException (or NoStackTraceThrowable).
            if (cause instanceof VertxException && (message.startsWith("Timeout") || message.contains("Connection"))
                    || cause.getClass().getSimpleName().equals("NoStackTraceThrowable") && message.equals("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a failure of some database work; returns whether it was an outage (then logged once per outage). Any
     * other failure is logged with its stack trace, as it is a bug or a broken statement.
     */
    public boolean failed(Throwable failure, String doing) {
        if (!isUnavailability(failure)) {
            Log.errorf(failure, "Failed %s", doing);
            return false;
        }
        if (downSinceNanos.compareAndSet(null, System.nanoTime())) {
            Log.warnf("Database unavailable while %s (%s); answering 503 until it is back", doing, reason(failure));
        } else {
            Log.debugf("Database still unavailable while %s: %s", doing, reason(failure));
        }
        return true;
    }

    /** Records that the database answered; ends an outage. */
    public void answered() {
        Long since = downSinceNanos.getAndSet(null);
        if (since != null) {
            Log.infof("Database available again after %d s", Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
    }

    /** Whether an outage is in progress, as far as this replica has seen. */
    public boolean isDown() {
        return downSinceNanos.get() != null;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
