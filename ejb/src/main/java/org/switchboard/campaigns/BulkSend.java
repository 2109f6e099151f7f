package org.switchboard.campaigns;

import jakarta.persistence.Column;
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

/**
 * One bulk send of a bulk_message conversation (or a run of a sequential_send, or the push of a jsbox or dialogue app:
 * {@link Kind}): a job with a state and counts. Its recipients are fixed when it starts (rows of {@code bulk_recipient},
 * numbered); {@link #position} is the number of the last recipient whose message is stored, and it moves in the same
 * transaction as those messages, so a send taken up after a crash goes on from the next one and nobody gets a second
 * message (docs/campaigns.md).
 */
@Entity
@Table(name = "bulk_send", indexes = {
        @Index(name = "bulk_send_account", columnList = "account_id, created_at"),
        @Index(name = "bulk_send_state", columnList = "state, scheduled_for"),
        @Index(name = "bulk_send_guard", columnList = "account_id, fingerprint, created_at")})
public class BulkSend {

    /** Where a send stands. */
    public enum State {
        /** made, to start at once */
        PENDING,
        /** to start at {@link #scheduledFor} */
        SCHEDULED,
        /** choosing its recipients, then storing their messages */
        RUNNING,
        /** stopped by a person; resumes from where it stopped */
        PAUSED,
        /** every recipient's message is stored (they go on to the vendor at the channel's rate) */
        COMPLETED,
        /** stopped for good by a person; what was stored goes out, nothing more */
        CANCELLED,
        /** could not go on (its channel or conversation is gone); {@link #failure} says why */
        FAILED;

        public boolean finished() {
            return this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    /** What a send does for each recipient. */
    public enum Kind {
        /** sends the send's text (a bulk_message's send, a sequential_send's run) */
        MESSAGE,
        /**
         * starts the conversation's app (a jsbox, or a dialogue's survey) as though the recipient had written to it,
         * and sends what the app answers (Vumi Go's {@code send_jsbox}: "Trigger push messages", "Send Dialogue")
         */
        TRIGGER
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(name = "conversation_id", nullable = false)
    @Size(max = 255)
    private String conversationId;

    @Column(name = "channel_id", nullable = false)
    @Size(max = 255)
    private String channelId;

    /** The text each recipient gets; null for an app's push, whose app says what to send. */
    @Column(length = 65535)
    @Size(max = 65535)
    private String content;

    /** A text to each recipient, or the conversation's app started for each ({@link Kind}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind = Kind.MESSAGE;

    @Column(name = "delivery_class", nullable = false, length = 16)
    private String deliveryClass;

    @Column(nullable = false)
    private boolean dedupe;

    /** The group keys, a JSON array. */
    @Column(name = "group_keys", nullable = false, length = 65535)
    private String groupKeys;

    /** SHA-256 of the text, the delivery class and the sorted groups: the same send twice has the same. */
    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** Whether the recipients are chosen (their rows complete). */
    @Column(name = "recipients_ready", nullable = false)
    private boolean recipientsReady;

    @Column(nullable = false)
    private int recipients;

    @Column(nullable = false)
    private int position;

    /** Messages stored (each then sent at the channel's pace). */
    @Column(nullable = false)
    private int accepted;

    @Column(name = "skipped_no_address", nullable = false)
    private int skippedNoAddress;

    @Column(name = "skipped_duplicate", nullable = false)
    private int skippedDuplicate;

    @Column(name = "skipped_opted_out", nullable = false)
    private int skippedOptedOut;

    @Column(length = 1024)
    @Size(max = 1024)
    private String failure;

    /** A sequential_send's run: the scheduled time it is the run of (one run a slot); null for a bulk send. */
    @Column(name = "sequence_slot")
    private Instant sequenceSlot;

    protected BulkSend() {
    }

    BulkSend(String id, String accountId, String conversationId, String channelId, String content,
            String deliveryClass, boolean dedupe, String groupKeys, String fingerprint, Instant scheduledFor) {
        this.id = id;
        this.accountId = accountId;
        this.conversationId = conversationId;
        this.channelId = channelId;
        this.content = content;
        this.deliveryClass = deliveryClass;
        this.dedupe = dedupe;
        this.groupKeys = groupKeys;
        this.fingerprint = fingerprint;
        this.scheduledFor = scheduledFor;
        this.state = scheduledFor == null ? State.PENDING : State.SCHEDULED;
        this.createdAt = Instant.now();
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

    public String getContent() {
        return content;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getDeliveryClass() {
        return deliveryClass;
    }

    public boolean isDedupe() {
        return dedupe;
    }

    public String getGroupKeys() {
        return groupKeys;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public State getState() {
        return state;
    }

    void setState(State state) {
        this.state = state;
        if (state == State.RUNNING && startedAt == null) {
            startedAt = Instant.now();
        }
        if (state.finished() && finishedAt == null) {
            finishedAt = Instant.now();
        }
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getSequenceSlot() {
        return sequenceSlot;
    }

    void setSequenceSlot(Instant slot) {
        this.sequenceSlot = slot;
    }

    public boolean isRecipientsReady() {
        return recipientsReady;
    }

    void recipientsChosen(int count, int noAddress, int duplicates) {
        this.recipientsReady = true;
        this.recipients = count;
        this.skippedNoAddress = noAddress;
        this.skippedDuplicate = duplicates;
    }

    public int getRecipients() {
        return recipients;
    }

    public int getPosition() {
        return position;
    }

    public int getAccepted() {
        return accepted;
    }

    public int getSkippedNoAddress() {
        return skippedNoAddress;
    }

    public int getSkippedDuplicate() {
        return skippedDuplicate;
    }

    public int getSkippedOptedOut() {
        return skippedOptedOut;
    }

    public String getFailure() {
        return failure;
    }

    void fail(String why) {
        this.failure = why.length() > 1024 ? why.substring(0, 1024) : why;
        setState(State.FAILED);
    }
}
