package org.switchboard.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A part of a long inbound message that came in parts (Vonage's {@code concat-ref}), kept until the last part comes
 * and the message is put together; durable, so a restart between parts loses none.
 */
@Entity
@Table(name = "inbound_part", uniqueConstraints = @UniqueConstraint(name = "inbound_part_unique", columnNames = {
        "channel_id", "ref", "seq"}))
public class InboundPart {

    @Id
    private String id;

    @Column(name = "channel_id", nullable = false)
    private String channelId;

    @Column(nullable = false)
    private String ref;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private int total;

    @Column(name = "vendor_message_id")
    private String vendorMessageId;

    @Column(name = "from_addr")
    private String fromAddr;

    @Column(name = "to_addr")
    private String toAddr;

    @Column(length = 4096)
    private String content;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected InboundPart() {
    }

    public InboundPart(String id, String channelId, WebhookResult.Part part) {
        this.id = id;
        this.channelId = channelId;
        this.ref = part.ref();
        this.seq = part.seq();
        this.total = part.total();
        this.vendorMessageId = part.message().vendorMessageId();
        this.fromAddr = part.message().from();
        this.toAddr = part.message().to();
        this.content = part.message().content();
        this.receivedAt = Instant.now();
    }

    public int getSeq() {
        return seq;
    }

    public int getTotal() {
        return total;
    }

    public String getVendorMessageId() {
        return vendorMessageId;
    }

    public String getFromAddr() {
        return fromAddr;
    }

    public String getToAddr() {
        return toAddr;
    }

    public String getContent() {
        return content;
    }
}
