package dev.techtrends.signals.ingestion;

/** How an ingestion's rows arrived: an upload's form (by its Content-Type), or fetched by a connector. */
public enum UploadFormat {
    JSON,
    NDJSON,
    CSV,
    /** Rows a connector fetched, stored through the same validation and transaction as an upload. */
    CONNECTOR
}
