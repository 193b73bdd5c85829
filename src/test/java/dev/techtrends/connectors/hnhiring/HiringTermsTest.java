package dev.techtrends.connectors.hnhiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled term rules, as PROVENANCE.md describes them, on postings written for the test. */
class HiringTermsTest {

    static final HiringTerms TERMS = HiringTerms.bundled();

    static boolean mentions(String html, String term) {
        assertTrue(TERMS.knows(term), term);
        return TERMS.mentioned(html, List.of(term)).contains(term);
    }

    @Test
    void aPlainTermIsAWholeWordInAnyCase() {
        assertTrue(mentions("Backend in PYTHON, some ops", "Python"));
        assertTrue(mentions("(Python)", "Python"));
        assertFalse(mentions("Pythonista wanted", "Python"));
        assertTrue(mentions("We use Express on the server", "Express"));
        assertFalse(mentions("An expressive type system", "Express"));
        assertTrue(mentions("Java; C#; Rust", "C#"));
    }

    @Test
    void theJsModifierMatchesTheNameWithAndWithoutJs() {
        assertTrue(mentions("Node backend", "node.js"));
        assertTrue(mentions("Node.js backend", "node.js"));
        assertTrue(mentions("nodejs backend", "node.js"));
        assertTrue(mentions("We love Express.js", "Express"));
        assertFalse(mentions("nodes and edges", "node.js"));
    }

    @Test
    void anAliasMatchesButNotTheBaseName() {
        assertTrue(mentions("Applied AI team", "AI"));
        assertTrue(mentions("artificial intelligence research", "AI"));
        assertFalse(mentions("We said: aid and maintain", "AI"));
        assertTrue(mentions("Postgres and Redis", "Postgresql"));
        assertTrue(mentions("Built with Nest.JS", "NestJS"));
        assertFalse(mentions("Built with NestJS", "NestJS"), "the bundle's dictionary only knows nest.js");
    }

    @Test
    void golangAlsoMatchesTheCapitalisedWordGo() {
        assertTrue(mentions("Services in Go and Python", "golang"));
        assertTrue(mentions("golang shop", "golang"));
        assertFalse(mentions("ready to go and ship", "golang"));
        assertFalse(mentions("GO team", "golang"));
    }

    @Test
    void aTermWithASpaceOrADotIsASubstring() {
        assertTrue(mentions("Migrating to .NET Core 8", ".NET Core"));
        assertTrue(mentions("ASP.NET Core developers", ".NET Core"));
        assertFalse(mentions(".NET developers", ".NET Core"));
        assertTrue(mentions("Machine learning engineers", "Machine Learning"));
    }

    /** The item text is matched as the bundled series was counted: HTML and all, for a comparable series. */
    @Test
    void htmlIsMatchedAsTheBundledSeriesWasCounted() {
        assertTrue(mentions("<p>Acme | Senior Python Engineer | REMOTE</p>", "Python"));
        assertTrue(mentions("We use Python, Go and Rails", "golang"));
        // a word glued to markup or an entity is missed, as it was in the bundled series
        assertFalse(mentions("<p>Python&#x2F;Django</p>", "Python"));
        assertFalse(mentions("<p>Rust</p>", "Rust"));
    }

    @Test
    void onlyTheTermsAskedAndKnownAreAnswered() {
        assertEquals(Set.of("Python", "Django"),
                TERMS.mentioned("Python, Django, Rust", List.of("Python", "Django", "Quarkus")));
        assertFalse(TERMS.knows("Quarkus"));
    }
}
