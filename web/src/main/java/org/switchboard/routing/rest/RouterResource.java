package org.switchboard.routing.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.errors.ApiException;
import org.switchboard.json.StrictRecords;
import org.switchboard.json.StrictRecords.Refused;
import org.switchboard.routing.Router;
import org.switchboard.routing.Routers;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The operator's API of an account's routers (Vumi Go's keyword, group and app_multiplexer): made, read, changed and
 * deleted here, wired into the account's routing table at {@code …/routing_table}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/routers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RouterResource {

    /** {@code {type, name, config}}: a new router. */
    public record NewRouter(String type, String name, Map<String, Object> config) {
    }

    /** {@code {name, config}}: each left out, left as it is. */
    public record RouterChange(String name, Map<String, Object> config) {
    }

    @PathParam("account_id")
    private String accountId;

    @Inject
    private AdminAuth admin;

    @Inject
    private Routers routers;

    @POST
    @APIResponse(responseCode = "201", description = "The router", content = @Content(schema = @Schema(ref = "Router")))
    @APIResponse(responseCode = "400", description = "What is wrong, naming the key", content = @Content(schema = @Schema(ref = "SwitchboardError")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "RouterRequest"))) JsonObject body) {
        admin.account(accountId);
        NewRouter request = StrictRecords.read(body, NewRouter.class);
        Router.Type type = Router.Type.of(AdminAuth.required("type", request.type()));
        if (type == null) {
            throw new Refused("type", "'type' must be keyword, group or app_multiplexer");
        }
        Routers.RouterView router = routers.create(accountId, type, AdminAuth.required("name", request.name()),
                config(body));
        return Response.status(Response.Status.CREATED).entity(json(router).toString()).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "The account's routers, oldest first")
    public String list() {
        admin.account(accountId);
        var list = JSON.createArrayBuilder();
        routers.list(accountId).forEach(r -> list.add(json(r)));
        return JSON.createObjectBuilder().add("routers", list).build().toString();
    }

    @GET
    @Path("{router_id}")
    @APIResponse(responseCode = "200", description = "The router", content = @Content(schema = @Schema(ref = "Router")))
    public String get(@PathParam("router_id") String routerId) {
        admin.account(accountId);
        return json(routers.find(accountId, routerId).orElseThrow(() -> noRouter(routerId))).toString();
    }

    @PUT
    @Path("{router_id}")
    @APIResponse(responseCode = "200", description = "The router", content = @Content(schema = @Schema(ref = "Router")))
    @APIResponse(responseCode = "400", description = "What is wrong, naming the key", content = @Content(schema = @Schema(ref = "SwitchboardError")))
    public String change(@PathParam("router_id") String routerId,
            @RequestBody(content = @Content(schema = @Schema(ref = "RouterRequest"))) JsonObject body) {
        admin.account(accountId);
        RouterChange change = StrictRecords.read(body, RouterChange.class);
        if (change.name() != null && change.name().isBlank()) {
            throw new Refused("name", "'name' must not be empty");
        }
        return json(routers.update(accountId, routerId, change.name(), body.containsKey("config") ? config(body) : null)
                .orElseThrow(() -> noRouter(routerId))).toString();
    }

    @DELETE
    @Path("{router_id}")
    @APIResponse(responseCode = "204", description = "Deleted, with its entries of the routing table")
    public Response delete(@PathParam("router_id") String routerId) {
        admin.account(accountId);
        if (!routers.delete(accountId, routerId)) {
            throw noRouter(routerId);
        }
        return Response.noContent().build();
    }

    private ApiException noRouter(String routerId) {
        return ApiException.notFound("Router " + routerId + " not found in account " + accountId);
    }

    /** The body's config as sent (its type checked by the record), empty when left out or null. */
    private static JsonObject config(JsonObject body) {
        JsonValue value = body.getOrDefault("config", JsonValue.EMPTY_JSON_OBJECT);
        return value == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT : value.asJsonObject();
    }

    static JsonObject json(Routers.RouterView view) {
        var endpoints = JSON.createArrayBuilder();
        view.config().endpoints().forEach(endpoints::add);
        return JSON.createObjectBuilder()
                .add("id", view.id())
                .add("type", view.type().wireName())
                .add("name", view.name())
                .add("config", view.config().json())
                .add("endpoints", endpoints)
                .add("created_at", view.createdAt().toString())
                .build();
    }
}
