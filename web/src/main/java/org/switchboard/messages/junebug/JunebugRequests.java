package org.switchboard.messages.junebug;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import org.switchboard.errors.ApiException;
import java.util.List;
import org.switchboard.messages.OutboundRequest;

/** Reads and checks the body of {@code POST /channels/{id}/messages} as Junebug's schema does. */
public final class JunebugRequests {

    static final List<String> FIELDS = List.of("to", "from", "group", "reply_to", "content", "event_url",
            "event_auth_token", "priority", "channel_data");

    private JunebugRequests() {
    }

    public static OutboundRequest parse(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The body must be a JSON object, not "
                    + (value == null ? "nothing" : value.getValueType().name().toLowerCase()));
        }
        JsonObject json = value.asJsonObject();
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                // vumi2's words, which keep the u of the Python 2 Junebug whose clients match on them
                throw invalid("Additional properties are not allowed (u'" + name + "' was unexpected)");
            }
        }
        if (!json.containsKey("content")) {
            throw invalid("'content' is a required property");
        }
        String to = string(json, "to");
        String replyTo = string(json, "reply_to");
        if (to == null && replyTo == null) {
            throw ApiException.badRequest("Either \"to\" or \"reply_to\" must be specified");
        }
        JsonValue channelData = json.getOrDefault("channel_data", JsonValue.NULL);
        if (channelData != JsonValue.NULL && channelData.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("'channel_data' must be an object or null");
        }
        boolean continueSession = channelData == JsonValue.NULL
                || channelData.asJsonObject().getBoolean("continue_session", true);
        return new OutboundRequest(to, string(json, "from"), string(json, "group"), replyTo,
                string(json, "content"), string(json, "event_url"), string(json, "event_auth_token"),
                channelData == JsonValue.NULL ? null : channelData.toString(), continueSession);
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw invalid("'" + name + "' must be a string or null, not " + value.getValueType().name().toLowerCase());
    }

    /** vumi2's {@code InvalidBody}: type invalid_body, the description of its parent ApiUsageError. */
    static ApiException invalid(String message) {
        return new ApiException(Response.Status.BAD_REQUEST, "api usage error", "invalid_body", message);
    }
}
