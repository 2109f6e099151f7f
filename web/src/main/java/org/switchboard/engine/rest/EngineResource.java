package org.switchboard.engine.rest;

import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.engine.EngineStats;

/**
 * {@code GET /api/admin/engine}: the message engine's counters since start (accepted, sent to vendors, events stored,
 * pushes delivered and failed), what its work is waiting on, and the mean cost of each step. The benchmark reads it.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/engine")
@Produces(MediaType.APPLICATION_JSON)
public class EngineResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private EngineStats stats;

    @GET
    public Response stats() {
        return Response.ok(stats.toJson().toString()).build();
    }
}
