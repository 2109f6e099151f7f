package org.switchboard.contacts.rest;

import org.switchboard.accounts.AccountView;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;

/**
 * Groups as go-contacts-api serves them and the go-http {@code ContactsApiClient} calls them, under
 * {@code /api/v1/go/groups/}: static groups, and smart groups whose members are the contacts a Lucene query finds;
 * a group's members page as the contacts do. The account's API token as a Bearer token.
 */
@Path("api/v1/go/groups")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.GO_REST)
@Produces(MediaType.APPLICATION_JSON)
public class GoGroupsResource {

    @Inject
    ContactsApi contacts;

    @Context
    HttpServletRequest request;

    @GET
    @Path("/")
    @Operation(summary = "The account's groups")
    @APIResponse(responseCode = "200", description = "The groups", content = @Content(schema = @Schema(ref = "GoGroupPage")))
    public Response groups() {
        return Response.ok(new GoPages.Page(null, contacts.groups(account().id()))).build();
    }

    @POST
    @Path("/")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Creates a group: {name}, and a Lucene query for a smart group")
    @APIResponse(responseCode = "200", description = "The group", content = @Content(schema = @Schema(ref = "GoGroup")))
    public JsonObject createGroup(
            @RequestBody(content = @Content(schema = @Schema(ref = "GoGroupFields"))) JsonObject fields) {
        return contacts.createGroup(account().id(), GoPages.text(fields, "name"), GoPages.text(fields, "query"));
    }

    @GET
    @Path("{key}")
    @Operation(summary = "A group by its key")
    @APIResponse(responseCode = "200", description = "The group", content = @Content(schema = @Schema(ref = "GoGroup")))
    public JsonObject group(@PathParam("key") String key) {
        return contacts.group(account().id(), key).orElseThrow(() -> noGroup(key));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Changes a group's name or query")
    @APIResponse(responseCode = "200", description = "The group", content = @Content(schema = @Schema(ref = "GoGroup")))
    public JsonObject updateGroup(@PathParam("key") String key,
            @RequestBody(content = @Content(schema = @Schema(ref = "GoGroupFields"))) JsonObject fields) {
        return contacts.updateGroup(account().id(), key, GoPages.text(fields, "name"), GoPages.text(fields, "query"),
                fields.containsKey("query")).orElseThrow(() -> noGroup(key));
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Deletes a group (its contacts stay); answers it as it was")
    @APIResponse(responseCode = "200", description = "The group as it was", content = @Content(schema = @Schema(ref = "GoGroup")))
    public JsonObject deleteGroup(@PathParam("key") String key) {
        return contacts.deleteGroup(account().id(), key).orElseThrow(() -> noGroup(key));
    }

    @GET
    @Path("{key}/contacts")
    @Operation(summary = "A group's contacts, a page at a time, or streamed (?stream=true)")
    @APIResponse(responseCode = "200", description = "A page of contacts", content = @Content(schema = @Schema(ref = "GoContactPage")))
    public Response members(@PathParam("key") String key, @QueryParam("cursor") String cursor,
            @QueryParam("max_results") Integer maxResults, @QueryParam("stream") boolean stream) {
        return GoPages.pageOrStream(
                contacts.members(account().id(), key, GoPages.limit(maxResults)).orElseThrow(() -> noGroup(key)),
                cursor, stream);
    }

    private static ApiException noGroup(String key) {
        return ApiException.notFound("group", "Group '" + key + "' not found.");
    }

    private AccountView account() {
        return (AccountView) request.getAttribute(ApiAuthentication.ACCOUNT);
    }
}
