package org.switchboard.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Junebug's and vumi2's bodies, as {@code /openapi} describes them. */
public final class JunebugShapes {

    private JunebugShapes() {
    }

    @Schema(name = "JunebugSend", description = "A message to send: to, or reply_to (one of them); additional"
            + " properties are refused")
    public record Send(
            String to,
            String from,
            String group,
            String reply_to,
            String content,
            String event_url,
            String event_auth_token,
            Integer priority,
            Map<String, Object> channel_data) {
    }

    @Schema(name = "JunebugMessage")
    public record Message(String message_id, String to, String from, String group,
            String reply_to, String channel_id,
            Map<String, Object> channel_data, String content,
            String timestamp) {
    }

    @Schema(name = "JunebugEvent")
    public record Event(String event_type,
            String message_id, String channel_id,
            String timestamp, Map<String, Object> event_details) {
    }

    @Schema(name = "JunebugSent", description = "201 \"Created\", \"message submitted\"")
    public record Sent(int status, String code, String description, Message result) {
    }

    @Schema(name = "JunebugMessageStatus")
    public record MessageStatus(String id, String status, String last_event_type,
            String last_event_timestamp, List<Event> events,
            Map<String, Object> event_pushes) {
    }

    @Schema(name = "JunebugMessageStatusReply", description = "200 \"message status\"")
    public record MessageStatusReply(int status, String code, String description, MessageStatus result) {
    }

    @Schema(name = "JunebugChannelRequest", description = "Junebug's channel; on change only the fields given are"
            + " changed. status_url, amqp_queue, rate_limit_count and rate_limit_window are refused with a 400.")
    public record ChannelRequest(
            String type,
            String label,
            Map<String, Object> config,
            Map<String, Object> metadata,
            String mo_url,
            String mo_url_auth_token,
            Integer character_limit) {
    }

    @Schema(name = "JunebugChannelStatus")
    public record ChannelStatus(String status,
            Map<String, Object> components,
            double inbound_message_rate,
            double outbound_message_rate,
            double submitted_event_rate,
            double rejected_event_rate,
            double delivery_succeeded_rate,
            double delivery_failed_rate,
            double delivery_pending_rate) {
    }

    @Schema(name = "JunebugChannel", description = "Tokens and URL passwords are shown as <Encrypted>")
    public record Channel(String id, String type, String label, Map<String, Object> config,
            Map<String, Object> metadata, String mo_url,
            String mo_url_auth_token,
            Integer character_limit, ChannelStatus status) {
    }

    @Schema(name = "JunebugChannelReply", description = "\"channel created\", \"channel found\", \"channel updated\"")
    public record ChannelReply(int status, String code, String description, Channel result) {
    }

    @Schema(name = "JunebugChannelList", description = "\"channels listed\": the ids, sorted")
    public record ChannelList(int status, String code, String description, List<String> result) {
    }

    @Schema(name = "JunebugLogLine")
    public record LogLine(String logger, int level,
            double timestamp, String message,
            Map<String, Object> exception) {
    }

    @Schema(name = "JunebugLogs", description = "\"logs retrieved\", newest first")
    public record Logs(int status, String code, String description, List<LogLine> result) {
    }

    @Schema(name = "JunebugHealth", description = "\"health ok\" (200) or \"health not ok\" (500)")
    public record Health(int status, String code, String description, List<Map<String, Object>> result) {
    }

    @Schema(name = "JunebugError", description = "{status, code, description, result: {errors: [{type, message}]}}")
    public record Error(int status, String code, String description, Map<String, List<Map<String, String>>> result) {
    }
}
