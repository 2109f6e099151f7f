package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.JsonBodies;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.channels.VendorNumbers;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The operator's API of a vendor's messaging service (seed 003): put numbers of the account's inventory into it, or
 * take them all out. A vendor's API error answers 502 with the vendor's {@code {code, description, link}}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/vendors/{vendor}/messaging-services/{sid}/numbers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class MessagingServiceResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private VendorNumbers numbers;

    private ServiceVendor vendor(String name) {
        return VendorCalls.vendor(vendors, name);
    }

    @POST
    @Operation(summary = "addNumbersToMessagingService: {area_code} or {numbers: [...]} of the inventory")
    public String addToService(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @PathParam("sid") String sid,
            @RequestBody(content = @Content(schema = @Schema(ref = "ServiceNumbers"))) JsonObject body) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<String> listed = body.get("numbers") instanceof jakarta.json.JsonArray array
                ? array.stream().map(v -> v instanceof JsonString s ? s.getString() : "").toList()
                : null;
        String areaCode = listed == null ? VendorCalls.areaCode(JsonBodies.required(body, "area_code")) : null;
        return VendorNumbersResource
                .numbersJson(
                        VendorCalls.vendorCall(() -> numbers.addToService(accountId, vendor, sid, listed, areaCode)))
                .build().toString();
    }

    @DELETE
    @Operation(summary = "clearMessagingServicePhones: removes every number from the messaging service")
    public String clearService(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @PathParam("sid") String sid) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<String> removed = VendorCalls.vendorCall(() -> numbers.clearService(accountId, vendor, sid));
        return JSON.createObjectBuilder().add("removed", JSON.createArrayBuilder(removed)).build().toString();
    }
}
