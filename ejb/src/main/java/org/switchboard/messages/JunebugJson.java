package org.switchboard.messages;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.switchboard.json.JsonStrings;

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
        JsonObjectBuilder channelData = JSON.createObjectBuilder(JsonStrings.object(message.getChannelData()));
        if (message.getSessionEvent() != null) {
            channelData.add("session_event", message.getSessionEvent());
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        json.add("to", JsonStrings.orNull(message.getToAddr()));
        json.add("from", JsonStrings.orNull(message.getFromAddr()));
        json.add("group", JsonStrings.orNull(message.getGroup()));
        json.add("message_id", message.getId());
        json.add("channel_id", message.getChannelId());
        json.add("timestamp", timestamp(message.getTimestamp()));
        json.add("reply_to", JsonStrings.orNull(message.getInReplyTo()));
        json.add("content", JsonStrings.orNull(message.getContent()));
        json.add("channel_data", channelData);
        return json.build();
    }

    /**
     * An event as it is POSTed to the message's event_url: Junebug's fields, and the {@code event_id} (as Vumi events
     * carry it) that stays the same over every attempt, so a receiver can drop a push it already had.
     */
    public static JsonObject event(MessageEvent event, Message message) {
        return JSON.createObjectBuilder()
                .add("event_type", event.getEventType())
                .add("event_id", event.getId())
                .add("message_id", event.getMessageId())
                .add("channel_id", message.getChannelId())
                .add("timestamp", timestamp(event.getTimestamp()))
                .add("event_details", JsonStrings.object(event.getDetails()))
                .build();
    }

}
