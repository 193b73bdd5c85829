package dev.techtrends.web;

/** The media types the API speaks besides application/json. */
public final class MediaTypes {
    public static final String TEXT_CSV = "text/csv";
    /** Charts for {@code <img src>}. */
    public static final String IMAGE_SVG = "image/svg+xml";
    /** Feeds (RFC 4287). */
    public static final String ATOM_XML = "application/atom+xml";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private MediaTypes() {
    }
}
