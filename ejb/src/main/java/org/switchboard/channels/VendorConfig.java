package org.switchboard.channels;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A vendor's settings as they apply to one channel: the channel's own settings, else the account's for the vendor,
 * else the platform's ({@code TWILIO_AUTH_TOKEN} and the like, through MicroProfile Config: a password alias for a
 * secret). {@code publicUrl} is where the vendor reaches the platform (its webhooks, for status callbacks).
 */
public record VendorConfig(String vendor, JsonObject values, String publicUrl) {

    /** A setting's text, or null when no layer sets it (or sets it blank). */
    public String string(String name) {
        JsonValue value = values.get(name);
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        return null;
    }

    /** A setting's text, or {@code otherwise}. */
    public String string(String name, String otherwise) {
        String value = string(name);
        return value == null ? otherwise : value;
    }

    /** The URL of a channel's webhook: {@code <public url>/vendors/<vendor>/<channel>[/<kind>]}. */
    public String webhookUrl(String channelId, String kind) {
        return publicUrl + "/vendors/" + vendor + "/" + channelId + (kind == null ? "" : "/" + kind);
    }
}
