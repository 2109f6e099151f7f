package org.switchboard.messages;

import org.switchboard.secrets.EncryptedString;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An inbound or outbound user message, in the fields of the Vumi message format, and where it stands. */
@Entity
@Table(name = "message", indexes = {
        @Index(name = "message_conversation", columnList = "conversation_id, direction, timestamp desc, id desc"),
        @Index(name = "message_status", columnList = "status, channel_id, timestamp"),
        @Index(name = "message_vendor_id", columnList = "vendor_message_id"),
        @Index(name = "message_batch", columnList = "batch_id, status")})
public class Message {

    /** Which way a message travels. */
    public enum Direction {
        INBOUND, OUTBOUND
    }

    /** Where a message stands; outbound messages move from QUEUED to SUBMITTED or REJECTED. */
    public enum Status {
        QUEUED, SUBMITTED, REJECTED, RECEIVED, ROUTED
    }

    /** The format of the events pushed to the message's event_url: that of the API that accepted it. */
    public enum EventShape {
        JUNEBUG, VUMI
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(name = "channel_id", nullable = false)
    @Size(max = 255)
    private String channelId;

    /** The conversation the message belongs to: the one its channel was bound to, or the app that sent it. */
    @Column(name = "conversation_id")
    @Size(max = 255)
    private String conversationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "to_addr")
    @Size(max = 255)
    private String toAddr;

    @Column(name = "from_addr")
    @Size(max = 255)
    private String fromAddr;

    @Column(name = "group_name")
    @Size(max = 255)
    private String group;

    @Column(length = 65535)
    @Size(max = 65535)
    private String content;

    @Column(name = "in_reply_to")
    @Size(max = 255)
    private String inReplyTo;

    @Column(name = "session_event")
    @Size(max = 255)
    private String sessionEvent;

    @Column(name = "transport_type")
    @Size(max = 255)
    private String transportType;

    @Column(name = "channel_data", length = 65535)
    @Size(max = 65535)
    private String channelData;

    @Column(name = "event_url", length = 4096)
    @Convert(converter = EncryptedString.class)
    @Size(max = 2048)
    private String eventUrl;

    @Column(name = "event_auth_token", length = 1024)
    @Convert(converter = EncryptedString.class)
    @Size(max = 255)
    private String eventAuthToken;

    /** Null for Junebug's (the shape of every message stored before there was a choice). */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "event_shape", length = 16)
    private EventShape eventShape;

    @Column(name = "vendor_message_id")
    @Size(max = 255)
    private String vendorMessageId;

    @Column(nullable = false)
    private Instant timestamp;

    /** The batch a message was sent in: a bulk send's id (Vumi Go's batch_id), or null. */
    @Column(name = "batch_id")
    @Size(max = 255)
    private String batchId;

    /**
     * A push trigger: the message a push of an app (a bulk send of a jsbox or dialogue) hands the app for a recipient,
     * as though they had written to it (Vumi Go's inbound push trigger). Never stored; what the app answers to it is
     * sent to the recipient, not as a reply.
     */
    @Transient
    private boolean pushTrigger;

    protected Message() {
    }

    public boolean isPushTrigger() {
        return pushTrigger;
    }

    public void setPushTrigger(boolean pushTrigger) {
        this.pushTrigger = pushTrigger;
    }

    public Message(String id, String accountId, String channelId, Direction direction, Status status) {
        this.id = id;
        this.accountId = accountId;
        this.channelId = channelId;
        this.direction = direction;
        this.status = status;
        // microseconds, as the database keeps them: an answer made now and one read back later show the same time
        this.timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A copy of this message for an app, not stored: the content and session event as a router forwards them (Vumi
     * Go's app multiplexer hands the chosen app {@code content=None, session_event=new}). Replies to it answer this
     * message, by its id.
     */
    public Message forwarded(String newContent, String newSessionEvent) {
        Message copy = new Message(id, accountId, channelId, direction, status);
        copy.conversationId = conversationId;
        copy.toAddr = toAddr;
        copy.fromAddr = fromAddr;
        copy.group = group;
        copy.content = newContent;
        copy.inReplyTo = inReplyTo;
        copy.sessionEvent = newSessionEvent;
        copy.transportType = transportType;
        copy.channelData = channelData;
        copy.timestamp = timestamp;
        return copy;
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getChannelId() {
        return channelId;
    }

    public Direction getDirection() {
        return direction;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public String getToAddr() {
        return toAddr;
    }

    public void setToAddr(String toAddr) {
        this.toAddr = toAddr;
    }

    public String getFromAddr() {
        return fromAddr;
    }

    public void setFromAddr(String fromAddr) {
        this.fromAddr = fromAddr;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public void setInReplyTo(String inReplyTo) {
        this.inReplyTo = inReplyTo;
    }

    public String getSessionEvent() {
        return sessionEvent;
    }

    public void setSessionEvent(String sessionEvent) {
        this.sessionEvent = sessionEvent;
    }

    public String getTransportType() {
        return transportType;
    }

    public void setTransportType(String transportType) {
        this.transportType = transportType;
    }

    public String getChannelData() {
        return channelData;
    }

    public void setChannelData(String channelData) {
        this.channelData = channelData;
    }

    public String getEventUrl() {
        return eventUrl;
    }

    public void setEventUrl(String eventUrl) {
        this.eventUrl = eventUrl;
    }

    public String getEventAuthToken() {
        return eventAuthToken;
    }

    public void setEventAuthToken(String eventAuthToken) {
        this.eventAuthToken = eventAuthToken;
    }

    public EventShape getEventShape() {
        return eventShape == null ? EventShape.JUNEBUG : eventShape;
    }

    public void setEventShape(EventShape eventShape) {
        this.eventShape = eventShape == EventShape.JUNEBUG ? null : eventShape;
    }

    public String getVendorMessageId() {
        return vendorMessageId;
    }

    public void setVendorMessageId(String vendorMessageId) {
        this.vendorMessageId = vendorMessageId;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }
}
