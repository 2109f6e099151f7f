package org.switchboard.routing.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.routing.RoutingTables;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The operator's API of an account's routing table, Vumi Go's nested map: read it, or replace it whole (checked entry
 * by entry first; the next message follows it). The answer names the loose ends as {@code warnings}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/routing_table")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RoutingTableResource {

    @PathParam("account_id")
    private String accountId;

    @Inject
    private AdminAuth admin;

    @Inject
    private RoutingTables tables;

    @GET
    @APIResponse(responseCode = "200", description = "The table and its warnings", content = @Content(schema = @Schema(ref = "RoutingTable")))
    public String read() {
        admin.account(accountId);
        return json(tables.read(accountId));
    }

    @PUT
    @APIResponse(responseCode = "200", description = "The table stored and its warnings", content = @Content(schema = @Schema(ref = "RoutingTable")))
    @APIResponse(responseCode = "400", description = "The entry that is wrong and why; nothing is changed", content = @Content(schema = @Schema(ref = "SwitchboardError")))
    public String replace(@RequestBody(content = @Content(schema = @Schema(ref = "RoutingTable"))) JsonObject body) {
        admin.account(accountId);
        return json(tables.replace(accountId, body));
    }

    private static String json(RoutingTables.Checked checked) {
        var warnings = JSON.createArrayBuilder();
        checked.warnings().forEach(warnings::add);
        return JSON.createObjectBuilder()
                .add("routing_table", RoutingTables.json(checked.table()))
                .add("warnings", warnings)
                .build().toString();
    }
}
