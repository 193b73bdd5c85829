package dev.techtrends.signals.bundled;

import java.util.List;

/** Stack Overflow questions per tag and month, as a share of the 14 tags in the extract. */
public class V6__ImportStackOverflow extends BundledSourceImport {
    @Override
    List<BundledFile> files() {
        return List.of(new BundledFile("qa_questions", "data/stackoverflow-sede/so_questions_monthly.csv", "tag", "month",
                "share_of_listed_tags", "questions", all()));
    }
}
