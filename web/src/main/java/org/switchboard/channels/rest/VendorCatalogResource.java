package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/** The operator's list of the service vendors: each one's metadata and settings, and its error codes. */
@Allowed(Roles.OPERATOR)
@Path("api/admin/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class VendorCatalogResource {

    @Inject
    private ServiceVendors vendors;

    @GET
    @Operation(summary = "The vendors: name, aliases, whether accounts configure them, their settings")
    public String list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (ServiceVendor vendor : vendors.all()) {
            JsonArrayBuilder settings = JSON.createArrayBuilder();
            vendor.settings().forEach(s -> settings.add(JSON.createObjectBuilder().add("name", s.name())
                    .add("secret", s.secret()).add("required", s.required()).add("description", s.description())
                    .add("platform_property", ServiceVendors.globalName(vendor.metadata().name(), s.name()))));
            all.add(JSON.createObjectBuilder()
                    .add("name", vendor.metadata().name())
                    .add("aliases", JSON.createArrayBuilder(vendor.metadata().aliases()))
                    .add("supports_org_config", vendor.metadata().supportsOrgConfig())
                    .add("settings", settings));
        }
        return JSON.createObjectBuilder().add("vendors", all).build().toString();
    }

    @GET
    @Path("{vendor}/errors")
    @Operation(summary = "errorDescriptions: the vendor's error codes and what they mean")
    public String errors(@PathParam("vendor") String name) {
        ServiceVendor vendor = VendorCalls.vendor(vendors, name);
        JsonObjectBuilder errors = JSON.createObjectBuilder();
        vendor.errorDescriptions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> errors.add(e.getKey(), e.getValue()));
        return errors.build().toString();
    }

    @GET
    @Path("{vendor}/errors/{code}")
    @Operation(summary = "errorDescription(code): {code, description, link}")
    public String error(@PathParam("vendor") String name, @PathParam("code") String code) {
        return VendorCalls.errorJson(VendorCalls.vendor(vendors, name).errorDescription(code)).build()
                .toString();
    }
}
