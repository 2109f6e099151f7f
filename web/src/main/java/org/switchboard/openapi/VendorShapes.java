package org.switchboard.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The service vendors' admin bodies, as {@code /openapi} describes them. */
public final class VendorShapes {

    private VendorShapes() {
    }

    @Schema(name = "VendorSettings", description = "A vendor's settings (GET /api/admin/vendors lists each vendor's);"
            + " a secret sent as <Encrypted> keeps its stored value")
    public record VendorSettings(String account_sid, String auth_token, String message_service_sid,
            String account_id, String username, String password, String application_id, String callback_username,
            String callback_password, String api_key, String api_secret, String signature_secret,
            String signature_method, String api_base_url) {
    }

    @Schema(name = "AccountFeatures", description = "Spoke's organisation features; any other keys are kept too")
    public record AccountFeatures(String DEFAULT_SERVICE, String PHONE_NUMBER_COUNTRY) {
    }

    @Schema(name = "BuyNumbers", description = "limit: 1 to 100, 1 unless given")
    public record BuyNumbers(String area_code, Integer limit) {
    }

    @Schema(name = "ServiceNumbers", description = "The inventory's numbers in an area code, or these numbers")
    public record ServiceNumbers(String area_code, List<String> numbers) {
    }
}
