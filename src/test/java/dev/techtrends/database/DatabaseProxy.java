package dev.techtrends.database;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the service and its PostgreSQL that a test can cut, as an outage does: {@link #down()} drops
 * every connection and refuses new ones, {@link #up()} listens again on the same port. Proxies the database of
 * QUARKUS_DATASOURCE_REACTIVE_URL; without it (Dev Services) it is inactive and the service talks to its database.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    static volatile DatabaseProxy instance;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private String targetHost;
    private int targetPort;
    private int port;
    private volatile ServerSocket listening;

    static boolean active() {
        return instance != null;
    }

    @Override
    public Map<String, String> start() {
        String url = System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL");
        if (url == null) {
            return Map.of();
        }
        URI target = URI.create(url.replaceFirst("^postgresql:", "tcp:"));
        targetHost = target.getHost();
        targetPort = target.getPort() < 0 ? 5432 : target.getPort();
        String database = target.getPath().replaceFirst("^/", "");
        try {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = listening.getLocalPort();
        accept(listening);
        instance = this;
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + database);
    }

    @Override
    public void stop() {
        down();
        instance = null;
    }

    /** Every connection dropped; new ones refused. */
    synchronized void down() {
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (IOException ignored) {
            // closed either way
        }
        listening = null;
        open.forEach(DatabaseProxy::closeQuietly);
        open.clear();
    }

    /** Listening again on the same port. */
    synchronized void up() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = socket;
        accept(socket);
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket database = new Socket(targetHost, targetPort);
                    // as PostgreSQL's clients do: without it, Nagle's algorithm and delayed ACKs stall every small
                    // exchange (the import took five times as long through the proxy)
                    client.setTcpNoDelay(true);
                    database.setTcpNoDelay(true);
                    open.add(client);
                    open.add(database);
                    pump(client, database);
                    pump(database, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "database-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away: so does the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
