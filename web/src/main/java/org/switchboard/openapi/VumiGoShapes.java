package org.switchboard.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Vumi Go's HTTP API bodies, as {@code /openapi} describes them. */
public final class VumiGoShapes {

    private VumiGoShapes() {
    }

    @Schema(name = "VumiGoSend", description = "A send (to_addr) or, with in_reply_to, a reply (content and"
            + " session_event only)")
    public record Send(String to_addr, String content,
            String session_event,
            String to_addr_type,
            String in_reply_to,
            Map<String, Object> helper_metadata) {
    }

    @Schema(name = "VumiMessage", description = "The whole Vumi message")
    public record Message(String message_id,
            String message_type,
            String message_version, String timestamp,
            String to_addr, String from_addr,
            String to_addr_type, String from_addr_type,
            String content, String session_event,
            String in_reply_to, String group,
            String transport_name,
            String transport_type, String provider,
            Map<String, Object> helper_metadata,
            Map<String, Object> transport_metadata,
            Map<String, Object> routing_metadata) {
    }

    @Schema(name = "VumiEvent", description = "ack, nack or delivery_report, as a line of events.json or a push")
    public record Event(String message_type, String event_id,
            String event_type,
            String user_message_id,
            String sent_message_id, String nack_reason,
            String delivery_status,
            String timestamp) {
    }

    @Schema(name = "VumiGoReply", description = "{success, reason}: metrics published, or why a request was refused")
    public record Reply(boolean success, String reason) {
    }

    @Schema(name = "VumiGoMetrics", description = "[[name, value, aggregator], ...]; aggregator is sum, avg, min, max"
            + " or last", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
    public record Metrics() {
    }

    @Schema(name = "GoRestError", description = "{status_code, reason}")
    public record GoError(int status_code, String reason) {
    }
}
