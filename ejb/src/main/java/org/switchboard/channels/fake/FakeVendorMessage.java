package org.switchboard.channels.fake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message as the fake vendor received it: what a phone on the other side would have been sent. */
@Entity
@Table(name = "fake_vendor_message")
@NamedQuery(name = "FakeVendorMessage.findByChannel", query = "select m from FakeVendorMessage m where m.channelId = :channelId order by m.receivedAt, m.id")
public class FakeVendorMessage {

    @Id
    private String id;

    @Column(name = "channel_id", nullable = false)
    private String channelId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "to_addr")
    private String toAddr;

    @Column(name = "from_addr")
    private String fromAddr;

    @Column(length = 65535)
    private String content;

    @Column(name = "session_event")
    private String sessionEvent;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected FakeVendorMessage() {
    }

    FakeVendorMessage(String id, String channelId, String messageId, String toAddr, String fromAddr, String content,
            String sessionEvent) {
        this.id = id;
        this.channelId = channelId;
        this.messageId = messageId;
        this.toAddr = toAddr;
        this.fromAddr = fromAddr;
        this.content = content;
        this.sessionEvent = sessionEvent;
        this.receivedAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getToAddr() {
        return toAddr;
    }

    public String getFromAddr() {
        return fromAddr;
    }

    public String getContent() {
        return content;
    }

    public String getSessionEvent() {
        return sessionEvent;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
