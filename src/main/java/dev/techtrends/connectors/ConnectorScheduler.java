package dev.techtrends.connectors;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/** Schedules every enabled connector by its cron (UTC); a run still going when the next is due is skipped. */
@ApplicationScoped
public class ConnectorScheduler {

    private final ConnectorService connectors;
    private final Scheduler scheduler;

    public ConnectorScheduler(ConnectorService connectors, Scheduler scheduler) {
        this.connectors = connectors;
        this.scheduler = scheduler;
    }

    void atStart(@Observes StartupEvent event) {
        for (Connector connector : connectors.connectors()) {
            if (connector.config().enabled()) {
                scheduler.newJob(jobId(connector.name()))
                        .setCron(connector.config().cron())
                        .setTimeZone("UTC")
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                        .setAsyncTask(execution -> connectors.runOnSchedule(connector.name()))
                        .schedule();
            }
        }
    }

    /** When this replica's schedule runs the connector next; null when it is not scheduled. */
    Instant nextRun(String name) {
        var job = scheduler.getScheduledJob(jobId(name));
        return job == null ? null : job.getNextFireTime();
    }

    private static String jobId(String name) {
        return "connector-" + name;
    }
}
