package org.switchboard.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.switchboard.messages.JsonStrings;
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
        json.add("to_addr", JsonStrings.orNull(message.getToAddr()));
        json.add("from_addr", JsonStrings.orNull(message.getFromAddr()));
        json.add("in_reply_to", JsonStrings.orNull(message.getInReplyTo()));
        json.add("session_event", JsonStrings.orNull(message.getSessionEvent()));
        json.add("content", JsonStrings.orNull(message.getContent()));
        json.add("transport_type", JsonStrings.orNull(message.getTransportType()));
        json.add("group", JsonStrings.orNull(message.getGroup()));
        json.add("provider", JsonValue.NULL);
        return json.build();
    }

}
