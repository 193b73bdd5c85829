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

    @Test
    void htmlIsReadAsText() {
        assertTrue(mentions("<p>Python&#x2F;Django</p><p>Remote</p>", "Python"));
        assertTrue(mentions("<p>Python&#x2F;Django</p>", "Django"));
        assertTrue(mentions("<p>Rust</p><p>Kotlin</p>", "Rust"));
        assertTrue(mentions("Tools: AWS &amp; Go", "golang"));
        assertFalse(mentions("<a href=\"https:&#x2F;&#x2F;example.org&#x2F;rails\">jobs</a>", "Rails"),
                "a link's address is not the posting's text");
        assertEquals("a/b & 'c' \"d\" <e>",
                HiringTerms.plainText("a&#x2F;b &amp; &#x27;c&#x27; &quot;d&quot; &lt;e&gt;"));
        assertEquals("&amp;lt;", HiringTerms.plainText("&amp;amp;lt;"), "decoded once");
    }

    @Test
    void onlyTheTermsAskedAndKnownAreAnswered() {
        assertEquals(Set.of("Python", "Django"),
                TERMS.mentioned("Python, Django, Rust", List.of("Python", "Django", "Quarkus")));
        assertFalse(TERMS.knows("Quarkus"));
    }
}
