package org.switchboard.contacts.imports;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.VendorAccounts;
import org.switchboard.contacts.ContactService;
import org.switchboard.engine.AfterCommit;
import org.switchboard.json.JsonStrings;

/**
 * Contact imports: an upload is stored as a file (streamed, owner-only, at most
 * {@code switchboard.imports.max-bytes}) and its first rows read to guess the header and the mapping; a start with
 * the mapping queues it for {@link ImportRunner}, which checks every row before it writes one.
 */
@Stateless
public class ContactImports {

    /** The rows read at upload, to show and to guess from. */
    static final int SAMPLE_ROWS = 5;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    @Inject
    private VendorAccounts vendorAccounts;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private ImportRunner runner;

    @Inject
    private ImportWork work;

    @Inject
    @ConfigProperty(name = "switchboard.imports.max-bytes", defaultValue = "104857600")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "switchboard.imports.dir")
    Optional<String> directory;

    /** An upload larger than the platform takes. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TooLarge(String message) {
            super(message);
        }
    }

    /** Refuses an upload that says it is larger than the limit, before it is read. */
    public void checkSize(long length) {
        if (length > maxBytes) {
            throw tooLarge();
        }
    }

    private TooLarge tooLarge() {
        return new TooLarge("The file is larger than " + maxBytes / (1024 * 1024) + " MB, the most an import takes"
                + " (switchboard.imports.max-bytes): split it");
    }

    /**
     * Stores an uploaded file and reads its first rows.
     *
     * @throws TooLarge when it is over the limit (nothing is kept then)
     * @throws UnreadableFile when it is empty, or neither CSV text nor an XLSX workbook
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportView upload(String accountId, InputStream body, String fileName) {
        String id = Ids.ordered();
        Path file = directory().resolve(id);
        long size = 0;
        byte[] head = new byte[8];
        int headLength = 0;
        try (OutputStream out = Files.newOutputStream(org.switchboard.storage.PrivateFiles.create(file))) {
            byte[] buffer = new byte[1 << 16];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                size += n;
                if (size > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            org.switchboard.storage.PrivateFiles.delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            org.switchboard.storage.PrivateFiles.delete(file);
            throw e;
        }
        try {
            if (size == 0) {
                throw new UnreadableFile("The file is empty");
            }
            String format = Sheets.format(head, headLength);
            List<List<String>> first = new ArrayList<>();
            Sheets.read(file, format, (number, cells) -> {
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    first.add(cells);
                }
                return first.size() <= SAMPLE_ROWS;
            });
            if (first.isEmpty()) {
                throw new UnreadableFile("The file has no rows");
            }
            return work.record(new ContactImport(id, accountId, format, name(fileName), file.toString(), size,
                    columns(first).toString()));
        } catch (RuntimeException e) {
            org.switchboard.storage.PrivateFiles.delete(file);
            throw e;
        }
    }

    /** The account's import. */
    public Optional<ImportView> find(String accountId, String id) {
        return job(accountId, id).map(ContactImports::view);
    }

    /** The account's imports, newest first. */
    public List<ImportView> list(String accountId, int limit) {
        return em.createQuery("select i from ContactImport i where i.accountId = :account order by i.createdAt desc",
                ContactImport.class)
                .setParameter("account", accountId)
                .setMaxResults(limit)
                .getResultStream()
                .map(ContactImports::view)
                .toList();
    }

    /**
     * Starts an import with its mapping (or the upload's guess), mode, group and country; {@code check_only} checks
     * every row and writes nothing. It starts again from an import that was invalid, checked or failed.
     *
     * @throws IllegalArgumentException saying what is wrong with the settings
     * @throws ImportConflict when the import is under way or done
     */
    public Optional<ImportView> start(String accountId, String id, JsonObject request) {
        return job(accountId, id).map(job -> {
            if (!List.of(ContactImport.State.UPLOADED, ContactImport.State.INVALID, ContactImport.State.CHECKED,
                    ContactImport.State.FAILED).contains(job.getState())) {
                throw new ImportConflict("Import " + id + " is " + job.getState().name().toLowerCase()
                        + ": it can be started when uploaded, invalid, checked or failed");
            }
            JsonObject columns = JsonStrings.object(job.getColumns());
            JsonObject guess = guess(columns);
            ImportSettings settings = ImportSettings.fromRequest(request, mapping(guess),
                    guess.getBoolean("has_header"), vendorAccounts.country(accountId));
            settings.check(columns.getInt("count"));
            if (settings.groupKey() != null && contacts.group(accountId, settings.groupKey()).isEmpty()) {
                throw new IllegalArgumentException("Unknown group '" + settings.groupKey() + "' in 'group_key'");
            }
            if (settings.groupName() != null && settings.groupName().length() > 255) {
                throw new IllegalArgumentException("'group_name' must be at most 255 characters");
            }
            boolean checkOnly = request.get("check_only") == JsonValue.TRUE;
            job.queue(settings.json().toString(), settings.groupKey(), checkOnly);
            afterCommit.run(runner::wake);
            return view(job);
        });
    }

    /**
     * Stops an import that is waiting, checking or writing; what it wrote stays.
     *
     * @throws ImportConflict when it is finished
     */
    public Optional<ImportView> cancel(String accountId, String id) {
        return job(accountId, id).map(job -> {
            int moved = em.createNativeQuery("update contact_import set state = 'CANCELLED', finished_at = ?1"
                    + " where id = ?2 and state in ('UPLOADED', 'QUEUED', 'CHECKING', 'IMPORTING')")
                    .setParameter(1, Instant.now())
                    .setParameter(2, id)
                    .executeUpdate();
            if (moved == 0) {
                throw new ImportConflict("Import " + id + " is " + job.getState().name().toLowerCase()
                        + ": only one that is uploaded, queued, checking or importing can be cancelled");
            }
            em.createNativeQuery("delete from contact_import_row where import_id = ?1").setParameter(1, id)
                    .executeUpdate();
            em.refresh(job);
            return view(job);
        });
    }

    /** The import's row errors in row order, {@code offset} on, at most {@code limit} (the first 1,000 are kept). */
    public Optional<List<ImportView.RowError>> errors(String accountId, String id, int offset, int limit) {
        return job(accountId, id).map(job -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select row_no, message from contact_import_error"
                    + " where import_id = ?1 order by row_no, seq")
                    .setParameter(1, id)
                    .setFirstResult(offset)
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream().map(r -> new ImportView.RowError(((Number) r[0]).intValue(), (String) r[1]))
                    .toList();
        });
    }

    private Optional<ContactImport> job(String accountId, String id) {
        return Optional.ofNullable(em.find(ContactImport.class, id))
                .filter(job -> job.getAccountId().equals(accountId));
    }

    static ImportView view(ContactImport job) {
        JsonObject columns = JsonStrings.object(job.getColumns());
        return new ImportView(job.getId(), job.getState(), job.getFormat(), job.getFileName(), job.getSizeBytes(),
                columns, guess(columns), job.getSettings() == null ? null : JsonStrings.object(job.getSettings()),
                job.getGroupKey(), job.getRowsTotal(), job.getRowsChecked(), job.getRowsDone(), job.getCreated(),
                job.getUpdated(), job.getErrorCount(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(),
                job.getFailure());
    }

    /** The first rows: {@code header} (the first row, when it looks like one, else null), {@code sample}, {@code count}. */
    private static JsonObject columns(List<List<String>> first) {
        boolean header = ImportSettings.looksLikeHeader(first.get(0));
        int count = first.stream().mapToInt(List::size).max().orElse(0);
        if (count > MAX_COLUMNS) {
            throw new UnreadableFile("The file has " + count + " columns; an import reads at most " + MAX_COLUMNS);
        }
        List<List<String>> rows = new ArrayList<>(first.subList(header ? 1 : 0, first.size()));
        while (true) {
            JsonArrayBuilder sample = JSON.createArrayBuilder();
            rows.forEach(row -> sample.add(shown(row)));
            var json = JSON.createObjectBuilder().add("count", count).add("sample", sample);
            if (header) {
                json.add("header", shown(first.get(0)));
            } else {
                json.addNull("header");
            }
            JsonObject columns = json.build();
            // what is shown of the first rows is kept with the import: as many rows as fit
            if (columns.toString().length() < 60_000 || rows.isEmpty()) {
                return columns;
            }
            rows.remove(rows.size() - 1);
        }
    }

    /** The most columns an import reads, and the characters of a cell shown from the first rows. */
    static final int MAX_COLUMNS = 500;
    static final int SHOWN = 60;

    private static JsonArrayBuilder shown(List<String> row) {
        JsonArrayBuilder cells = JSON.createArrayBuilder();
        row.forEach(cell -> cells.add(cell.length() > SHOWN ? cell.substring(0, SHOWN) + "\u2026" : cell));
        return cells;
    }

    /** The guess: whether there is a header, and a column for each header or value the platform recognises. */
    static JsonObject guess(JsonObject columns) {
        JsonArray header = columns.get("header") instanceof JsonArray h ? h : null;
        JsonArray sample = columns.getJsonArray("sample");
        JsonArray firstValues = sample.isEmpty() ? null : sample.getJsonArray(0);
        JsonArrayBuilder mapping = JSON.createArrayBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < columns.getInt("count"); i++) {
            String name = header != null && i < header.size() ? ((JsonString) header.get(i)).getString() : null;
            String value = firstValues != null && i < firstValues.size()
                    ? ((JsonString) firstValues.get(i)).getString()
                    : null;
            ImportSettings.Column column = ImportSettings.guess(i, name, value);
            if (column != null && used.add(column.field())) {
                mapping.add(JSON.createObjectBuilder().add("column", i).add("field", column.field())
                        .add("normalize", column.normaliser()));
            }
        }
        return JSON.createObjectBuilder().add("has_header", header != null).add("mapping", mapping).build();
    }

    private static List<ImportSettings.Column> mapping(JsonObject guess) {
        return guess.getJsonArray("mapping").stream().map(JsonValue::asJsonObject)
                .map(c -> new ImportSettings.Column(c.getInt("column"), c.getString("field"),
                        c.getString("normalize")))
                .toList();
    }

    private Path directory() {
        return org.switchboard.storage.PrivateFiles.directory("imports", directory);
    }

    private static String name(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String slashes = fileName.replace('\\', '/');
        String base = slashes.substring(slashes.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
