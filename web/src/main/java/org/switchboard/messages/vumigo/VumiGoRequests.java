package org.switchboard.messages.vumigo;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.errors.ApiException;
import org.switchboard.metrics.MetricService;

/** The bodies of Vumi Go's HTTP API, checked as Vumi Go checked them and refused in its words. */
final class VumiGoRequests {

    static final Set<String> SESSION_EVENTS = Set.of("new", "resume", "close");

    private VumiGoRequests() {
    }

    /** {@code [[name, value, aggregator], ...]} as the values to fire. */
    static List<MetricService.Value> metrics(JsonValue body) {
        if (!(body instanceof JsonArray array)) {
            throw client("Invalid metrics: send a list of [name, value, aggregator]");
        }
        List<MetricService.Value> values = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonArray metric) || metric.size() != 3
                    || !(metric.get(0) instanceof JsonString name)
                    || !(metric.get(1) instanceof JsonNumber value)
                    || !(metric.get(2) instanceof JsonString agg)) {
                throw client("Invalid metric " + item + ": each is [name, value, aggregator]");
            }
            values.add(new MetricService.Value(name.getString(), value.doubleValue(),
                    agg.getString().toLowerCase(Locale.ROOT)));
        }
        return values;
    }

    static JsonObject object(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw client("Invalid Message");
        }
        return object;
    }

    /** A string (or, when {@code nullable}, null) at the key; otherwise Vumi Go's error for it is noted. */
    static String check(JsonObject payload, String key, boolean nullable, List<String> errors) {
        JsonValue value = payload.getOrDefault(key, JsonValue.NULL);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (!(nullable && value == JsonValue.NULL)) {
            errors.add("Invalid or missing value for payload key '" + key + "'");
        }
        return null;
    }

    static String sessionEvent(JsonObject payload, List<String> errors) {
        JsonValue value = payload.getOrDefault("session_event", JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text && SESSION_EVENTS.contains(text.getString())) {
            return text.getString();
        }
        errors.add("Invalid or missing value for payload key 'session_event'");
        return null;
    }

    static String optionalString(JsonObject payload, String key) {
        JsonValue value = payload.get(key);
        return value instanceof JsonString text ? text.getString() : null;
    }

    static ApiException client(String reason) {
        return new ApiException(Response.Status.BAD_REQUEST, "api usage error", "ApiUsageError", reason);
    }
}
