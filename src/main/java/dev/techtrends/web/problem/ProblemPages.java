package dev.techtrends.web.problem;

/**
 * A problem shown to a reader as a page rather than as problem+json: implemented by the module that draws pages, so
 * that shared HTTP needs no knowledge of them.
 */
public interface ProblemPages {

    /** Whether a problem on this request is for a reader's eyes (a browser on a page's path). */
    boolean forReader(String path, String accept);

    /** The page that shows the problem, with its status, title and detail. */
    String page(Problem problem);
}
