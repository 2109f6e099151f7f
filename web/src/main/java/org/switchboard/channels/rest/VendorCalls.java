package org.switchboard.channels.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.engine.VendorError;
import org.switchboard.errors.ApiException;
import org.switchboard.json.JsonStrings;

/** What the operator's vendor endpoints share: the vendor named in the path, an area code, a call to the vendor. */
final class VendorCalls {

    private VendorCalls() {
    }

    static ServiceVendor vendor(ServiceVendors vendors, String name) {
        return vendors.find(name).orElseThrow(() -> ApiException.notFound("No vendor '" + name + "'; known: "
                + String.join(", ", vendors.names())));
    }

    static String areaCode(String areaCode) {
        if (areaCode == null || !areaCode.matches("\\d{2,5}")) {
            throw ApiException.badRequest("'area_code' must be 2 to 5 digits");
        }
        return areaCode;
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
    static void vendorCall(Runnable call) {
        vendorCall(() -> {
            call.run();
            return null;
        });
    }

    /** Calls the vendor: what it cannot do is a 400, its API's errors a 502 with its error's code and link. */
    static <T> T vendorCall(java.util.function.Supplier<T> call) {
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
