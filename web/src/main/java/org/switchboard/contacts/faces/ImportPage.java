package org.switchboard.contacts.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.file.UploadedFile;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.contacts.imports.ContactImport;
import org.switchboard.contacts.imports.ContactImports;
import org.switchboard.contacts.imports.ImportSettings;
import org.switchboard.contacts.imports.ImportView;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * The import wizard: a CSV or XLSX file uploaded (streamed to the import's file, never held whole), its columns shown
 * with the first rows and the platform's guess of what each holds, the mapping changed where the guess is wrong (a
 * contact field or an extra, and its normaliser), Vumi Go's three modes, a group, the country of numbers without one;
 * then every row checked before anything is written (each bad row named), and the import's progress live to the end.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactImports imports;

    @Inject
    transient ContactsApi contacts;

    @Inject
    Ui ui;

    /** A column of the file, and what it is to fill. */
    public static final class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String title;
        private final String samples;
        private String field;
        private String normaliser;

        Column(int index, String title, String samples, String field, String normaliser) {
            this.index = index;
            this.title = title;
            this.samples = samples;
            this.field = field;
            this.normaliser = normaliser;
        }

        public int getIndex() {
            return index;
        }

        public String getTitle() {
            return title;
        }

        public String getSamples() {
            return samples;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getNormaliser() {
            return normaliser;
        }

        public void setNormaliser(String normaliser) {
            this.normaliser = normaliser;
        }
    }

    private transient UploadedFile file;
    private String importId;
    private List<Column> columns = new ArrayList<>();
    private boolean hasHeader;
    private String mode = ImportSettings.Mode.UPLOAD_IS_TRUTH.wireName();
    private String groupKey;
    private String groupName;
    private String country;
    private final PerRequest<ImportView> current = new PerRequest<>();

    public void upload() {
        if (!ui.mayChange()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a CSV or XLSX file first");
            return;
        }
        ImportView view = Messages.attempt(() -> {
            try (InputStream in = file.getInputStream()) {
                return imports.upload(ui.getSignedIn().accountId(), in, file.getFileName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (view != null) {
            importId = view.id();
            read(view);
        }
    }

    /** The upload's columns, first rows and guessed mapping, as the page edits them. */
    private void read(ImportView view) {
        JsonArray header = view.columns().get("header") instanceof JsonArray h ? h : null;
        JsonArray sample = view.columns().getJsonArray("sample");
        hasHeader = view.guess().getBoolean("has_header");
        columns = new ArrayList<>();
        for (int i = 0; i < view.columns().getInt("count"); i++) {
            String title = header != null && i < header.size() ? text(header.get(i)) : "Column " + (i + 1);
            List<String> values = new ArrayList<>();
            for (int r = 0; r < Math.min(3, sample.size()); r++) {
                JsonArray row = sample.getJsonArray(r);
                values.add(i < row.size() ? text(row.get(i)) : "");
            }
            String field = null;
            String normaliser = "";
            for (JsonValue guessed : view.guess().getJsonArray("mapping")) {
                JsonObject g = guessed.asJsonObject();
                if (g.getInt("column") == i) {
                    field = g.getString("field");
                    normaliser = g.getString("normalize", "");
                }
            }
            columns.add(new Column(i, title, String.join(" · ", values), field, normaliser));
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : "";
    }

    /** Checks every row and writes nothing ({@code checkOnly}), or imports. */
    public void start(boolean checkOnly) {
        if (!ui.mayChange() || importId == null) {
            return;
        }
        JsonArrayBuilder mapping = JSON.createArrayBuilder();
        for (Column column : columns) {
            if (column.field != null && !column.field.isBlank()) {
                mapping.add(JSON.createObjectBuilder().add("column", column.index).add("field", column.field)
                        .add("normalize", column.normaliser == null ? "" : column.normaliser));
            }
        }
        JsonObjectBuilder request = JSON.createObjectBuilder().add("mapping", mapping).add("has_header", hasHeader)
                .add("mode", mode).add("check_only", checkOnly);
        if (groupKey != null && !groupKey.isBlank()) {
            request.add("group_key", groupKey);
        } else if (groupName != null && !groupName.isBlank()) {
            request.add("group_name", groupName.trim());
        }
        if (country != null && !country.isBlank()) {
            request.add("country", country.trim());
        }
        Messages.attempt(() -> imports.start(ui.getSignedIn().accountId(), importId, request.build()));
        current.forget();
    }

    public void cancel() {
        if (ui.mayChange() && importId != null) {
            Messages.attempt(() -> imports.cancel(ui.getSignedIn().accountId(), importId));
            current.forget();
        }
    }

    /** Starts over with another file. */
    public void another() {
        importId = null;
        current.forget();
        columns = new ArrayList<>();
        groupKey = null;
        groupName = null;
    }

    public ImportView getImport() {
        return importId == null
                ? null
                : current.get(() -> imports.find(ui.getSignedIn().accountId(), importId).orElse(null));
    }

    /** Whether the import is being checked or written (the page then refreshes itself). */
    public boolean isWorking() {
        ImportView view = getImport();
        return view != null && List.of(ContactImport.State.QUEUED, ContactImport.State.CHECKING,
                ContactImport.State.IMPORTING).contains(view.state());
    }

    public String getState() {
        ImportView view = getImport();
        return view == null ? "" : view.state().name().toLowerCase(Locale.ROOT);
    }

    public List<ImportView.RowError> getErrors() {
        return importId == null
                ? List.of()
                : imports.errors(ui.getSignedIn().accountId(), importId, 0, 200).orElse(List.of());
    }

    public List<SelectItem> getFieldChoices() {
        List<SelectItem> choices = new ArrayList<>();
        choices.add(new SelectItem("", "(leave out)"));
        ImportSettings.FIELDS.forEach(f -> choices.add(new SelectItem(f, f)));
        for (Column column : columns) {
            String extra = "extras-" + column.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_")
                    .replaceAll("^_+|_+$", "");
            for (String field : new String[]{column.field, extra}) {
                if (field != null && field.length() > "extras-".length()
                        && choices.stream().noneMatch(c -> c.getValue().equals(field))) {
                    choices.add(new SelectItem(field, field));
                }
            }
        }
        return choices;
    }

    public List<SelectItem> getGroupChoices() {
        List<SelectItem> choices = new ArrayList<>();
        choices.add(new SelectItem("", "(none, or a new one below)"));
        contacts.groups(ui.getSignedIn().accountId()).stream().filter(g -> g.isNull("query"))
                .forEach(g -> choices.add(new SelectItem(g.getString("key"), g.getString("name"))));
        return choices;
    }

    public List<Column> getColumns() {
        return columns;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getImportId() {
        return importId;
    }

    public boolean isHasHeader() {
        return hasHeader;
    }

    public void setHasHeader(boolean hasHeader) {
        this.hasHeader = hasHeader;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getGroupKey() {
        return groupKey;
    }

    public void setGroupKey(String groupKey) {
        this.groupKey = groupKey;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }
}
