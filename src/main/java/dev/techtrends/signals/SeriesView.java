package dev.techtrends.signals;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.techtrends.scoring.Granularity;
import dev.techtrends.web.Nullable;
import dev.techtrends.web.csv.CsvTable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Series", description = "Values per period of each signal of one technology, with the sources to credit")
public record SeriesView(
        @Schema(example = "nestjs") String technology,
        @Schema(description = "native (each signal's own period) or quarter (monthly values averaged per quarter)",
                example = "quarter") SeriesGranularity granularity,
        List<SignalSeries> series,
        @Schema(description = "Every source the values come from, with its licence and attribution")
        List<SourceView> sources) implements CsvTable {

    /** A line of the CSV form: one value with its signal, period, source and licence. */
    public record CsvRow(String technology, String signal, String granularity, String period, LocalDate periodStart,
            double value, Double raw, String source, String licence) {
    }

    @Override
    public Class<CsvRow> csvRowType() {
        return CsvRow.class;
    }

    @Override
    public List<CsvRow> csvRows() {
        Map<String, String> licenceBySource = new HashMap<>();
        sources.forEach(source -> licenceBySource.put(source.id(), source.licence()));
        List<CsvRow> rows = new ArrayList<>();
        for (SignalSeries signal : series) {
            String periodKind = granularity == SeriesGranularity.QUARTER && signal.nativeGranularity() != Granularity.YEAR
                    ? Granularity.QUARTER.label() : signal.nativeGranularity().label();
            for (Point point : signal.points()) {
                rows.add(new CsvRow(technology, signal.signal(), periodKind, point.period(), point.periodStart(),
                        point.value(), point.raw(), signal.source(), licenceBySource.get(signal.source())));
            }
        }
        return rows;
    }

    @Schema(name = "SignalSeries")
    public record SignalSeries(
            @Schema(example = "github_topic_developers") String signal,
            @Schema(example = "github-innovation-graph") String source,
            @Schema(example = "share of developer-topic pairs") String unit,
            @Schema(example = "quarter") Granularity nativeGranularity,
            List<Point> points) {
    }

    @Schema(name = "SeriesPoint")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(
            @Schema(description = "2021-07 for a month, 2021-Q3 for a quarter", example = "2021-Q3") String period,
            @Schema(example = "2021-07-01") LocalDate periodStart,
            @Schema(description = "Share of the source's universe in the period", example = "0.001234") double value,
            @Schema(description = "The count behind the share, where the source has one (native periods only)",
                    example = "1520") @Nullable Double raw) {
    }
}
