package org.switchboard.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's and the account's own Switchboard bodies, as {@code /openapi} describes them. */
public final class AdminShapes {

    private AdminShapes() {
    }

    @Schema(name = "CreatedAccount", description = "api_token is shown this once")
    public record CreatedAccount(String id, String name, String account_key,
            String api_token) {
    }

    @Schema(name = "Channel")
    public record Channel(String id, String vendor, String address,
            String transport_type,
            String conversation_id, String endpoint,
            Double rate_per_second, int max_in_flight,
            Map<String, Object> settings) {
    }

    @Schema(name = "MetricPoints")
    public record MetricPoints(String store, String name, List<Map<String, Object>> points) {
    }

    @Schema(name = "ConversationRequest", description = "type and name on create; on change any of name,"
            + " javascript, bundle + main, config")
    public record ConversationRequest(String type,
            String name, String javascript,
            String bundle,
            String main,
            Map<String, Object> config) {
    }

    @Schema(name = "Conversation", description = "Secrets in config are shown as <Encrypted>; api_token only when"
            + " issued")
    public record Conversation(String id, String type, String name, Map<String, Object> config,
            Integer code_version, Boolean bundle, String main,
            String api_token) {
    }

    @Schema(name = "ConversationConfig", description = "{\"config\": {...}}: a jsbox app's config, or a junebug or"
            + " http_api conversation's settings")
    public record ConversationConfig(Map<String, Object> config) {
    }

    @Schema(name = "InboundAccepted")
    public record InboundAccepted(String message_id) {
    }

    @Schema(name = "ConversationLogs")
    public record Logs(List<Map<String, Object>> logs) {
    }

    @Schema(name = "Push")
    public record Push(String id, String kind, String state, String account_id,
            String conversation_id, String channel_id,
            String subject_id, String url, int attempts,
            String last_error, String created_at,
            String next_attempt_at,
            String delivered_at, String body) {
    }

    @Schema(name = "Pushes")
    public record Pushes(List<Push> pushes) {
    }

    @Schema(name = "FakeInbound", description = "A message as a phone on the fake vendor sends it")
    public record FakeInbound(String from, String to, String content,
            String session_event) {
    }

    @Schema(name = "ContactSearch", description = "The contacts a Lucene query found")
    public record ContactSearch(List<GoRestShapes.Contact> contacts) {
    }

    @Schema(name = "FakeOutbox", description = "What the fake vendor was sent on the channel, newest first")
    public record FakeOutbox(List<FakeSent> messages) {
    }

    @Schema(name = "FakeSent")
    public record FakeSent(String vendor_message_id,
            String message_id, String to, String from, String content,
            String session_event, String received_at) {
    }

    @Schema(name = "Replayed")
    public record Replayed(int replayed) {
    }

    @Schema(name = "SwitchboardError", description = "{error}: what is wrong")
    public record Error(String error) {
    }

    @Schema(name = "BulkSendRequest", description = "message and group_keys (or the conversation's config groups);"
            + " scheduled_for to start later; confirm to send what went to the same groups lately. A jsbox or"
            + " dialogue conversation takes no message: its app is pushed to the groups' contacts")
    public record BulkSendRequest(String message, List<String> group_keys, String delivery_class, Boolean dedupe,
            String channel_id, String scheduled_for, Boolean confirm) {
    }

    @Schema(name = "ImportColumn", description = "a column (from 0), the contact field or extras-<name> it fills, and"
            + " its normaliser (string, integer, float, msisdn or none)")
    public record ImportColumn(int column, String field, String normalize) {
    }

    @Schema(name = "ImportStart", description = "what is left out takes the upload's guess; mode new,"
            + " upload_is_truth or existing_is_truth")
    public record ImportStart(List<ImportColumn> mapping, Boolean has_header, String mode, String group_key,
            String group_name, String country, Boolean check_only) {
    }

    @Schema(name = "ExportRequest", description = "kind contacts (group_key or query) or inbound, outbound, events"
            + " (conversation_id, start, end); format csv or jsonl")
    public record ExportRequest(String kind, String format, String group_key, String query, String conversation_id,
            String start, String end) {
    }

    @Schema(name = "RouterRequest", description = "type (keyword, group, app_multiplexer) and name on create; name or"
            + " config on change. config: keyword_endpoint_mapping {keyword: endpoint}; rules [{group, endpoint}];"
            + " menu_title {content}, entries [{label, endpoint}], invalid_input_message, error_message")
    public record RouterRequest(String type, String name, Map<String, Object> config) {
    }

    @Schema(name = "Router", description = "endpoints: those of its OUTBOUND side, which the routing table routes from")
    public record Router(String id, String type, String name, Map<String, Object> config, List<String> endpoints,
            String created_at) {
    }

    @Schema(name = "RoutingTable", description = "Vumi Go's routing table: {source connector: {source endpoint:"
            + " [target connector, target endpoint]}}; connectors CHANNEL:<id>, CONVERSATION:<id>,"
            + " ROUTER:<id>:INBOUND, ROUTER:<id>:OUTBOUND. warnings (answers only) name loose ends")
    public record RoutingTable(Map<String, Map<String, List<String>>> routing_table, List<String> warnings) {
    }

    @Schema(name = "Counts", description = "Vumi Go's counters per bucket (quarter, hour, day) and in total;"
            + " unique_senders and unique_recipients per day of a conversation. counted_until: the roll-ups hold"
            + " the rows before it (a conversation's answer counts the rows since as well)")
    public record Counts(String bucket, String start, String end, String counted_until, Map<String, Long> total,
            List<Map<String, Object>> buckets) {
    }
}
