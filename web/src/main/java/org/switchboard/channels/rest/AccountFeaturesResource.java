package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.channels.VendorAccounts;
import org.switchboard.errors.ApiException;
import org.switchboard.json.JsonStrings;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/** An account's features, as Spoke's organisation features: {@code DEFAULT_SERVICE}, {@code PHONE_NUMBER_COUNTRY}. */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/features")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AccountFeaturesResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private VendorAccounts store;

    @GET
    @Operation(summary = "The account's features (DEFAULT_SERVICE, PHONE_NUMBER_COUNTRY)")
    public String features(@PathParam("account_id") String accountId) {
        admin.account(accountId);
        return featuresJson(accountId);
    }

    @PUT
    @Operation(summary = "Sets the account's features: a JSON object; DEFAULT_SERVICE must name a vendor")
    public String setFeatures(@PathParam("account_id") String accountId,
            @RequestBody(content = @Content(schema = @Schema(ref = "AccountFeatures"))) JsonObject body) {
        admin.account(accountId);
        JsonValue service = body.get(ServiceVendors.DEFAULT_SERVICE);
        if (service != null && service != JsonValue.NULL) {
            if (!(service instanceof JsonString named)) {
                throw ApiException.badRequest("'DEFAULT_SERVICE' must be a vendor's name");
            }
            VendorCalls.badRequestIfWrong(() -> vendors.canonical(named.getString()));
        }
        if (body.toString().length() > 4096) {
            throw ApiException.badRequest("The features may be 4096 characters at most");
        }
        store.setFeatures(accountId, body.isEmpty() ? null : body.toString());
        return featuresJson(accountId);
    }

    private String featuresJson(String accountId) {
        String features = store.features(accountId);
        return JSON.createObjectBuilder()
                .add("features", features == null ? JsonValue.EMPTY_JSON_OBJECT : JsonStrings.object(features))
                .add("default_service", vendors.defaultService(accountId))
                .build().toString();
    }
}
