package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.switchboard.errors.ApiException;
import org.switchboard.json.JsonStrings;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The operator's API of an account's number inventory on a vendor (seed 003): the numbers it has, rent numbers in an
 * area code, release them. A vendor's API error answers 502 with the vendor's {@code {code, description, link}}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/vendors/{vendor}/numbers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class VendorNumbersResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private VendorNumbers numbers;

    private ServiceVendor vendor(String name) {
        return VendorCalls.vendor(vendors, name);
    }

    @GET
    @Operation(summary = "The account's numbers on the vendor, in an area code if given")
    public String numbers(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @QueryParam("area_code") String areaCode) {
        admin.account(accountId);
        return numbersJson(numbers.list(accountId, vendor(name), areaCode)).build().toString();
    }

    @POST
    @Operation(summary = "buyNumbersInAreaCode: {area_code, limit} rents up to limit (1 to 100) numbers")
    public Response buy(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @RequestBody(content = @Content(schema = @Schema(ref = "BuyNumbers"))) JsonObject body) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        String areaCode = VendorCalls.areaCode(JsonBodies.required(body, "area_code"));
        JsonValue limitValue = body.getOrDefault("limit", JSON.createValue(1));
        if (!(limitValue instanceof jakarta.json.JsonNumber limitNumber) || !limitNumber.isIntegral()
                || limitNumber.intValue() < 1 || limitNumber.intValue() > 100) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to 100");
        }
        List<VendorNumbers.Number> bought = VendorCalls.vendorCall(() -> numbers.buy(accountId, vendor, areaCode,
                limitNumber.intValue()));
        return Response.status(Response.Status.CREATED).entity(numbersJson(bought).build().toString()).build();
    }

    @DELETE
    @Operation(summary = "deleteNumbersInAreaCode: releases the account's numbers in the area code")
    public String release(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @QueryParam("area_code") String areaCode) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<VendorNumbers.Number> released = VendorCalls.vendorCall(() -> numbers.release(accountId, vendor,
                VendorCalls.areaCode(areaCode)));
        return numbersJson(released).add("deleted", released.size()).build().toString();
    }

    static JsonObjectBuilder numbersJson(List<VendorNumbers.Number> rows) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        rows.forEach(n -> list.add(JSON.createObjectBuilder()
                .add("number", n.number())
                .add("area_code", JsonStrings.orNull(n.areaCode()))
                .add("vendor_id", JsonStrings.orNull(n.vendorId()))
                .add("messaging_service_sid", JsonStrings.orNull(n.messagingServiceSid()))
                .add("bought_at", n.boughtAt().toString())));
        return JSON.createObjectBuilder().add("numbers", list);
    }
}
