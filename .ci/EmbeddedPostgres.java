import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL from the zonky binaries on Maven Central (.ci/postgres.sh runs it as a Java source file,
 * with the test classpath), creates the role techtrends and the given databases, writes the port to the ready file,
 * and keeps it running until killed. Usage: java -cp <classpath> EmbeddedPostgres.java <data dir> <ready file> <db>...
 * As root it runs PostgreSQL in a user namespace (unshare -U) as zonky does by itself; where that is not possible,
 * run it as an ordinary user.
 */
public class EmbeddedPostgresLauncher {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        Files.createDirectories(data);
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_roles where rolname = 'techtrends'").next()) {
                statement.execute("create role techtrends login password 'techtrends'");
            }
            for (int i = 2; i < args.length; i++) {
                if (!statement.executeQuery("select 1 from pg_database where datname = '" + args[i] + "'").next()) {
                    statement.execute("create database " + args[i] + " owner techtrends");
                }
            }
        }
        Files.writeString(ready, Integer.toString(postgres.getPort()));
        Thread.currentThread().join();
    }
}
