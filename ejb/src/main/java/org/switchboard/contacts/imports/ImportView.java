package org.switchboard.contacts.imports;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * An import as the APIs and the UI show it.
 *
 * @param columns the file's first rows as read at upload: {@code header} (or null), {@code sample}, {@code count}
 * @param guess the settings the upload suggests: {@code has_header} and a {@code mapping}
 * @param settings what the import was started with (null until then)
 */
public record ImportView(String id, ContactImport.State state, String format, String fileName, long sizeBytes,
        JsonObject columns, JsonObject guess, JsonObject settings, String groupKey, int rowsTotal, int rowsChecked,
        int rowsDone, int created, int updated, int errors, Instant createdAt, Instant startedAt, Instant finishedAt,
        String failure) {

    /** How far it is, 0 to 100: the rows written of those checked (a check alone counts as done when it ends). */
    public int percent() {
        if (state == ContactImport.State.COMPLETED || state == ContactImport.State.CHECKED
                || state == ContactImport.State.INVALID) {
            return 100;
        }
        if (state != ContactImport.State.IMPORTING || rowsTotal == 0) {
            return 0;
        }
        return (int) Math.min(100, (long) rowsDoneCount() * 100 / rowsTotal);
    }

    private int rowsDoneCount() {
        return created + updated;
    }

    /** A row's problem, for the list of errors. */
    public record RowError(int row, String message) {
    }
}
