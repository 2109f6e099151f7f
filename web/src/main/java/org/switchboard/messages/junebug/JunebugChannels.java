package org.switchboard.messages.junebug;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.switchboard.channels.ChannelChange;
import org.switchboard.channels.ChannelView;
import org.switchboard.errors.ApiException;

/**
 * The bodies of Junebug's channel API ({@code POST /channels/}, {@code POST /channels/{id}}), checked as Junebug's
 * schema checks them and answered in its words. Junebug's {@code type} is the channel's vendor; its {@code config} holds
 * the channel's {@code address} and {@code transport_type} and the vendor's own settings.
 */
public final class JunebugChannels {

    static final List<String> FIELDS = List.of("type", "label", "config", "metadata", "status_url", "mo_url",
            "mo_url_auth_token", "amqp_queue", "rate_limit_count", "rate_limit_window", "character_limit");

    /** Junebug fields that have no meaning here, and why; given as anything but null they are refused. */
    static final Map<String, String> NOT_SUPPORTED = Map.of(
            "status_url", "Switchboard's vendors send no status events; GET /channels/{id} shows the vendor's state",
            "amqp_queue", "Switchboard speaks no AMQP to customers; inbound messages go to mo_url",
            "rate_limit_count", "Junebug never implemented it; a channel's sending rate is rate_per_second in the"
                    + " admin API",
            "rate_limit_window", "Junebug never implemented it; a channel's sending rate is rate_per_second in the"
                    + " admin API");

    /** The config keys that are the channel's own; the others are its vendor's settings. */
    static final List<String> CHANNEL_CONFIG = List.of("address", "transport_type");

    private JunebugChannels() {
    }

    /** A checked body: each field null when not given. */
    record Properties(String type, String label, JsonObject config, JsonObject metadata, String moUrl,
            String moUrlAuthToken, Integer characterLimit, JsonObject given) {

        boolean has(String field) {
            return given.containsKey(field);
        }

        /** The vendor settings of the config: what is left once address and transport_type are taken out. */
        String vendorSettings() {
            JsonObjectBuilder settings = JSON.createObjectBuilder();
            config.forEach((key, value) -> {
                if (!CHANNEL_CONFIG.contains(key)) {
                    settings.add(key, value);
                }
            });
            JsonObject built = settings.build();
            return built.isEmpty() ? null : built.toString();
        }
    }

    static Properties parse(JsonValue body, boolean create, Collection<String> vendors) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JunebugRequests.invalid(PythonRepr.of(body) + " is not of type u'object'");
        }
        JsonObject json = body.asJsonObject();
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw JunebugRequests.invalid("Additional properties are not allowed (" + PythonRepr.string(name)
                        + " was unexpected)");
            }
        }
        if (create) {
            for (String required : List.of("type", "config")) {
                if (!json.containsKey(required)) {
                    throw JunebugRequests.invalid(PythonRepr.string(required) + " is a required property");
                }
            }
        }
        for (Map.Entry<String, String> unsupported : NOT_SUPPORTED.entrySet()) {
            JsonValue value = json.get(unsupported.getKey());
            if (value != null && value != JsonValue.NULL) {
                throw ApiException.badRequest("'" + unsupported.getKey() + "' is not supported: "
                        + unsupported.getValue());
            }
        }
        Properties properties = new Properties(string(json, "type"), string(json, "label"), object(json, "config"),
                object(json, "metadata"), string(json, "mo_url"), string(json, "mo_url_auth_token"),
                count(json, "character_limit"), json);
        if (create && properties.type() == null) {
            throw JunebugRequests.invalid("None is not of type u'string'");
        }
        if (create && properties.config() == null) {
            throw JunebugRequests.invalid("None is not of type u'object'");
        }
        if (create && properties.moUrl() == null) {
            throw ApiException.badRequest("One or both of \"mo_url\" and \"amqp_queue\" must be specified");
        }
        if (properties.type() != null && !vendors.contains(properties.type())) {
            throw new ApiException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "invalid channel type",
                    "InvalidChannelType", "Invalid channel type " + PythonRepr.string(properties.type())
                            + ", must be one of: " + String.join(", ", vendors));
        }
        if (properties.config() != null) {
            JsonObject config = properties.config();
            if (create && !config.containsKey("address")) {
                throw JunebugRequests.invalid("'config' needs the channel's 'address' (its number or code)");
            }
            for (String own : CHANNEL_CONFIG) {
                JsonValue value = config.get(own);
                if (value != null && !(value instanceof JsonString)) {
                    throw JunebugRequests.invalid(PythonRepr.of(value) + " is not of type u'string'");
                }
            }
        }
        return properties;
    }

    /** The given fields as a change of a channel (config replaces the vendor settings whole, as Junebug's update does). */
    static ChannelChange change(Properties properties) {
        ChannelChange change = ChannelChange.of();
        if (properties.type() != null) {
            change.vendor(properties.type());
        }
        if (properties.has("label")) {
            change.label(properties.label());
        }
        if (properties.has("metadata")) {
            change.metadata(properties.metadata() == null ? null : properties.metadata().toString());
        }
        if (properties.has("mo_url")) {
            change.moMessageUrl(properties.moUrl());
        }
        if (properties.has("mo_url_auth_token")) {
            change.moMessageUrlAuthToken(properties.moUrlAuthToken());
        }
        if (properties.has("character_limit")) {
            change.characterLimit(properties.characterLimit());
        }
        if (properties.config() != null) {
            JsonObject config = properties.config();
            if (config.containsKey("address")) {
                change.address(config.getString("address"));
            }
            if (config.containsKey("transport_type")) {
                change.transportType(config.getString("transport_type"));
            }
            change.settings(properties.vendorSettings());
        }
        return change;
    }

    /** The channel's config as Junebug shows it: address, transport_type and the vendor's settings. */
    static JsonObject config(ChannelView channel) {
        JsonObjectBuilder config = JSON.createObjectBuilder()
                .add("address", channel.address())
                .add("transport_type", channel.transportType());
        if (channel.settings() != null) {
            JSON.createReader(new java.io.StringReader(channel.settings())).readObject().forEach(config::add);
        }
        return config.build();
    }

    /** The channel's properties, as given (nulls left out), before secrets are masked. */
    public record View(String id, String type, String label, JsonObject config, JsonObject metadata,
            @JsonbProperty("mo_url") String moUrl,
            @JsonbProperty("mo_url_auth_token") String moUrlAuthToken,
            @JsonbProperty("character_limit") Integer characterLimit) {

        static View of(ChannelView channel) {
            return new View(channel.id(), channel.vendor(), channel.label(), JunebugChannels.config(channel),
                    channel.metadata() == null
                            ? null
                            : JSON.createReader(new java.io.StringReader(channel.metadata())).readObject(),
                    channel.moMessageUrl(), channel.moMessageUrlAuthToken(), channel.characterLimit());
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw JunebugRequests.invalid(PythonRepr.of(value) + " is not of type u'string'");
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw JunebugRequests.invalid(PythonRepr.of(value) + " is not of type u'object'");
    }

    private static Integer count(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw JunebugRequests.invalid(PythonRepr.of(value) + " is not of type u'integer'");
        }
        if (number.bigIntegerValue().signum() < 0) {
            throw JunebugRequests.invalid(PythonRepr.of(value) + " is less than the minimum of 0");
        }
        if (number.bigIntegerValue().bitLength() > 31) {
            throw JunebugRequests.invalid(PythonRepr.of(value) + " is greater than the maximum of "
                    + Integer.MAX_VALUE);
        }
        return number.intValue();
    }
}
