package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.switchboard.channels.ServiceVendor.ContactInfo;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.channels.VendorAccounts;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.VendorNumbers;
import org.switchboard.engine.VendorError;
import org.switchboard.errors.ApiException;
import org.switchboard.json.JsonStrings;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import org.switchboard.secrets.Secrets;

/**
 * The operator's API of service vendors (seed 003): what each vendor is and its error codes; an account's
 * {@code features} ({@code DEFAULT_SERVICE}) and own settings of a vendor that {@code supportsOrgConfig} (secrets
 * shown as {@code <Encrypted>}, and kept when sent back so); contact lookup; the number inventory and messaging
 * services. A vendor's API error answers 502 with the vendor's {@code {code, description, link}}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/vendors/{vendor}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class VendorAdminResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private VendorAccounts store;

    @Inject
    private VendorNumbers numbers;

    @GET
    @Operation(summary = "getServiceConfig: the account's settings of the vendor, secrets obscured")
    public String config(@PathParam("account_id") String accountId, @PathParam("vendor") String name) {
        admin.account(accountId);
        return configJson(accountId, vendor(name));
    }

    @PUT
    @Operation(summary = "updateConfig: the account's own settings of the vendor (encrypted at rest); a secret sent"
            + " back as <Encrypted> keeps its stored value")
    public String updateConfig(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @RequestBody(content = @Content(schema = @Schema(ref = "VendorSettings"))) JsonObject body) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        store.updateSettings(accountId, vendor, body);
        return configJson(accountId, vendor);
    }

    private String configJson(String accountId, ServiceVendor vendor) {
        String name = vendor.metadata().name();
        VendorConfig config = vendors.config(accountId, vendor);
        String own = store.settings(accountId, name);
        return JSON.createObjectBuilder()
                .add("vendor", name)
                .add("supports_org_config", vendor.metadata().supportsOrgConfig())
                .add("settings", own == null ? JsonValue.EMPTY_JSON_OBJECT : Secrets.masked(JsonStrings.object(own)))
                .add("effective", Secrets.masked(config.values()))
                .add("fully_configured", vendor.fullyConfigured(config))
                .add("missing", JSON.createArrayBuilder(vendor.missing(config)))
                .add("message_service_sid", JsonStrings.orNull(vendor.messageServiceSid(config, null, null)))
                .add("webhooks", config.publicUrl() + "/vendors/" + name + "/<channel id>")
                .build().toString();
    }

    @GET
    @Path("contacts/{number}")
    @Operation(summary = "getContactInfo / getFreeContactInfo: carrier and status_code (1 textable, -1 landline,"
            + " -2 not in service, -3 not of PHONE_NUMBER_COUNTRY, -4 lookup failed)")
    public String contact(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @PathParam("number") String number, @QueryParam("lookup_name") boolean lookupName) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        VendorConfig config = vendors.config(accountId, vendor);
        ContactInfo info = vendorCall(() -> vendor.freeContactInfo(config, number)
                .orElseGet(() -> vendor.contactInfo(config, number, lookupName)));
        int status = info.statusCode();
        String country = store.country(accountId);
        if (status >= 0 && country != null && info.country() != null && !country.equalsIgnoreCase(info.country())) {
            status = ContactInfo.WRONG_COUNTRY;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("contact_number", number)
                .add("organization_id", accountId)
                .add("service", vendor.metadata().name())
                .add("carrier", JsonStrings.orNull(info.carrier()))
                .add("status_code", status)
                .add("country", JsonStrings.orNull(info.country()));
        if (info.lastErrorCode() != null) {
            json.add("last_error_code", info.lastErrorCode());
        }
        if (info.lookupName() != null) {
            json.add("lookup_name", info.lookupName());
        }
        return json.build().toString();
    }

    @GET
    @Path("numbers")
    @Operation(summary = "The account's numbers on the vendor, in an area code if given")
    public String numbers(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @QueryParam("area_code") String areaCode) {
        admin.account(accountId);
        return numbersJson(numbers.list(accountId, vendor(name), areaCode)).build().toString();
    }

    @POST
    @Path("numbers")
    @Operation(summary = "buyNumbersInAreaCode: {area_code, limit} rents up to limit (1 to 100) numbers")
    public Response buy(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @RequestBody(content = @Content(schema = @Schema(ref = "BuyNumbers"))) JsonObject body) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        String areaCode = areaCode(JsonBodies.required(body, "area_code"));
        JsonValue limitValue = body.getOrDefault("limit", JSON.createValue(1));
        if (!(limitValue instanceof jakarta.json.JsonNumber limitNumber) || !limitNumber.isIntegral()
                || limitNumber.intValue() < 1 || limitNumber.intValue() > 100) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to 100");
        }
        List<VendorNumbers.Number> bought = vendorCall(() -> numbers.buy(accountId, vendor, areaCode,
                limitNumber.intValue()));
        return Response.status(Response.Status.CREATED).entity(numbersJson(bought).build().toString()).build();
    }

    @DELETE
    @Path("numbers")
    @Operation(summary = "deleteNumbersInAreaCode: releases the account's numbers in the area code")
    public String release(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @QueryParam("area_code") String areaCode) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<VendorNumbers.Number> released = vendorCall(() -> numbers.release(accountId, vendor,
                areaCode(areaCode)));
        return numbersJson(released).add("deleted", released.size()).build().toString();
    }

    @POST
    @Path("messaging-services/{sid}/numbers")
    @Operation(summary = "addNumbersToMessagingService: {area_code} or {numbers: [...]} of the inventory")
    public String addToService(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @PathParam("sid") String sid,
            @RequestBody(content = @Content(schema = @Schema(ref = "ServiceNumbers"))) JsonObject body) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<String> listed = body.get("numbers") instanceof jakarta.json.JsonArray array
                ? array.stream().map(v -> v instanceof JsonString s ? s.getString() : "").toList()
                : null;
        String areaCode = listed == null ? areaCode(JsonBodies.required(body, "area_code")) : null;
        return numbersJson(vendorCall(() -> numbers.addToService(accountId, vendor, sid, listed, areaCode)))
                .build().toString();
    }

    @DELETE
    @Path("messaging-services/{sid}/numbers")
    @Operation(summary = "clearMessagingServicePhones: removes every number from the messaging service")
    public String clearService(@PathParam("account_id") String accountId, @PathParam("vendor") String name,
            @PathParam("sid") String sid) {
        admin.account(accountId);
        ServiceVendor vendor = vendor(name);
        List<String> removed = vendorCall(() -> numbers.clearService(accountId, vendor, sid));
        return JSON.createObjectBuilder().add("removed", JSON.createArrayBuilder(removed)).build().toString();
    }

    private ServiceVendor vendor(String name) {
        return vendor(vendors, name);
    }

    static ServiceVendor vendor(ServiceVendors vendors, String name) {
        return vendors.find(name).orElseThrow(() -> ApiException.notFound("No vendor '" + name + "'; known: "
                + String.join(", ", vendors.names())));
    }

    private static String areaCode(String areaCode) {
        if (areaCode == null || !areaCode.matches("\\d{2,5}")) {
            throw ApiException.badRequest("'area_code' must be 2 to 5 digits");
        }
        return areaCode;
    }

    private static JsonObjectBuilder numbersJson(List<VendorNumbers.Number> rows) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        rows.forEach(n -> list.add(JSON.createObjectBuilder()
                .add("number", n.number())
                .add("area_code", JsonStrings.orNull(n.areaCode()))
                .add("vendor_id", JsonStrings.orNull(n.vendorId()))
                .add("messaging_service_sid", JsonStrings.orNull(n.messagingServiceSid()))
                .add("bought_at", n.boughtAt().toString())));
        return JSON.createObjectBuilder().add("numbers", list);
    }

    static JsonObjectBuilder errorJson(VendorError error) {
        return JSON.createObjectBuilder().add("code", error.code()).add("description", error.description())
                .add("link", JsonStrings.orNull(error.link()));
    }

    static <T> T badRequestIfWrong(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** As the other vendorCall, for a call that answers nothing. */
    private static void vendorCall(Runnable call) {
        vendorCall(() -> {
            call.run();
            return null;
        });
    }

    /** Calls the vendor: what it cannot do is a 400, its API's errors a 502 with its error's code and link. */
    private static <T> T vendorCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceVendor.Unsupported e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (ServiceVendor.VendorException e) {
            ApiException failed = ApiException.of(Response.Status.BAD_GATEWAY, e.getMessage());
            throw e.error() == null
                    ? failed
                    : failed.with(JSON.createObjectBuilder()
                            .add("vendor_error", errorJson(e.error())).build());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a base URL the guard refused
        }
    }
}
