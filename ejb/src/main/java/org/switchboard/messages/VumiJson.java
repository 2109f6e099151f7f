package org.switchboard.messages;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import org.switchboard.json.JsonStrings;

/**
 * Messages and events in the Vumi message format (message_version 20110921): what sandbox apps are handed, what the
 * Vumi Go HTTP API answers, pushes and streams.
 */
public final class VumiJson {

    private VumiJson() {
    }

    /** The fields every Vumi message has. */
    private static JsonObjectBuilder common(String type, Instant timestamp, String channelId) {
        return JSON.createObjectBuilder()
                .add("message_version", "20110921")
                .add("message_type", type)
                .add("timestamp", JunebugJson.timestamp(timestamp))
                .add("transport_name", channelId)
                .add("transport_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("helper_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("routing_metadata", JsonValue.EMPTY_JSON_OBJECT);
    }

    public static JsonObject userMessage(Message message) {
        JsonObjectBuilder json = common("user_message", message.getTimestamp(), message.getChannelId())
                .add("message_id", message.getId());
        json.add("to_addr", JsonStrings.orNull(message.getToAddr()));
        json.add("to_addr_type",
                JsonStrings.orNull(message.getDirection() == Message.Direction.OUTBOUND ? "msisdn" : null));
        json.add("from_addr", JsonStrings.orNull(message.getFromAddr()));
        json.add("from_addr_type",
                JsonStrings.orNull(message.getDirection() == Message.Direction.INBOUND ? "msisdn" : null));
        json.add("in_reply_to", JsonStrings.orNull(message.getInReplyTo()));
        json.add("session_event", JsonStrings.orNull(message.getSessionEvent()));
        json.add("content", JsonStrings.orNull(message.getContent()));
        json.add("transport_type", JsonStrings.orNull(message.getTransportType()));
        json.add("group", JsonStrings.orNull(message.getGroup()));
        json.add("provider", JsonValue.NULL);
        return json.build();
    }

    /** An event of an outbound message, as a Vumi event: ack, nack or delivery_report. */
    public static JsonObject event(MessageEvent event, Message message) {
        JsonObject details = JsonStrings.object(event.getDetails());
        JsonObjectBuilder json = common("event", event.getTimestamp(), message.getChannelId())
                .add("event_id", event.getId())
                .add("user_message_id", message.getId());
        switch (event.getEventType()) {
            case "submitted" -> json.add("event_type", "ack")
                    .add("sent_message_id", JsonStrings.orNull(message.getVendorMessageId()));
            case "rejected" -> json.add("event_type", "nack")
                    .add("nack_reason", details.getString("reason", "rejected by the vendor"));
            default -> json.add("event_type", "delivery_report")
                    .add("delivery_status", switch (event.getEventType()) {
                        case "delivery_succeeded" -> "delivered";
                        case "delivery_failed" -> "failed";
                        default -> "pending";
                    });
        }
        return json.build();
    }
}
