package org.switchboard.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A send made with an {@code Idempotency-Key} header: the message it made and a hash of the request, stored in the
 * same commit as the message, so that the same request sent again (by a client that never saw the answer, even
 * across a crash) is answered with the first message instead of making a second.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    /** The account's id and the client's key. */
    @Id
    @Column(length = 400)
    @Size(max = 400)
    private String id;

    @Column(name = "message_id", nullable = false)
    @Size(max = 255)
    private String messageId;

    /** SHA-256 of the API's name and the request body: the same key with another request is refused. */
    @Column(name = "request_hash", nullable = false, length = 64)
    @Size(max = 64)
    private String requestHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {
    }

    public IdempotencyKey(String id, String messageId, String requestHash) {
        this.id = id;
        this.messageId = messageId;
        this.requestHash = requestHash;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
