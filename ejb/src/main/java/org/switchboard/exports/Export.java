package org.switchboard.exports;

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

/** One export: what it writes, its state and progress, and its file once it is written. */
@Entity
@Table(name = "export", indexes = @Index(name = "export_account", columnList = "account_id, created_at"))
public class Export {

    /** Where an export stands. */
    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED,
        /** completed, and its file removed after the time it is kept */
        EXPIRED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    /** contacts, inbound, outbound or events. */
    @Column(nullable = false, length = 16)
    private String kind;

    /** csv or jsonl. */
    @Column(nullable = false, length = 8)
    private String format;

    /** What it selects, as JSON: group_key, query, conversation_id, start, end. */
    @Column(nullable = false, length = 65535)
    private String scope;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "file_path", length = 1024)
    private String filePath;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "rows_total", nullable = false)
    private long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    private long rowsDone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(length = 1024)
    @Size(max = 1024)
    private String failure;

    protected Export() {
    }

    Export(String id, String accountId, String kind, String format, String scope, String fileName) {
        this.id = id;
        this.accountId = accountId;
        this.kind = kind;
        this.format = format;
        this.scope = scope;
        this.fileName = fileName;
        this.state = State.QUEUED;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getKind() {
        return kind;
    }

    public String getFormat() {
        return format;
    }

    public String getScope() {
        return scope;
    }

    public State getState() {
        return state;
    }

    public String getFilePath() {
        return filePath;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public long getRowsTotal() {
        return rowsTotal;
    }

    public long getRowsDone() {
        return rowsDone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getFailure() {
        return failure;
    }
}
