package org.switchboard.engine;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.switchboard.sql.Database;

/** Runs a group of writes in one new transaction: all commit together or none does. */
@Stateless
public class Batches {

    @PersistenceContext
    private EntityManager em;

    /**
     * The group's entity writes first (inserts batched by Hibernate), then its row updates, one JDBC batch per
     * statement, then what follows each update.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<GroupCommit.Job> jobs) {
        Map<String, List<GroupCommit.Update>> updates = new LinkedHashMap<>();
        for (GroupCommit.Job job : jobs) {
            if (job.work() != null) {
                job.work().write(em);
            } else {
                updates.computeIfAbsent(job.update().sql(), sql -> new ArrayList<>()).add(job.update());
            }
        }
        em.flush();
        if (updates.isEmpty()) {
            return;
        }
        List<GroupCommit.Update> done = new ArrayList<>();
        int[][] counts = new int[updates.size()][];
        em.unwrap(Session.class).doWork(connection -> {
            int statement = 0;
            for (Map.Entry<String, List<GroupCommit.Update>> entry : updates.entrySet()) {
                try (PreparedStatement update = connection.prepareStatement(entry.getKey())) {
                    for (GroupCommit.Update row : entry.getValue()) {
                        bind(update, row.parameters());
                        update.addBatch();
                    }
                    counts[statement++] = update.executeBatch();
                }
                done.addAll(entry.getValue());
            }
        });
        int index = 0;
        for (int[] statement : counts) {
            for (int count : statement) {
                GroupCommit.Update row = done.get(index++);
                if (row.then() != null) {
                    row.then().rows(count, em);
                }
            }
        }
        em.flush();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Whether the database is H2, whose commits reach its file only with a checkpoint (or its write delay). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean databaseNeedsCheckpoints() {
        return Database.of(em) == Database.H2;
    }

    /**
     * Has H2 write what was committed to its file now (it would within its write delay, 500 ms): after this a
     * {@code kill -9} of the server loses none of it. H2's {@code WRITE_DELAY=0} would do so on every commit and every
     * read-only transaction's end, each waiting on the store's lock (measured: 143 accepted sends/s against 722).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void checkpoint() {
        em.createNativeQuery("CHECKPOINT").executeUpdate();
    }
}
