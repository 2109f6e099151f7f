package org.switchboard.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Vumi Go's REST bodies (contacts and groups), as {@code /openapi} describes them. */
public final class GoRestShapes {

    private GoRestShapes() {
    }

    @Schema(name = "GoContactFields", description = "Vumi Go's contact fields; on change only those given change")
    public record ContactFields(String name, String surname, String email_address,
            String msisdn, String dob, String twitter_handle,
            String facebook_id, String bbm_pin,
            String gtalk_id, String mxit_id,
            String wechat_id, List<String> groups, Map<String, String> extra,
            Map<String, String> subscription) {
    }

    @Schema(name = "GoContact")
    public record Contact(String key, String name, String surname,
            String email_address, String msisdn, String dob,
            String twitter_handle, String facebook_id,
            String bbm_pin, String gtalk_id,
            String mxit_id, String wechat_id,
            String user_account, String created_at,
            List<String> groups, Map<String, String> extra, Map<String, String> subscription,
            int $VERSION) {
    }

    @Schema(name = "GoContactPage", description = "A page; cursor is null on the last. With ?stream=true: one"
            + " contact JSON a line instead")
    public record ContactPage(String cursor, List<Contact> data) {
    }

    @Schema(name = "GoGroupFields")
    public record GroupFields(String name, String query) {
    }

    @Schema(name = "GoGroup")
    public record Group(String key, String name, String query,
            String user_account, String created_at,
            int $VERSION) {
    }

    @Schema(name = "GoGroupPage")
    public record GroupPage(String cursor, List<Group> data) {
    }

    @Schema(name = "GoMetricsFire", description = "{\"name.agg\": value, ...}; the suffix picks the aggregator")
    public record MetricsFire() {
    }
}
