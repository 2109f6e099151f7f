package org.switchboard.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A line of a channel's log, as Junebug's {@code /channels/{id}/logs} shows it: what the vendor refused, a send that
 * failed and will be tried again, an inbound message with nowhere to go, a change of the channel's settings. Levels
 * are Python's logging levels (20 info, 30 warning, 40 error), as Junebug's are.
 */
@Entity
// reading and trimming a channel's log go by channel, newest first
@Table(name = "channel_log_line", indexes = @Index(name = "channel_log_line_channel", columnList = "channel_id, id"))
public class ChannelLogLine {

    public static final int INFO = 20;
    public static final int WARNING = 30;
    public static final int ERROR = 40;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "channel_id", nullable = false)
    @Size(max = 255)
    private String channelId;

    @Column(nullable = false)
    private int level;

    @Column(length = 4096)
    @Size(max = 4096)
    private String message;

    /**
     * When an exception was the cause: what went wrong, in words ({@link Failures}); the class and stack columns are
     * no longer written (the server's log has them).
     */
    @Column(name = "exception_class")
    @Size(max = 255)
    private String exceptionClass;

    @Column(name = "exception_text", length = 1024)
    @Size(max = 1024)
    private String exceptionText;

    @Column(name = "exception_stack", length = 4096)
    @Size(max = 4096)
    private String exceptionStack;

    @Column(nullable = false)
    private Instant timestamp;

    protected ChannelLogLine() {
    }

    public ChannelLogLine(String channelId, int level, String message, Throwable failure) {
        this.channelId = channelId;
        this.level = level;
        this.message = cut(message, 4096);
        this.timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (failure != null) {
            // what went wrong in words for the account; the class and its stack go to the server's log only
            this.exceptionText = cut(Failures.describe(failure), 1024);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getChannelId() {
        return channelId;
    }

    public int getLevel() {
        return level;
    }

    public String getMessage() {
        return message;
    }

    public String getExceptionClass() {
        return exceptionClass;
    }

    public String getExceptionText() {
        return exceptionText;
    }

    public String getExceptionStack() {
        return exceptionStack;
    }

    public Instant getTimestamp() {
        return timestamp;
    }
}
