package dev.techtrends.web;

import io.quarkus.logging.Log;
import io.quarkus.logging.LoggingFilter;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Errors that others log as server errors but that are not ours to act on go to DEBUG, so that no client and no outage
 * can flood the log:
 * <ul>
 *   <li>a client that closes its connection mid-answer (a cancelled export, a reset): Quarkus REST logs a stack trace;</li>
 *   <li>the pool's acquisition timer firing after the caller already got its failure, once per request that failed
 *   during a database outage (eclipse-vertx/vertx-sql-client#1706): Vert.x logs it as uncaught;</li>
 *   <li>SmallRye Health's report of every readiness probe answered DOWN (SRHCK01001, INFO), a line per probe for as
 *   long as an outage lasts: the outage itself is logged once when it starts and once when it ends
 *   ({@code DatabaseOutages}).</li>
 * </ul>
 */
@LoggingFilter(name = "log-noise")
public final class LogNoise implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (isClientDisconnect(thrown)) {
            Log.debugf("A client closed its connection mid-answer: %s", thrown);
            return false;
        }
        if (isLatePoolTimeout(thrown)) {
            Log.debug("The pool's acquisition timer fired after its request had already failed (vertx-sql-client#1706)");
            return false;
        }
        if (isHealthDownReport(record)) {
            Log.debugf("A health check answered DOWN: %s", record.getParameters() == null ? ""
                    : Arrays.toString(record.getParameters()));
            return false;
        }
        return true;
    }

    static boolean isHealthDownReport(LogRecord record) {
        return record.getLoggerName() != null && record.getLoggerName().startsWith("io.smallrye.health")
                && record.getMessage() != null && record.getMessage().startsWith("SRHCK01001");
    }

    static boolean isClientDisconnect(Throwable thrown) {
        for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null
                    && (cause.getMessage().contains("Broken pipe") || cause.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isLatePoolTimeout(Throwable thrown) {
        return thrown instanceof IllegalStateException && "Result is already complete".equals(thrown.getMessage())
                && Arrays.stream(thrown.getStackTrace()).anyMatch(frame -> frame.getClassName()
                        .equals("io.vertx.sqlclient.impl.pool.SqlConnectionPool"));
    }
}
