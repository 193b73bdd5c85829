package dev.techtrends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's one direction: each package imports only packages on the floors below it, so no arrow runs up and no
 * two packages need each other. Shared HTTP ({@code web}) imports no feature package; the contract ({@code openapi})
 * sits on top and may read everything.
 */
class HouseRulesTest {

    /** Top floor first; a package may import those after it. */
    static final List<String> FLOORS = List.of("openapi", "connectors", "dashboard", "feeds", "discover", "charts",
            "signals", "rankings", "catalogue", "web", "database", "scoring");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.techtrends\\.(\\w+)[.;]");
    private static final Path SOURCES = Path.of("src/main/java/dev/techtrends");

    @Test
    void everyPackageImportsOnlyTheFloorsBelowIt() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root's configuration and clock, which every floor may use
                }
                String room = relative.getName(0).toString();
                int floor = FLOORS.indexOf(room);
                assertEquals(true, floor >= 0, "a package with no floor: " + room + " (add it to FLOORS)");
                for (String line : Files.readAllLines(file)) {
                    Matcher matcher = IMPORT.matcher(line);
                    if (!matcher.find()) {
                        continue;
                    }
                    String imported = matcher.group(1);
                    int importedFloor = FLOORS.indexOf(imported);
                    if (!imported.equals(room) && importedFloor >= 0 && importedFloor <= floor) {
                        upward.add(relative + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void webImportsNoFeaturePackage() throws IOException {
        List<String> features = FLOORS.subList(0, FLOORS.indexOf("web"));
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("web"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher matcher = IMPORT.matcher(line);
                    if (matcher.find() && features.contains(matcher.group(1))) {
                        offending.add(SOURCES.relativize(file) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
