package org.switchboard.optouts;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** An address that asked not to be messaged by an account, as Vumi Go's OptOut: address type and value. */
@Entity
@Table(name = "opt_out", uniqueConstraints = @UniqueConstraint(name = "opt_out_address", columnNames = {"account_id",
        "address_type", "address_value"}))
public class OptOut {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(name = "address_type", nullable = false, length = 64)
    @Size(max = 64)
    private String addressType;

    @Column(name = "address_value", nullable = false)
    @Size(max = 255)
    private String addressValue;

    /** The message that asked for it, for auditing. */
    @Column(name = "message_id")
    @Size(max = 255)
    private String messageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OptOut() {
    }

    OptOut(String id, String accountId, String addressType, String addressValue, String messageId) {
        this.id = id;
        this.accountId = accountId;
        this.addressType = addressType;
        this.addressValue = addressValue;
        this.messageId = messageId;
        this.createdAt = Instant.now();
    }

    public String getAddressType() {
        return addressType;
    }

    public String getAddressValue() {
        return addressValue;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
