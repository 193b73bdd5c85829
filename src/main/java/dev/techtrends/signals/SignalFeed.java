package dev.techtrends.signals;

import java.util.List;

/**
 * A job that writes signals, named as its runs are in connector_run. Every connector is one (the connectors floor
 * implements it; this floor cannot import it), so which connector feeds which signal is said once, by the connector.
 */
public interface SignalFeed {

    /** Its name in connector_run, URLs and configuration, e.g. {@code stackexchange}. */
    String name();

    /** Every signal it writes. */
    List<String> signals();
}
