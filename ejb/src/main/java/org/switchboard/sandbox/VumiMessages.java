package org.switchboard.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;

/** Messages in the Vumi message format that sandbox apps are handed (message_version 20110921). */
final class VumiMessages {

    private VumiMessages() {
    }

    static JsonObject userMessage(Message message) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("message_version", "20110921")
                .add("message_type", "user_message")
                .add("message_id", message.getId())
                .add("timestamp", JunebugJson.timestamp(message.getTimestamp()))
                .add("transport_name", message.getChannelId())
                .add("transport_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("helper_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("routing_metadata", JsonValue.EMPTY_JSON_OBJECT);
        add(json, "to_addr", message.getToAddr());
        add(json, "from_addr", message.getFromAddr());
        add(json, "in_reply_to", message.getInReplyTo());
        add(json, "session_event", message.getSessionEvent());
        add(json, "content", message.getContent());
        add(json, "transport_type", message.getTransportType());
        add(json, "group", message.getGroup());
        json.add("provider", JsonValue.NULL);
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.add(name, JsonValue.NULL);
        } else {
            json.add(name, value);
        }
    }
}
