package org.switchboard.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.switchboard.secrets.EncryptedString;

/**
 * One POST to a customer's URL and where it stands: pending (to be tried at {@code nextAttemptAt}), delivered, or
 * failed for good after its attempts (a dead letter, until an operator replays it). The body is kept as it will be
 * sent, so every attempt and a replay send the same JSON with the same ids a receiver can dedupe on.
 */
@Entity
@Table(name = "push", indexes = {
        @Index(name = "push_due", columnList = "state, next_attempt_at"),
        @Index(name = "push_account", columnList = "account_id, state, conversation_id"),
        @Index(name = "push_subject", columnList = "subject_id")})
public class Push {

    /** What is pushed. */
    public enum Kind {
        /** An event of an outbound message, to its event_url. */
        EVENT,
        /** An inbound message, to its conversation's message URL (Junebug mo_message_url). */
        MESSAGE
    }

    /** Where a push stands. */
    public enum State {
        PENDING, DELIVERED, FAILED
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(name = "conversation_id")
    @Size(max = 255)
    private String conversationId;

    @Column(name = "channel_id")
    @Size(max = 255)
    private String channelId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Kind kind;

    /** The event's or message's id. */
    @Column(name = "subject_id", nullable = false)
    @Size(max = 255)
    private String subjectId;

    @Column(name = "url", nullable = false, length = 8192)
    @Convert(converter = EncryptedString.class)
    private String url;

    @Column(name = "auth_token", length = 2048)
    @Convert(converter = EncryptedString.class)
    private String authToken;

    @Column(name = "body", nullable = false, length = 200000)
    @Size(max = 200000)
    private String body;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** The conversation's secret its pushes are signed with (HMAC-SHA256), or null; encrypted at rest. */
    @Column(name = "signing_secret", length = 1024)
    @Convert(converter = EncryptedString.class)
    private String signingSecret;

    /** How long an attempt may take (Junebug's mo_message_url_timeout, event_url_timeout); null: the default. */
    @Column(name = "timeout_seconds")
    private Double timeoutSeconds;

    protected Push() {
    }

    public Push(String id, String accountId, String conversationId, String channelId, Kind kind, String subjectId,
            String url, String authToken, String body) {
        this.id = id;
        this.accountId = accountId;
        this.conversationId = conversationId;
        this.channelId = channelId;
        this.kind = kind;
        this.subjectId = subjectId;
        this.url = url;
        this.authToken = authToken;
        this.body = body;
        this.state = State.PENDING;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
    }

    /**
     * Records a first attempt that failed, for a push that was sent before it was stored (an event's, whose own row
     * stands for it until then): from here on it is stored like any other.
     */
    public void failedFirst(int attempts, State state, Instant next, String error) {
        this.attempts = attempts;
        this.state = state;
        this.nextAttemptAt = next;
        this.lastError = error;
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getChannelId() {
        return channelId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getUrl() {
        return url;
    }

    public String getAuthToken() {
        return authToken;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public Double getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(Double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public String getBody() {
        return body;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
