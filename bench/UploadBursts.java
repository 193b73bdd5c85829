import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Bursts of concurrent one-row uploads, each to another technology and quarter, from one process (forking a curl per
 * upload would cost the machine more CPU than the service spends on them). Prints, per burst, the statuses and the
 * slowest answer. Every value is new (the run's start time is part of it), so every upload changes the data. Usage: java bench/UploadBursts.java <base URL> <admin key> <bursts> <uploads per burst> <pause s>
 */
public class UploadBursts {
    static final String[] TECHNOLOGIES = {"python", "java", "go", "rust", "php", "ruby", "kotlin", "csharp",
            "typescript", "javascript", "django", "flask", "fastapi", "express", "nestjs", "laravel", "spring-boot",
            "ruby-on-rails", "aspnet-core", "nodejs", "deno", "bun", "postgresql", "mysql", "mongodb", "redis",
            "microservices", "serverless", "containerization", "blockchain"};

    public static void main(String[] args) throws Exception {
        URI target = URI.create(args[0] + "/api/v1/ingestions");
        int bursts = Integer.parseInt(args[2]);
        int perBurst = Integer.parseInt(args[3]);
        long pauseMillis = Long.parseLong(args[4]) * 1000;
        double runOffset = (System.currentTimeMillis() % 100_000) / 1e9;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Thread.sleep(pauseMillis); // let this JVM's own start-up pass before the first burst
        for (int burst = 0; burst < bursts; burst++) {
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = 0; i < perBurst; i++) {
                String csv = "signal,technology,period,value\ngithub_topic_developers,"
                        + TECHNOLOGIES[i % TECHNOLOGIES.length] + ",2025-Q" + (2 + (i / TECHNOLOGIES.length) % 2) + ","
                        + (0.001 + runOffset + (burst * perBurst + i) / 1_000_000.0) + "\n";
                answers.add(client.sendAsync(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                        .header("X-API-Key", args[1]).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<HttpResponse<Void>> answer : answers) {
                statuses.merge(answer.join().statusCode(), 1, Integer::sum);
            }
            System.out.printf("burst %d: %d uploads, statuses %s, slowest answer %.1f s%n", burst + 1, perBurst,
                    statuses, (System.nanoTime() - started) / 1e9);
            Thread.sleep(pauseMillis);
        }
    }
}
