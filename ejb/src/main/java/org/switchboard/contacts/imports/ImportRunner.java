package org.switchboard.contacts.imports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.engine.JobLoop;
import org.switchboard.engine.Leases;
import org.switchboard.json.JsonStrings;

/**
 * Runs the contact imports: every two seconds (and at once when one is started) it takes up those queued, checking
 * or writing that no thread here runs; after a restart an import that was checking checks again from its first row
 * (nothing was written), one that was writing goes on after its place. The check reads the file as a stream and keeps
 * its normalised rows in the database, never in memory, so a file of a million rows takes the heap of a chunk.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRunner {

    /** Rows stored per transaction while checking, and contacts written per transaction. */
    static final int CHUNK = 1_000;
    static final int BATCH = 500;
    /** The longest value a contact field takes. */
    static final int MAX_VALUE = 255;

    @Inject
    ImportWork work;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Leases leases;

    private JobLoop loop;

    @PostConstruct
    void start() {
        loop = new JobLoop("contact imports", work::startable, this::run, scheduler, executor, leases, 2);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Looks for work now rather than at the next sweep. */
    public void wake() {
        loop.wake();
    }

    private void run(String id) {
        try {
            while (loop.open(id)) {
                ImportWork.Next next = work.next(id);
                if (next == ImportWork.Next.STOP) {
                    finished(id);
                    return;
                }
                if (next == ImportWork.Next.CHECK) {
                    check(id);
                } else if (!work.writeBatch(id, BATCH)) {
                    finished(id);
                    return;
                }
            }
        } catch (UnreadableFile e) {
            work.fail(id, e.getMessage());
        }
    }

    /** Removes the file of an import that will not read it again (completed or cancelled). */
    private void finished(String id) {
        ContactImport job = work.job(id);
        if (job != null && (job.getState() == ContactImport.State.COMPLETED
                || job.getState() == ContactImport.State.CANCELLED)) {
            org.switchboard.storage.PrivateFiles.delete(Path.of(job.getFilePath()));
        }
    }

    /** Reads every row, normalised and checked, into the database; then checks them against each other. */
    private void check(String id) {
        work.restartCheck(id);
        ContactImport job = work.job(id);
        ImportSettings settings = ImportSettings.of(JsonStrings.object(job.getSettings()));
        List<String> header = new ArrayList<>();
        List<ImportWork.Staged> rows = new ArrayList<>(CHUNK);
        List<ImportWork.RowError> errors = new ArrayList<>();
        int[] read = {0};
        boolean[] going = {true};
        Sheets.read(Path.of(job.getFilePath()), job.getFormat(), (number, cells) -> {
            if (settings.hasHeader() && read[0] == 0 && header.isEmpty()
                    && cells.stream().anyMatch(c -> !c.isBlank())) {
                header.addAll(cells);
                return true;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return true; // an empty row is not a contact
            }
            read[0]++;
            stage(number, cells, header, settings, rows, errors);
            if (rows.size() + errors.size() >= CHUNK) {
                going[0] = work.stage(id, List.copyOf(rows), List.copyOf(errors), read[0]);
                rows.clear();
                errors.clear();
            }
            return going[0] && loop.open(id);
        });
        if (!going[0] || !loop.open(id) || !work.stage(id, rows, errors, read[0])) {
            return;
        }
        work.crossCheck(id);
    }

    /** One row read as the mapping says: a staged row, or the row's first problem. */
    static void stage(int number, List<String> cells, List<String> header, ImportSettings settings,
            List<ImportWork.Staged> rows, List<ImportWork.RowError> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        String key = null;
        String msisdn = null;
        for (ImportSettings.Column column : settings.mapping()) {
            String raw = column.index() < cells.size() ? cells.get(column.index()) : "";
            String value;
            try {
                value = Normalisers.normalise(column.normaliser(), raw, settings.country());
            } catch (IllegalArgumentException e) {
                errors.add(new ImportWork.RowError(number, e.getMessage() + " (" + where(column, header) + ")"));
                return;
            }
            if (value == null) {
                continue;
            }
            if (value.length() > MAX_VALUE) {
                errors.add(new ImportWork.RowError(number, where(column, header) + " is longer than " + MAX_VALUE
                        + " characters"));
                return;
            }
            switch (column.field()) {
                case "key" -> key = value;
                case "msisdn" -> msisdn = value;
                default -> {
                    if (column.field().startsWith(ImportSettings.EXTRAS)) {
                        extras.put(column.field().substring(ImportSettings.EXTRAS.length()), value);
                    } else {
                        fields.put(column.field(), value);
                    }
                }
            }
        }
        if (msisdn == null && (settings.mode() == ImportSettings.Mode.NEW || key == null)) {
            errors.add(new ImportWork.RowError(number, settings.mode() == ImportSettings.Mode.NEW
                    ? "it has no contact number"
                    : "it has neither a key nor a contact number"));
            return;
        }
        rows.add(new ImportWork.Staged(number, key, msisdn, ImportWork.values(fields, extras)));
    }

    private static String where(ImportSettings.Column column, List<String> header) {
        String name = column.index() < header.size() && !header.get(column.index()).isBlank()
                ? "'" + header.get(column.index()) + "'"
                : Integer.toString(column.index() + 1);
        return "column " + name;
    }
}
