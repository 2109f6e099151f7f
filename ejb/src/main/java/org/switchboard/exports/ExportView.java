package org.switchboard.exports;

import jakarta.json.JsonObject;
import java.time.Instant;

/** An export as the APIs and the UI show it. */
public record ExportView(String id, String kind, String format, JsonObject scope, Export.State state, String fileName,
        long sizeBytes, long rowsTotal, long rowsDone, Instant createdAt, Instant finishedAt, Instant expiresAt,
        String failure) {

    /** How far it is, 0 to 100. */
    public int percent() {
        if (state == Export.State.COMPLETED || state == Export.State.EXPIRED) {
            return 100;
        }
        return rowsTotal == 0 ? 0 : (int) Math.min(99, rowsDone * 100 / rowsTotal);
    }

    static ExportView of(Export export) {
        return new ExportView(export.getId(), export.getKind(), export.getFormat(),
                org.switchboard.json.JsonStrings.object(export.getScope()), export.getState(), export.getFileName(),
                export.getSizeBytes(), export.getRowsTotal(), export.getRowsDone(), export.getCreatedAt(),
                export.getFinishedAt(), export.getExpiresAt(), export.getFailure());
    }
}
