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
 * Contacts as go-contacts-api serves them (groups: GoGroupsResource) and the go-http {@code ContactsApiClient} calls them, under
 * {@code /api/v1/go}: lists page with {@code {"cursor": ..., "data": [...]}} ({@code ?cursor=} for the next page,
 * {@code ?max_results=}), or stream one JSON object a line with {@code ?stream=true}; {@code ?query=field=value}
 * finds contacts by a field. The account's API token as a Bearer token. The same contacts and groups the sandbox's
 * resources use.
 */
@Path("api/v1/go")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.GO_REST)
@Produces(MediaType.APPLICATION_JSON)
public class GoContactsResource {

    @Inject
    ContactsApi contacts;

    @Context
    HttpServletRequest request;

    @GET
    @Path("contacts/")
    @Operation(summary = "The account's contacts, a page at a time, by ?query=field=value, or streamed (?stream=true)")
    @APIResponse(responseCode = "200", description = "A page of contacts", content = @Content(schema = @Schema(ref = "GoContactPage")))
    @APIResponse(responseCode = "400", description = "A query that is not field=value", content = @Content(schema = @Schema(ref = "GoRestError")))
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("max_results") Integer maxResults,
            @QueryParam("query") String query, @QueryParam("stream") boolean stream) {
        String accountId = account().id();
        int limit = GoPages.limit(maxResults);
        int equals = query == null ? -1 : query.indexOf('=');
        if (query != null && equals <= 0) {
            throw ApiException.badRequest("A query is field=value, e.g. msisdn=+27831234567");
        }
        String field = query == null ? null : query.substring(0, equals);
        String value = query == null ? null : query.substring(equals + 1);
        return GoPages.pageOrStream(after -> contacts.contacts(accountId, field, value, after, limit), cursor, stream);
    }

    @POST
    @Path("contacts/")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Creates a contact from Vumi Go contact fields")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(schema = @Schema(ref = "GoContact")))
    public JsonObject create(
            @RequestBody(content = @Content(schema = @Schema(ref = "GoContactFields"))) JsonObject fields) {
        return contacts.create(account().id(), fields);
    }

    @GET
    @Path("contacts/{key}")
    @Operation(summary = "A contact by its key")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(schema = @Schema(ref = "GoContact")))
    @APIResponse(responseCode = "404", description = "No such contact", content = @Content(schema = @Schema(ref = "GoRestError")))
    public JsonObject get(@PathParam("key") String key) {
        return contacts.contact(account().id(), key).orElseThrow(() -> noContact(key));
    }

    @PUT
    @Path("contacts/{key}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Changes the fields given")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(schema = @Schema(ref = "GoContact")))
    public JsonObject update(@PathParam("key") String key,
            @RequestBody(content = @Content(schema = @Schema(ref = "GoContactFields"))) JsonObject fields) {
        return contacts.update(account().id(), key, fields).orElseThrow(() -> noContact(key));
    }

    @DELETE
    @Path("contacts/{key}")
    @Operation(summary = "Deletes a contact; answers it as it was")
    @APIResponse(responseCode = "200", description = "The contact as it was", content = @Content(schema = @Schema(ref = "GoContact")))
    public JsonObject delete(@PathParam("key") String key) {
        return contacts.delete(account().id(), key).orElseThrow(() -> noContact(key));
    }

    private static ApiException noContact(String key) {
        return ApiException.notFound("contact", "Contact '" + key + "' not found.");
    }

    private AccountView account() {
        return (AccountView) request.getAttribute(ApiAuthentication.ACCOUNT);
    }
}
