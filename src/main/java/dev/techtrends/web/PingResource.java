package dev.techtrends.web;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cheapest JSON answer the process can give: a load balancer's liveness ping, and the reference every
 * endpoint's throughput is compared with in bench/.
 */
@Path("/ping")
@Tag(name = "Operations")
public class PingResource {

    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @GET
    @NonBlocking // like every other read: answered on the event loop, so the benchmark compares like with like
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Cheapest JSON answer", description = "Always {\"status\":\"ok\"}; "
            + "touches neither the database nor any cache. Use /q/health/ready for readiness.")
    public Pong ping() {
        return PONG;
    }
}
