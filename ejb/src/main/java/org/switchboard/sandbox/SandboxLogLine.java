package org.switchboard.sandbox;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A line of a conversation's app log: what the app logged, or why the sandbox ended an invocation. */
@Entity
// reading and trimming a conversation's log go by conversation, newest first
@Table(name = "sandbox_log_line", indexes = @Index(name = "sandbox_log_line_conversation", columnList = "conversation_id, id"))
@NamedQuery(name = "SandboxLogLine.findByConversation", query = "select l from SandboxLogLine l where l.conversationId = :conversationId order by l.id desc")
public class SandboxLogLine {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    @Size(max = 255)
    private String conversationId;

    @Column(nullable = false)
    @Size(max = 255)
    private String level;

    @Column(length = 8192)
    @Size(max = 8192)
    private String message;

    @Column(nullable = false)
    private Instant timestamp;

    protected SandboxLogLine() {
    }

    SandboxLogLine(String conversationId, String level, String message) {
        this.conversationId = conversationId;
        this.level = level;
        this.message = message;
        this.timestamp = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getLevel() {
        return level;
    }

    public String getMessage() {
        return message;
    }

    public Instant getTimestamp() {
        return timestamp;
    }
}
