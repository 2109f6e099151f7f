package org.switchboard.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A command (an inbound message or event) whose invocation the platform could not store: it is not handed to the app
 * again when the broker redelivers it, since the app (and the outside calls it made) would only run again to the same
 * end.
 */
@Entity
@Table(name = "sandbox_failed_invocation")
public class FailedInvocation {

    @Id
    @Column(name = "command_id")
    private String commandId;

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    @Column(length = 1024)
    private String reason;

    @Column(nullable = false)
    private Instant at;

    protected FailedInvocation() {
    }

    FailedInvocation(String commandId, String conversationId, String reason) {
        this.commandId = commandId;
        this.conversationId = conversationId;
        this.reason = reason.length() > 1024 ? reason.substring(0, 1024) : reason;
        this.at = Instant.now();
    }
}
