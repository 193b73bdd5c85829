package dev.techtrends.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The method is plain Java: no framework, no I/O library, no other package of the service. */
class ScoringIsPureTest {

    @Test
    void scoringImportsOnlyTheJdk() throws IOException {
        Path sources = Path.of("src/main/java/dev/techtrends/scoring");
        List<String> offending;
        try (Stream<Path> files = Files.list(sources)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> line.startsWith("import "))
                            .filter(line -> !line.matches("import (static )?java\\.[\\w.]+;"))
                            .map(line -> file.getFileName() + ": " + line))
                    .toList();
        }
        assertTrue(Files.isDirectory(sources));
        assertEquals(List.of(), offending);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
