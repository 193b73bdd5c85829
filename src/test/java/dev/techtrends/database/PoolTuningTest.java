package dev.techtrends.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The writable server of a list, found over real connections: the test database and a port nobody listens on. */
@QuarkusTest
class PoolTuningTest {

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    Vertx vertx;

    @Test
    void theServerNotInRecoveryIsChosenWhereverItIsInTheList() throws Exception {
        PgConnectOptions database = options(url.split(",")[0].strip());
        PgConnectOptions nobody = options("postgresql://127.0.0.1:" + closedPort() + "/techtrends");
        for (List<PgConnectOptions> servers : List.of(List.of(nobody, database), List.of(database, nobody))) {
            PgConnectOptions chosen = PoolTuning.writable(vertx, servers).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(database.getPort(), chosen.getPort());
        }
    }

    @Test
    void noWritableServerIsAConnectionFailureTheServiceAnswers503For() throws Exception {
        PgConnectOptions nobody = options("postgresql://127.0.0.1:" + closedPort() + "/techtrends");
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> PoolTuning.writable(vertx, List.of(nobody, nobody)).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof ConnectException, failure.getCause().toString());
        assertTrue(DatabaseOutages.isUnavailability(failure.getCause()));
    }

    private PgConnectOptions options(String uri) {
        return PgConnectOptions.fromUri(uri.replaceFirst("^vertx-reactive:", "")).setUser(username)
                .setPassword(password).setConnectTimeout(2_000);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
