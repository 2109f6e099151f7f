package org.switchboard.conversations;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.json.StrictRecords;

/**
 * The config of the ready-made apps, under the keys Vumi Go's forms gave them ({@code go/apps/<app>/view_definition.py};
 * docs/campaigns.md lists them). A config is checked whole when it is stored, so an app never meets a key it does not
 * know or a value of the wrong shape at run time.
 */
public final class AppConfigs {

    /** The delivery classes a bulk or scheduled send can go to: both reach a contact's msisdn. */
    public static final Set<String> DELIVERY_CLASSES = Set.of("sms", "ussd");
    /** Vumi Go's opt_out reply. */
    public static final String OPTED_OUT = "You have opted out";
    /** The longest text an app may be set to send: ten concatenated SMS of GSM-7. */
    public static final int MAX_TEXT = 1530;

    private AppConfigs() {
    }

    /** bulk_message: the defaults of its sends (Vumi Go had no edit form; its bulk_send action took them). */
    public record BulkMessage(
            @JsonbProperty("groups") List<String> groups,
            @JsonbProperty("delivery_class") String deliveryClass,
            @JsonbProperty("dedupe") Boolean dedupe) {
    }

    /** static_reply: {@code reply_text}, sent back to every message, closing its session. */
    public record StaticReply(@JsonbProperty("reply_text") String replyText) {
    }

    /** opt_out: the reply (Vumi Go's "You have opted out" when not set; Spoke#632 asked for it to be set). */
    public record OptOut(@JsonbProperty("reply_text") String replyText) {

        public String reply() {
            return replyText == null || replyText.isBlank() ? OPTED_OUT : replyText;
        }
    }

    /** subscription: keyword handlers. */
    public record Subscription(@JsonbProperty("handlers") List<Handler> handlers) {

        public List<Handler> list() {
            return handlers == null ? List.of() : handlers;
        }
    }

    /** One subscription handler: a keyword that subscribes to or unsubscribes from a campaign, and the reply. */
    public record Handler(
            @JsonbProperty("keyword") String keyword,
            @JsonbProperty("operation") String operation,
            @JsonbProperty("campaign_name") String campaignName,
            @JsonbProperty("reply_copy") String replyCopy) {

        public boolean subscribes() {
            return "subscribe".equals(operation);
        }
    }

    /** sequential_send: when it runs, the messages in order, and who gets them. */
    public record SequentialSend(
            @JsonbProperty("schedule") Schedule schedule,
            @JsonbProperty("messages") List<String> messages,
            @JsonbProperty("groups") List<String> groups,
            @JsonbProperty("delivery_class") String deliveryClass) {
    }

    /** Vumi Go's schedule: {@code recurring} daily, day_of_week, day_of_month or never; {@code days}; {@code time}. */
    public record Schedule(
            @JsonbProperty("recurring") String recurring,
            @JsonbProperty("days") String days,
            @JsonbProperty("time") String time) {
    }

    /** dialogue: the poll (Vumi Go's dialogue JSON), and who a "Send Dialogue" goes to. */
    public record Dialogue(
            @JsonbProperty("poll") JsonObject poll,
            @JsonbProperty("groups") List<String> groups,
            @JsonbProperty("delivery_class") String deliveryClass) {
    }

    /**
     * A ready-made app's config as a client sent it, checked.
     *
     * @return the config as it is stored
     * @throws StrictRecords.Refused naming the first key that is unknown or wrong
     */
    public static JsonObject check(Conversation.Type type, JsonObject json) {
        Record config = switch (type) {
            case BULK_MESSAGE -> {
                BulkMessage bulk = StrictRecords.read(json, BulkMessage.class);
                strings("groups", bulk.groups());
                deliveryClass(bulk.deliveryClass());
                yield bulk;
            }
            case STATIC_REPLY -> {
                StaticReply reply = StrictRecords.read(json, StaticReply.class);
                text("reply_text", reply.replyText());
                yield reply;
            }
            case OPT_OUT -> {
                OptOut optOut = StrictRecords.read(json, OptOut.class);
                text("reply_text", optOut.replyText());
                yield optOut;
            }
            case SUBSCRIPTION -> subscription(json);
            case SEQUENTIAL_SEND -> sequentialSend(json);
            case DIALOGUE -> {
                Dialogue dialogue = StrictRecords.read(json, Dialogue.class);
                if (dialogue.poll() != null) {
                    Polls.check(dialogue.poll());
                }
                strings("groups", dialogue.groups());
                deliveryClass(dialogue.deliveryClass());
                yield dialogue;
            }
            default ->
                throw new IllegalArgumentException("A " + type.wireName() + " conversation is not a ready-made app");
        };
        return StrictRecords.write(config);
    }

