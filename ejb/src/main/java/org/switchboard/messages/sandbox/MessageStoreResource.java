package org.switchboard.messages.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.switchboard.conversations.Conversation;
import org.switchboard.messages.Message.Direction;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code messagestore} resource: counts, unique addresses, throughput and the progress of a conversation of the
 * app's account (its own unless {@code conversation_key} names another), from the stored messages and their events.
 */
@ApplicationScoped
public class MessageStoreResource implements SandboxResource {

    /** Vumi Go's default look-back for throughput, in seconds. */
    static final int DEFAULT_SAMPLE_TIME = 300;

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return "messagestore";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        switch (command) {
            case "count_replies" :
                return count(count(conversation(fields, app), Direction.INBOUND, "count(m)", null));
            case "count_sent_messages" :
                return count(count(conversation(fields, app), Direction.OUTBOUND, "count(m)", null));
            case "count_inbound_uniques" :
                return count(count(conversation(fields, app), Direction.INBOUND, "count(distinct m.fromAddr)", null));
            case "count_outbound_uniques" :
                return count(count(conversation(fields, app), Direction.OUTBOUND, "count(distinct m.toAddr)", null));
            case "inbound_throughput" :
                return throughput(conversation(fields, app), Direction.INBOUND, fields);
            case "outbound_throughput" :
                return throughput(conversation(fields, app), Direction.OUTBOUND, fields);
            case "progress_status" :
                return progress(conversation(fields, app));
            default :
                throw SandboxResource.unknown(name(), command);
        }
    }

    private String conversation(JsonObject fields, AppScope app) {
        JsonValue key = fields.get("conversation_key");
        if (key == null || key == JsonValue.NULL) {
            return app.conversationId();
        }
        if (!(key instanceof jakarta.json.JsonString text)) {
            throw new IllegalArgumentException("conversation_key must be a string");
        }
        Conversation conversation = em.find(Conversation.class, text.getString());
        if (conversation == null || !conversation.getAccountId().equals(app.accountId())) {
            throw new IllegalArgumentException("Conversation '" + text.getString() + "' not found");
        }
        return conversation.getId();
    }

    private long count(String conversationId, Direction direction, String what, Instant since) {
        var query = em.createQuery("select " + what + " from Message m where m.conversationId = :conversation"
                + " and m.direction = :direction" + (since == null ? "" : " and m.timestamp >= :since"), Long.class)
                .setParameter("conversation", conversationId)
                .setParameter("direction", direction);
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.getSingleResult();
    }

    private static JsonObject count(long count) {
        return SandboxResource.success().add("count", count).build();
    }

    /** Messages a minute, on average over the last {@code sample_time} seconds. */
    private JsonObject throughput(String conversationId, Direction direction, JsonObject fields) {
        JsonValue sample = fields.get("sample_time");
        double seconds = DEFAULT_SAMPLE_TIME;
        if (sample instanceof JsonNumber number && number.doubleValue() > 0) {
            seconds = number.doubleValue();
        } else if (sample != null && sample != JsonValue.NULL) {
            throw new IllegalArgumentException("sample_time must be a positive number of seconds");
        }
        long messages = count(conversationId, direction, "count(m)",
                Instant.now().minusMillis((long) (seconds * 1000)));
        return SandboxResource.success().add("throughput", messages / (seconds / 60)).build();
    }

    /** Vumi's outbound progress: messages sent, and their acks, nacks and delivery reports. */
    private JsonObject progress(String conversationId) {
        List<Object[]> events = em.createQuery("select e.eventType, count(e) from MessageEvent e, Message m"
                + " where e.messageId = m.id and m.conversationId = :conversation and m.direction = :direction"
                + " group by e.eventType", Object[].class)
                .setParameter("conversation", conversationId)
                .setParameter("direction", Direction.OUTBOUND)
                .getResultList();
        long ack = 0, nack = 0, delivered = 0, failed = 0, pending = 0;
        for (Object[] row : events) {
            long n = (Long) row[1];
            switch ((String) row[0]) {
                case "submitted" -> ack += n;
                case "rejected" -> nack += n;
                case "delivery_succeeded" -> delivered += n;
                case "delivery_failed" -> failed += n;
                case "delivery_pending" -> pending += n;
                default -> {
                }
            }
        }
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("ack", ack)
                .add("delivery_report", delivered + failed + pending)
                .add("delivery_report_delivered", delivered)
                .add("delivery_report_failed", failed)
                .add("delivery_report_pending", pending)
                .add("nack", nack)
                .add("sent", count(conversationId, Direction.OUTBOUND, "count(m)", null));
        return SandboxResource.success().add("progress_status", status).build();
    }
}
