package org.switchboard.contacts.imports;

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
 * One contact import: the uploaded file, how its columns map to contact fields, and the job's state and counts. Its
 * rows are read into {@code contact_import_row} while it is checked; {@link #rowsDone} moves with each batch of
 * contacts written, in the same transaction, so an import taken up after a crash goes on from the next row.
 */
@Entity
@Table(name = "contact_import", indexes = @Index(name = "contact_import_account", columnList = "account_id, created_at"))
public class ContactImport {

    /** Where an import stands. */
    public enum State {
        /** the file is stored; its columns are to be mapped */
        UPLOADED,
        /** mapped, waiting for the runner */
        QUEUED,
        /** every row read, normalised and checked; nothing written */
        CHECKING,
        /** the check found rows that cannot be imported (see the errors); nothing was written */
        INVALID,
        /** checked, written as asked */
        CHECKED,
        /** contacts being written */
        IMPORTING, COMPLETED,
        /** stopped by a person: the batches written stay, nothing more is written */
        CANCELLED,
        /** the file could not be read after all, or another step failed for good; {@link #failure} says why */
        FAILED;

        public boolean finished() {
            return this == INVALID || this == CHECKED || this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private State state;

    /** csv or xlsx. */
    @Column(nullable = false, length = 8)
    private String format;

    @Column(name = "file_name", length = 255)
    @Size(max = 255)
    private String fileName;

    @Column(name = "file_path", nullable = false, length = 1024)
    private String filePath;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    /** The file's first rows as they were read at upload: {@code {"header": [...] | null, "sample": [[...]]}}. */
    @Column(length = 65535)
    private String columns;

    /** What was asked for when it was started (mapping, mode, group, country), as JSON. */
    @Column(length = 65535)
    private String settings;

    /** Whether the import only checks (a dry run): it ends CHECKED and writes nothing. */
    @Column(name = "check_only", nullable = false)
    private boolean checkOnly;

    @Column(name = "group_key", length = 255)
    private String groupKey;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(name = "rows_checked", nullable = false)
    private int rowsChecked;

    @Column(name = "rows_done", nullable = false)
    private int rowsDone;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int updated;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 1024)
    @Size(max = 1024)
    private String failure;

    protected ContactImport() {
    }

    ContactImport(String id, String accountId, String format, String fileName, String filePath, long sizeBytes,
            String columns) {
        this.columns = columns;
        this.id = id;
        this.accountId = accountId;
        this.format = format;
        this.fileName = fileName;
        this.filePath = filePath;
        this.sizeBytes = sizeBytes;
        this.state = State.UPLOADED;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public State getState() {
        return state;
    }

    void setState(State state) {
        this.state = state;
        if (state == State.CHECKING && startedAt == null) {
            startedAt = Instant.now();
        }
        if (state.finished() && finishedAt == null) {
            finishedAt = Instant.now();
        }
    }

    public String getFormat() {
        return format;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFilePath() {
        return filePath;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getColumns() {
        return columns;
    }

    public String getSettings() {
        return settings;
    }

    void queue(String settings, String groupKey, boolean checkOnly) {
        this.settings = settings;
        this.groupKey = groupKey;
        this.checkOnly = checkOnly;
        this.state = State.QUEUED;
        this.rowsChecked = 0;
        this.rowsTotal = 0;
        this.errorCount = 0;
        this.finishedAt = null;
        this.failure = null;
    }

    public boolean isCheckOnly() {
        return checkOnly;
    }

    public String getGroupKey() {
        return groupKey;
    }

    void setGroupKey(String groupKey) {
        this.groupKey = groupKey;
    }

    public int getRowsTotal() {
        return rowsTotal;
    }

    public int getRowsChecked() {
        return rowsChecked;
    }

    void checked(int rows, int errors) {
        this.rowsTotal = rows;
        this.rowsChecked = rows;
        this.errorCount = errors;
    }

    public int getRowsDone() {
        return rowsDone;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getErrorCount() {
        return errorCount;
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

    public String getFailure() {
        return failure;
    }

    void fail(String why) {
        this.failure = why.length() > 1024 ? why.substring(0, 1024) : why;
        setState(State.FAILED);
    }
}
