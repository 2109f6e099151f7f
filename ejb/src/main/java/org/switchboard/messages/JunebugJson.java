package org.switchboard.messages;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Messages and events in the shapes of the Junebug Message API (seed 002). */
public final class JunebugJson {

    /** Junebug's timestamp format, {@code %Y-%m-%d %H:%M:%S.%f} in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private JunebugJson() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A message as the API answers it and as inbound messages are POSTed to mo_message_url. */
    public static JsonObject message(Message message) {
        JsonObjectBuilder channelData = message.getChannelData() == null
                ? Json.createObjectBuilder()
                : Json.createObjectBuilder(Json.createReader(new StringReader(message.getChannelData())).readObject());
        if (message.getSessionEvent() != null) {
            channelData.add("session_event", message.getSessionEvent());
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        add(json, "to", message.getToAddr());
        add(json, "from", message.getFromAddr());
        add(json, "group", message.getGroup());
        json.add("message_id", message.getId());
        json.add("channel_id", message.getChannelId());
        json.add("timestamp", timestamp(message.getTimestamp()));
        add(json, "reply_to", message.getInReplyTo());
        add(json, "content", message.getContent());
        json.add("channel_data", channelData);
        return json.build();
    }

    /** An event as it is POSTed to the message's event_url. */
    public static JsonObject event(MessageEvent event, Message message) {
        return Json.createObjectBuilder()
                .add("event_type", event.getEventType())
                .add("message_id", event.getMessageId())
                .add("channel_id", message.getChannelId())
                .add("timestamp", timestamp(event.getTimestamp()))
                .add("event_details", Json.createReader(new StringReader(event.getDetails())).readObject())
                .build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.add(name, JsonValue.NULL);
        } else {
            json.add(name, value);
        }
    }
}
