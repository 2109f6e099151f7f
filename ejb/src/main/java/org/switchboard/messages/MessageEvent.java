package org.switchboard.messages;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What happened to an outbound message, in Junebug's event types: submitted, rejected, delivery_*. */
@Entity
@Table(name = "message_event", indexes = {@Index(name = "message_event_message", columnList = "message_id"),
        @Index(name = "message_event_app", columnList = "app_pending, timestamp"),
        @Index(name = "message_event_time", columnList = "timestamp")})
@NamedQuery(name = "MessageEvent.findByMessage", query = "select e from MessageEvent e where e.messageId = :messageId order by e.timestamp, e.id")
public class MessageEvent {

    @Id
    private String id;

    @Column(name = "message_id", nullable = false)
    @Size(max = 255)
    private String messageId;

    @Column(name = "event_type", nullable = false)
    @Size(max = 255)
    private String eventType;

    @Column(name = "details", length = 65535)
    @Size(max = 65535)
    private String details;

    @Column(nullable = false)
    private Instant timestamp;

    /** Whether the conversation's app is still to hear of the event ({@code api.on_inbound_event}). */
    @Column(name = "app_pending", nullable = false)
    private boolean appPending;

    /** The instance that pushes the event to its message's event_url (null: none does). */
    @Column(name = "pushed_by", length = 64)
    @Size(max = 64)
    private String pushedBy;

    protected MessageEvent() {
    }

    public MessageEvent(String id, String messageId, String eventType, String details) {
        this.id = id;
        this.messageId = messageId;
        this.eventType = eventType;
        this.details = details;
        // microseconds, as the database keeps them: an answer made now and one read back later show the same time
        this.timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public String getId() {
        return id;
    }

    public String getPushedBy() {
        return pushedBy;
    }

    public void setPushedBy(String pushedBy) {
        this.pushedBy = pushedBy;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    /** The event's details as a JSON object. */
    public String getDetails() {
        return details;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public boolean isAppPending() {
        return appPending;
    }

    public void setAppPending(boolean appPending) {
        this.appPending = appPending;
    }
}