    /** The stored config of a ready-made app, as its record. */
    public static <R extends Record> R read(Conversation conversation, Class<R> type) {
        String config = conversation.getConfig();
        return StrictRecords.read(config == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : org.switchboard.json.JsonStrings.object(config), type);
    }

    private static Subscription subscription(JsonObject json) {
        JsonValue handlers = json.get("handlers");
        if (handlers != null && handlers.getValueType() == JsonValue.ValueType.ARRAY) {
            int i = 0;
            for (JsonValue handler : handlers.asJsonArray()) {
                String where = "handlers[" + i++ + "]";
                if (handler.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new StrictRecords.Refused(where, "'" + where + "' must be an object of keyword,"
                            + " operation, campaign_name and reply_copy");
                }
                Handler read;
                try {
                    read = StrictRecords.read(handler.asJsonObject(), Handler.class);
                } catch (StrictRecords.Refused e) {
                    throw new StrictRecords.Refused(where + "." + e.key(), where + ": " + e.getMessage());
                }
                if (read.keyword() == null || read.keyword().isBlank() || read.keyword().strip().contains(" ")) {
                    throw new StrictRecords.Refused(where + ".keyword", "'" + where + ".keyword' must be one word");
                }
                if (!"subscribe".equals(read.operation()) && !"unsubscribe".equals(read.operation())) {
                    throw new StrictRecords.Refused(where + ".operation", "'" + where
                            + ".operation' must be subscribe or unsubscribe");
                }
                if (read.campaignName() == null || read.campaignName().isBlank()) {
                    throw new StrictRecords.Refused(where + ".campaign_name", "'" + where
                            + ".campaign_name' is required");
                }
                text(where + ".reply_copy", read.replyCopy());
            }
        }
        return StrictRecords.read(json, Subscription.class);
    }

    private static SequentialSend sequentialSend(JsonObject json) {
        SequentialSend send = StrictRecords.read(json, SequentialSend.class);
        strings("messages", send.messages());
        strings("groups", send.groups());
        deliveryClass(send.deliveryClass());
        if (send.messages() != null) {
            for (int i = 0; i < send.messages().size(); i++) {
                text("messages[" + i + "]", send.messages().get(i));
            }
        }
        Schedule schedule = send.schedule();
        if (schedule != null) {
            String recurring = schedule.recurring() == null ? "never" : schedule.recurring();
            if (!Set.of("daily", "day_of_week", "day_of_month", "never").contains(recurring)) {
                throw new StrictRecords.Refused("schedule.recurring", "'schedule.recurring' must be daily,"
                        + " day_of_week, day_of_month or never");
            }
            if (recurring.startsWith("day_of_")) {
                int max = recurring.equals("day_of_week") ? 7 : 31;
                String days = schedule.days() == null ? "" : schedule.days();
                if (days.isBlank()) {
                    throw new StrictRecords.Refused("schedule.days", "'schedule.days' is required for " + recurring
                            + ": a comma list of days, 1 to " + max);
                }
                for (String day : days.split(",")) {
                    int n;
                    try {
                        n = Integer.parseInt(day.strip());
                    } catch (NumberFormatException e) {
                        n = -1;
                    }
                    if (n < 1 || n > max) {
                        throw new StrictRecords.Refused("schedule.days", "'schedule.days' must be a comma list of"
                                + " days, 1 to " + max + " ("
                                + ("day_of_week".equals(recurring) ? "1 is Monday" : "of the month")
                                + "); '" + day.strip() + "' is not one");
                    }
                }
            }
            if (schedule.time() != null) {
                try {
                    LocalTime.parse(schedule.time());
                } catch (DateTimeParseException e) {
                    throw new StrictRecords.Refused("schedule.time", "'schedule.time' must be HH:MM or HH:MM:SS (UTC)");
                }
            }
        }
        return send;
    }

    private static void strings(String key, List<?> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String value) || value.isBlank()) {
                throw new StrictRecords.Refused(key, "'" + key + "' must be a list of strings; item " + i + " is not");
            }
        }
    }

    private static void deliveryClass(String deliveryClass) {
        if (deliveryClass != null && !DELIVERY_CLASSES.contains(deliveryClass.toLowerCase(Locale.ROOT))) {
            throw new StrictRecords.Refused("delivery_class", "'delivery_class' must be sms or ussd");
        }
    }

    private static void text(String key, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new StrictRecords.Refused(key, "'" + key + "' must be at most " + MAX_TEXT + " characters");
        }
    }
}
