package org.switchboard.messages.junebug;

import org.switchboard.openapi.JunebugShapes;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;

/**
 * Junebug's {@code GET /health}: 200 "health ok", or 500 "health not ok" when a check fails, with the readiness checks
 * of MicroProfile Health (database, broker, sandbox adapter) as the result, as Junebug lists its queues. Payara's own
 * MicroProfile Health endpoint is moved to {@code /health-checks} so that this path stays Junebug's.
 */
@ApplicationScoped
@Path("health")
@PermitAll
@Errors(ErrorFormat.JUNEBUG)
public class JunebugHealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    /** A check as the answer lists it. */
    @JsonbPropertyOrder({"name", "status", "data"})
    public record Check(String name, String status, Map<String, Object> data) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Junebug's health: the platform's readiness checks in Junebug's envelope")
    @APIResponse(responseCode = "200", description = "health ok", content = @Content(schema = @Schema(ref = "JunebugHealth")))
    @APIResponse(responseCode = "500", description = "health not ok", content = @Content(schema = @Schema(ref = "JunebugHealth")))
    public Response health() {
        List<Check> results = new ArrayList<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            up &= response.getStatus() == HealthCheckResponse.Status.UP;
            results.add(new Check(response.getName(), response.getStatus().name(),
                    response.getData().orElse(null)));
        }
        return JunebugResponses.ok(up ? Response.Status.OK : Response.Status.INTERNAL_SERVER_ERROR,
                up ? "health ok" : "health not ok", results).build();
    }
}
