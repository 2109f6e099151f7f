package org.switchboard.contacts.rest;

import org.switchboard.accounts.AccountView;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.contacts.InvalidContactException;
import org.switchboard.contacts.ContactService;

/** Creates an account's contacts and searches them with Lucene queries. */
@Path("api/contacts")
@Allowed(Roles.ACCOUNT)
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    private ContactsApi contacts;

    @Context
    private ContainerRequestContext request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The contact", content = @Content(schema = @Schema(ref = "GoContact")))
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(ref = "GoContactFields"))) JsonObject body) {
        JsonObject contact;
        try {
            contact = contacts.create(account().id(), body);
        } catch (InvalidContactException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Response.status(Response.Status.CREATED).entity(contact.toString()).build();
    }

    @GET
    @Path("search")
    @APIResponse(responseCode = "200", description = "The contacts found", content = @Content(schema = @Schema(ref = "ContactSearch")))
    public Response search(@QueryParam("query") String query, @QueryParam("max_keys") Integer maxKeys) {
        if (query == null || query.isBlank()) {
            throw ApiException
                    .badRequest("Give a Lucene query as ?query=, for example name:\"My Name\" or surname:Jo*");
        }
        int max = maxKeys == null ? ContactService.DEFAULT_MAX : Math.max(1, Math.min(maxKeys, 10_000));
        JsonArrayBuilder found = JSON.createArrayBuilder();
        try {
            contacts.search(account().id(), query, max).forEach(found::add);
        } catch (ContactService.InvalidQueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Response.ok(JSON.createObjectBuilder().add("contacts", found).build().toString()).build();
    }

    private AccountView account() {
        return (AccountView) request.getProperty(ApiAuthentication.ACCOUNT);
    }
}
