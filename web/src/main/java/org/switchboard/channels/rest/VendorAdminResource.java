package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.ServiceVendor.ContactInfo;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.channels.VendorAccounts;
import org.switchboard.channels.VendorConfig;
import org.switchboard.json.JsonStrings;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import org.switchboard.secrets.Secrets;

/**
 * The operator's API of service vendors (seed 003): what each vendor is and its error codes; an account's
 * {@code features} ({@code DEFAULT_SERVICE}) and own settings of a vendor that {@code supportsOrgConfig} (secrets
 * shown as {@code <Encrypted>}, and kept when sent back so); contact lookup (numbers: VendorNumbersResource,
 * MessagingServiceResource). A vendor's API error answers 502 with the vendor's {@code {code, description, link}}.
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
        ContactInfo info = VendorCalls.vendorCall(() -> vendor.freeContactInfo(config, number)
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

    private ServiceVendor vendor(String name) {
        return VendorCalls.vendor(vendors, name);
    }
}
