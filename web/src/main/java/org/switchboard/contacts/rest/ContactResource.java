package org.switchboard.contacts.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.switchboard.messages.JsonStrings;
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
import org.switchboard.JsonBodies;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.rest.AccountAuthFilter;
import org.switchboard.accounts.rest.Authenticated;
import org.switchboard.contacts.Contact;
import org.switchboard.contacts.ContactService;

/** Creates an account's contacts and searches them with Lucene queries. */
@Path("api/contacts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    private ContactService contacts;

    @Context
    private ContainerRequestContext request;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        Contact contact = contacts.create(account().getId(), c -> {
            c.setName(JsonBodies.string(json, "name"));
            c.setSurname(JsonBodies.string(json, "surname"));
            c.setMsisdn(JsonBodies.string(json, "msisdn"));
            c.setEmailAddress(JsonBodies.string(json, "email_address"));
            c.setTwitterHandle(JsonBodies.string(json, "twitter_handle"));
            c.setFacebookId(JsonBodies.string(json, "facebook_id"));
            c.setBbmPin(JsonBodies.string(json, "bbm_pin"));
            c.setGtalkId(JsonBodies.string(json, "gtalk_id"));
            c.setMxitId(JsonBodies.string(json, "mxit_id"));
            c.setWechatId(JsonBodies.string(json, "wechat_id"));
            c.setDob(JsonBodies.string(json, "dob"));
        });
        return Response.status(Response.Status.CREATED).entity(json(contact).toString()).build();
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("query") String query, @QueryParam("max_keys") Integer maxKeys) {
        if (query == null || query.isBlank()) {
            throw JsonBodies.badRequest("Give a Lucene query as ?query=, for example name:\"My Name\" or surname:Jo*");
        }
        int max = maxKeys == null ? ContactService.DEFAULT_MAX : Math.max(1, Math.min(maxKeys, 10_000));
        JsonArrayBuilder found = Json.createArrayBuilder();
        try {
            contacts.search(account().getId(), query, max).forEach(contact -> found.add(json(contact)));
        } catch (ContactService.InvalidQueryException e) {
            throw JsonBodies.badRequest(e.getMessage());
        }
        return Response.ok(Json.createObjectBuilder().add("contacts", found).build().toString()).build();
    }

    private Account account() {
        return (Account) request.getProperty(AccountAuthFilter.ACCOUNT);
    }

    private static JsonObject json(Contact contact) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("key", contact.getKey());
        json.add("name", JsonStrings.orNull(contact.getName()));
        json.add("surname", JsonStrings.orNull(contact.getSurname()));
        json.add("msisdn", JsonStrings.orNull(contact.getMsisdn()));
        json.add("email_address", JsonStrings.orNull(contact.getEmailAddress()));
        json.add("twitter_handle", JsonStrings.orNull(contact.getTwitterHandle()));
        json.add("facebook_id", JsonStrings.orNull(contact.getFacebookId()));
        json.add("bbm_pin", JsonStrings.orNull(contact.getBbmPin()));
        json.add("gtalk_id", JsonStrings.orNull(contact.getGtalkId()));
        json.add("mxit_id", JsonStrings.orNull(contact.getMxitId()));
        json.add("wechat_id", JsonStrings.orNull(contact.getWechatId()));
        json.add("dob", JsonStrings.orNull(contact.getDob()));
        json.add("created_at", contact.getCreatedAt().toString());
        return json.build();
    }

}
