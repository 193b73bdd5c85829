package dev.techtrends.signals.bundled;

import java.util.List;

/**
 * Hacker News "Who is hiring?" mentions. Months with fewer than 100 postings are left out: 2011-12 has 3, which
 * would make any share meaningless (see the source's PROVENANCE.md).
 */
public class V8__ImportHnHiringTrends extends BundledSourceImport {
    public static final int MIN_POSTINGS = 100;

    @Override
    List<BundledFile> files() {
        return List.of(new BundledFile("job_postings", "data/hn-hiring-trends/hn_hiring_monthly.csv", "term", "month",
                "share_of_postings", "postings_mentioning",
                row -> Integer.parseInt(row.get("postings_total")) >= MIN_POSTINGS));
    }
}
