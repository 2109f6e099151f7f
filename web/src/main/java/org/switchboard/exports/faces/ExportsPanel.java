package org.switchboard.exports.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.omnifaces.util.Faces;
import org.switchboard.exports.ExportView;
import org.switchboard.exports.Exports;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * Downloads, as Vumi Go's download modal offered them: a conversation's messages received or sent or their events
 * (all, the last day, week or month, or between two dates), or contacts (all, a group's, a search's), as CSV or JSON
 * lines. Each is written in the background; its progress shows live and its file downloads when written.
 */
@Named
@ViewScoped
public class ExportsPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The newest exports shown. */
    static final int SHOWN = 10;

    @Inject
    transient Exports exports;

    @Inject
    Ui ui;

    private final PerRequest<List<ExportView>> list = new PerRequest<>();
    private String kind = "inbound";
    private String format = "csv";
    private String range = "all";
    private LocalDate from;
    private LocalDate to;

    public List<ExportView> getList() {
        return list.get(() -> exports.list(ui.getSignedIn().accountId(), SHOWN));
    }

    /** Whether one is still being written (the panel refreshes itself until none is). */
    public boolean isActive() {
        return getList().stream().anyMatch(e -> !e.state().finished());
    }

    /** Asks for the conversation's messages or events of the chosen kind, format and dates. */
    public void messages(String conversationId) {
        Instant end = null;
        Instant start = switch (range) {
            case "1d" -> Instant.now().minus(Duration.ofDays(1));
            case "7d" -> Instant.now().minus(Duration.ofDays(7));
            case "30d" -> Instant.now().minus(Duration.ofDays(30));
            case "custom" -> from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> null;
        };
        if (range.equals("custom")) {
            if (from == null || to == null) {
                Messages.error("Choose both dates of the range");
                return;
            }
            end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); // the last day whole
        }
        ask(new Exports.Request(kind, format, null, null, conversationId, start, end));
    }

    /** Asks for the contacts: a group's, a search's, or all. */
    public void contacts(String groupKey, String query) {
        ask(new Exports.Request("contacts", format, groupKey == null || groupKey.isBlank() ? null : groupKey,
                query == null || query.isBlank() ? null : query, null, null, null));
    }

    private void ask(Exports.Request request) {
        if (!ui.mayChange()) {
            return;
        }
        ExportView made = Messages.attempt(() -> exports.create(ui.getSignedIn().accountId(), request));
        if (made != null) {
            Messages.info("The export is being written: " + made.fileName() + " downloads below when it is done");
            list.forget();
        }
    }

    /** Sends the export's file, as an attachment. */
    public void download(String id) throws IOException {
        var file = exports.file(ui.getSignedIn().accountId(), id);
        if (file.isEmpty()) {
            Messages.error("That export is not written yet, or it expired: ask for it again");
            return;
        }
        ExportView view = exports.find(ui.getSignedIn().accountId(), id).orElseThrow();
        try (var in = java.nio.file.Files.newInputStream(file.get())) {
            Faces.sendFile(in, view.fileName(), true); // Vumi Go's name, not the file's on disk
        }
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
