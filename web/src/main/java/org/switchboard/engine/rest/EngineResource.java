package org.switchboard.engine.rest;

import static org.switchboard.json.Jsonp.JSON;

import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.engine.EngineStats;
import org.switchboard.engine.Leases;

/**
 * {@code GET /api/admin/engine}: the message engine's counters since start (accepted, sent to vendors, events stored,
 * pushes delivered and failed), what its work is waiting on, and the mean cost of each step, on the instance that
 * answers: its name ({@code instance}) and the leases it holds ({@code leases}: its channels' lanes, jobs, the group's
 * sweeps). The benchmark and the tests of several instances read it.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/engine")
@Produces(MediaType.APPLICATION_JSON)
public class EngineResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private EngineStats stats;

    @Inject
    private Leases leases;

    @GET
    public Response stats() {
        JsonObjectBuilder json = JSON.createObjectBuilder(stats.toJson())
                .add("instance", leases.me())
                .add("leases", JSON.createArrayBuilder(leases.held().stream().sorted().toList()));
        return Response.ok(json.build().toString()).build();
    }
}
