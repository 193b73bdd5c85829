package dev.techtrends.signals.ingestion;

/**
 * One uploaded row as the client sent it, before validation. Exactly one of technology and sourceKey names what
 * the value is for; row is the 1-based position among the data rows.
 */
public record IngestionRow(int row, String signal, String technology, String sourceKey, String period, Double value,
        Double raw) {
}
