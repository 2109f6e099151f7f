package org.switchboard.contacts.imports;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.switchboard.contacts.ContactGroup;
import org.switchboard.contacts.ContactService;
import org.switchboard.json.JsonStrings;
import org.switchboard.sql.Statistics;

/**
 * The import runner's steps, each its own transaction: taking up imports, storing checked rows, checking the rows
 * against each other and the account, writing a batch of contacts with the import's place.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportWork {

    /** The most errors kept per import (all are counted). */
    static final int KEPT_ERRORS = 1_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    /** A row read and normalised: its number, key, msisdn, fields and extras. */
    public record Staged(int row, String key, String msisdn, JsonObject values) {
    }

    /** What is wrong with a row. */
    public record RowError(int row, String message) {
    }

    /** What an import needs next. */
    public enum Next {
        STOP, CHECK, WRITE
    }

    /** Stores a new import's row. */
    public ImportView record(ContactImport job) {
        em.persist(org.switchboard.validation.Checks.valid(job));
        return ContactImports.view(job);
    }

    /** Queued imports start checking; returns the ids of those checking or writing. */
    public List<String> startable() {
        em.createNativeQuery("update contact_import set state = 'CHECKING', started_at = ?1 where state = 'QUEUED'")
                .setParameter(1, Instant.now())
                .executeUpdate();
        return em.createQuery("select i.id from ContactImport i where i.state in :states order by i.createdAt",
                String.class)
                .setParameter("states", List.of(ContactImport.State.CHECKING, ContactImport.State.IMPORTING))
                .getResultList();
    }

    public Next next(String id) {
        ContactImport job = em.find(ContactImport.class, id);
        if (job == null) {
            return Next.STOP;
        }
        return switch (job.getState()) {
            case CHECKING -> Next.CHECK;
            case IMPORTING -> Next.WRITE;
            default -> Next.STOP;
        };
    }

    /** The import as the runner reads its file: where, in what format, with what settings. */
    public ContactImport job(String id) {
        return em.find(ContactImport.class, id);
    }

    /** Forgets what an interrupted check stored, to check again from the first row. */
    public void restartCheck(String id) {
        delete("contact_import_row", id);
        delete("contact_import_error", id);
        em.find(ContactImport.class, id).checked(0, 0);
    }

    /** Stores a chunk of checked rows and errors; false when the import was cancelled meanwhile. */
    public boolean stage(String id, List<Staged> rows, List<RowError> errors, int rowsRead) {
        ContactImport job = em.find(ContactImport.class, id);
        if (job == null || job.getState() != ContactImport.State.CHECKING) {
            return false;
        }
        Session session = em.unwrap(Session.class);
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into contact_import_row"
                    + " (import_id, row_no, contact_key, msisdn, field_values) values (?, ?, ?, ?, ?)")) {
                for (Staged row : rows) {
                    insert.setString(1, id);
                    insert.setInt(2, row.row());
                    insert.setString(3, row.key());
                    insert.setString(4, row.msisdn());
                    insert.setString(5, row.values().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        keep(id, job.getErrorCount(), errors);
        job.checked(rowsRead, job.getErrorCount() + errors.size());
        return true;
    }

    /**
     * Checks the stored rows against each other and the account: a number or key on two rows (each after the first
     * named with the first), for a new-contacts import a number the account has already, for a key a contact the
     * account does not have. Then the import is invalid (nothing written), checked (a dry run), or writing.
     */
    public void crossCheck(String id) {
        ContactImport job = em.find(ContactImport.class, id);
        if (job == null || job.getState() != ContactImport.State.CHECKING) {
            return;
        }
        ImportSettings settings = ImportSettings.of(JsonStrings.object(job.getSettings()));
        Statistics.refresh(em, "contact_import_row"); // the rows just staged, for the checks' plans
        List<RowError> errors = new ArrayList<>();
        for (String column : List.of("msisdn", "contact_key")) {
            String what = column.equals("msisdn") ? "number" : "key";
            // one pass with a window, whatever the planner knows of the rows just staged (PostgreSQL, before its
            // statistics caught up, ran a correlated form row by row: minutes for 100,000 rows)
            rows("select row_no, " + column + ", first_row from (select row_no, " + column + ", min(row_no) over"
                    + " (partition by " + column + ") as first_row from contact_import_row where import_id = ?1 and "
                    + column + " is not null) d where row_no > first_row order by row_no", id)
                    .forEach(r -> errors.add(new RowError(number(r[0]), "the " + what + " " + r[1]
                            + " is on row " + number(r[2]) + " too")));
        }
        if (settings.mode() == ImportSettings.Mode.NEW) {
            rows("select r.row_no, r.msisdn, c.contact_key from contact_import_row r join contact c on"
                    + " c.msisdn = r.msisdn and c.account_id = ?2 where r.import_id = ?1 order by r.row_no", id,
                    job.getAccountId())
                    .forEach(r -> errors.add(new RowError(number(r[0]), "the number " + r[1] + " is contact "
                            + r[2] + " already: import it with mode upload_is_truth or existing_is_truth to"
                            + " update it")));
        } else {
            rows("select r.row_no, r.contact_key from contact_import_row r where r.import_id = ?1 and"
                    + " r.contact_key is not null and not exists (select 1 from contact c where c.contact_key ="
                    + " r.contact_key and c.account_id = ?2) order by r.row_no", id, job.getAccountId())
                    .forEach(r -> errors.add(new RowError(number(r[0]), "no contact has the key " + r[1])));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        keep(id, job.getErrorCount(), errors);
        int total = job.getErrorCount() + errors.size();
        job.checked(job.getRowsChecked(), total);
        if (total > 0 || job.isCheckOnly()) {
            delete("contact_import_row", id);
            job.setState(total > 0 ? ContactImport.State.INVALID : ContactImport.State.CHECKED);
            return;
        }
        if (job.getRowsChecked() == 0) {
            job.fail("The file has no rows to import" + (settings.hasHeader() ? " below its header" : ""));
            return;
        }
        if (job.getGroupKey() == null && settings.groupName() != null) {
            ContactGroup group = contacts.createGroup(job.getAccountId(), settings.groupName(), null);
            job.setGroupKey(group.getKey());
        }
        job.setState(ContactImport.State.IMPORTING);
    }

    /**
     * Writes the next batch of rows after the import's place, and moves the place, in this one transaction (so a
     * crash leaves a batch written with its place or not at all); false when none are left (the import is completed)
     * or it is not writing.
     */
    public boolean writeBatch(String id, int size) {
        ContactImport job = em.find(ContactImport.class, id);
        if (job == null || job.getState() != ContactImport.State.IMPORTING) {
            return false;
        }
        ImportSettings settings = ImportSettings.of(JsonStrings.object(job.getSettings()));
        List<Object[]> rows = rows(size, "select row_no, contact_key, msisdn, field_values from contact_import_row"
                + " where import_id = ?1 and row_no > ?2 order by import_id, row_no", id, job.getRowsDone()); // the
        // key's order: H2 reads a batch off the key then, instead of sorting every row after the place each time
        if (rows.isEmpty()) {
            delete("contact_import_row", id);
            job.setState(ContactImport.State.COMPLETED);
            Statistics.refresh(em, "contact", "contact_group"); // the contacts written, for the next lookups' plans
            return false;
        }
        List<ContactService.ImportedRow> imported = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            JsonObject values = JsonStrings.object((String) row[3]);
            imported.add(new ContactService.ImportedRow(number(row[0]), (String) row[1], (String) row[2],
                    strings(values.getJsonObject("f")), strings(values.getJsonObject("x"))));
        }
        int[] counts = contacts.importRows(job.getAccountId(), imported, settings.mode().merge(), job.getGroupKey());
        em.createNativeQuery("update contact_import set rows_done = ?1, created = created + ?2,"
                + " updated = updated + ?3 where id = ?4")
                .setParameter(1, number(rows.get(rows.size() - 1)[0]))
                .setParameter(2, counts[0])
                .setParameter(3, counts[1])
                .setParameter(4, id)
                .executeUpdate();
        return true;
    }

    /** Fails the import, saying why; what it staged is dropped. */
    public void fail(String id, String why) {
        ContactImport job = em.find(ContactImport.class, id);
        if (job != null && !job.getState().finished()) {
            delete("contact_import_row", id);
            job.fail(why);
        }
    }

    private void keep(String id, int kept, List<RowError> errors) {
        int room = Math.max(0, KEPT_ERRORS - kept);
        if (room == 0 || errors.isEmpty()) {
            return;
        }
        List<RowError> some = errors.subList(0, Math.min(room, errors.size()));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into contact_import_error"
                    + " (import_id, seq, row_no, message) values (?, ?, ?, ?)")) {
                int seq = kept;
                for (RowError error : some) {
                    insert.setString(1, id);
                    insert.setInt(2, ++seq);
                    insert.setInt(3, error.row());
                    insert.setString(4, error.message().length() > 1000
                            ? error.message().substring(0, 1000)
                            : error.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void delete(String table, String id) {
        em.createNativeQuery("delete from " + table + " where import_id = ?1").setParameter(1, id).executeUpdate();
    }

    private List<Object[]> rows(String sql, Object... parameters) {
        return rows(Integer.MAX_VALUE, sql, parameters);
    }

    /** The rows of a native query, its parameters ?1, ?2, ... in order, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(int limit, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.setMaxResults(limit).getResultList();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((k, v) -> map.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return map;
    }

    /** A row's values as staged: {@code {"f": {field: value}, "x": {extra: value}}}. */
    static JsonObject values(Map<String, String> fields, Map<String, String> extras) {
        var f = JSON.createObjectBuilder();
        fields.forEach(f::add);
        var x = JSON.createObjectBuilder();
        extras.forEach(x::add);
        return JSON.createObjectBuilder().add("f", f).add("x", x).build();
    }
}
