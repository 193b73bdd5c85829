package dev.techtrends.connectors;

/** The API's quota for today is used up: the run stops cleanly and the next one resumes where it stopped. */
public class QuotaExhaustedException extends RuntimeException {
    public QuotaExhaustedException(String message) {
        super(message);
    }
}
