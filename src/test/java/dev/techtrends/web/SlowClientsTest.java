package dev.techtrends.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Connections that stop sending are closed by the server (quarkus.http.idle-timeout, 60 s in production). */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class SlowClientsTest {

    @Test
    void aConnectionThatStopsHalfwayThroughItsHeadersIsClosed() throws IOException {
        assertClosedAfterIdleTimeout("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nAccept: appl");
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosed() throws IOException {
        assertClosedAfterIdleTimeout("");
    }

    private static void assertClosedAfterIdleTimeout(String sent) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(sent.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long started = System.nanoTime();
            // The server answers nothing and closes: end of stream, before this socket's own 10 s read timeout.
            assertEquals(-1, socket.getInputStream().read());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds >= 1.5 && seconds < 8, "closed after " + seconds + " s");
        }
    }
}
