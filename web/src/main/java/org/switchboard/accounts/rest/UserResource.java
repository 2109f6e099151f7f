package org.switchboard.accounts.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.AccountUser;
import org.switchboard.accounts.UserView;
import org.switchboard.accounts.Users;
import org.switchboard.json.StrictRecords;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/** The operator's API for an account's web UI users: who may log in, and as what. Passwords are never shown. */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class UserResource {

    @Inject
    AdminAuth admin;

    @Inject
    Users users;

    @PathParam("account_id")
    String accountId;

    /** {@code {email, password, role}}: a new user (role owner, admin or viewer). */
    @Schema(name = "NewUser")
    public record NewUser(String email, String password, String role) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "The user (without the password)")
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "NewUser"))) JsonObject body) {
        admin.account(accountId);
        NewUser request = StrictRecords.read(body, NewUser.class);
        UserView user = users.create(accountId, request.email(), request.password(),
                AccountUser.Role.parse(request.role()));
        return Response.status(Response.Status.CREATED).entity(json(user).build().toString()).build();
    }

    @GET
    public Response list() {
        admin.account(accountId);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        users.of(accountId).forEach(user -> list.add(json(user)));
        return Response.ok(JSON.createObjectBuilder().add("users", list).build().toString()).build();
    }

    private static jakarta.json.JsonObjectBuilder json(UserView user) {
        return JSON.createObjectBuilder()
                .add("id", user.id())
                .add("email", user.email())
                .add("role", user.role().name().toLowerCase(Locale.ROOT))
                .add("created_at", user.createdAt().toString());
    }
}
