import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What H2 alone can write of a bulk send, without the platform: the rows of each message written by plain JDBC batches
 * in the platform's schema (its Flyway migrations for H2), by two writers in groups of 100, with a CHECKPOINT every
 * 20 ms as the group commit has on H2. It tells how far the database is the limit of a bulk send, and what another way
 * of writing a message would give (docs/benchmarks.md).
 *
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar config/bench/H2Writes.java WAY [MESSAGES] [INDEXES]
 * </pre>
 *
 * WAY is one of: {@code current} (the message stored queued; the vendor's copy; the answer as a status update and an
 * event row: three commits), {@code no-event} (as current, the answer on the message's row only),
 * {@code answered-row} (the vendor's copy; the message stored once, answered, with its event), {@code message-only}
 * (one insert a message: the floor). INDEXES is a comma-separated list of indexes to drop first.
 */
public class H2Writes {

    static final Path MIGRATIONS = Path.of("ejb/src/main/resources/db/migration");
    static final int WRITERS = 2;
    static final int GROUP = 100;

    static final String MESSAGE_SQL = "insert into message (id, account_id, channel_id, content, conversation_id,"
            + " direction, from_addr, status, timestamp, to_addr, transport_type, vendor_message_id, batch_id,"
            + " event_shape) values (?, 'account-00000000000000000000000000', 'channel-00000000000000000000000000',"
            + " 'Meeting at 6 tonight, see you there', 'conversation-000000000000000000000', 'OUTBOUND', '1234', ?, ?,"
            + " ?, 'sms', ?, 'bulk-00000000000000000000000000000', 'JUNEBUG')";
    static final String VENDOR_COPY_SQL = "insert into fake_vendor_message (id, channel_id, content, from_addr,"
            + " message_id, received_at, to_addr) values (?, 'channel-00000000000000000000000000',"
            + " 'Meeting at 6 tonight, see you there', '1234', ?, ?, ?)";
    static final String ANSWER_SQL = "update message set status = ?, vendor_message_id = ? where id = ? and status = ?";
    static final String EVENT_SQL = "insert into message_event (id, app_pending, details, event_type, message_id,"
            + " timestamp) values (?, false, '{}', 'submitted', ?, ?)";

    public static void main(String[] args) throws Exception {
        String way = args[0];
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("h2writes");
        String url = "jdbc:h2:" + dir + "/switchboard";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            for (Path migration : migrations()) {
                org.h2.tools.RunScript.execute(connection, Files.newBufferedReader(migration));
            }
            if (args.length > 2) {
                for (String index : args[2].split(",")) {
                    connection.createStatement().execute("drop index " + index);
                }
            }
        }
        AtomicBoolean open = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                while (open.get()) {
                    Thread.sleep(20);
                    connection.createStatement().execute("CHECKPOINT");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        flusher.start();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    connection.setAutoCommit(false);
                    for (int from = next.getAndAdd(GROUP); from < messages; from = next.getAndAdd(GROUP)) {
                        write(connection, way, from, Math.min(messages, from + GROUP));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        open.set(false);
        flusher.join();
        System.out.printf("%-13s %,d messages in %.1f s: %,.0f messages a second%n", way, messages, seconds,
                messages / seconds);
    }

    /** The H2 schema's migrations in their version order (the folder h2 and the common one). */
    static List<Path> migrations() throws Exception {
        try (Stream<Path> h2 = Files.list(MIGRATIONS.resolve("h2"));
                Stream<Path> common = Files.list(MIGRATIONS.resolve("common"))) {
            return Stream.concat(h2, common)
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()
                            .replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
    }

    static void write(Connection connection, String way, int from, int to) throws SQLException {
        switch (way) {
            case "current" -> {
                messages(connection, "QUEUED", false, from, to);
                connection.commit();
                vendorCopies(connection, from, to);
                connection.commit();
                answers(connection, from, to);
                events(connection, from, to);
                connection.commit();
            }
            case "no-event" -> {
                messages(connection, "QUEUED", false, from, to);
                connection.commit();
                vendorCopies(connection, from, to);
                connection.commit();
                answers(connection, from, to);
                connection.commit();
            }
            case "answered-row" -> {
                vendorCopies(connection, from, to);
                connection.commit();
                messages(connection, "SUBMITTED", true, from, to);
                events(connection, from, to);
                connection.commit();
            }
            case "message-only" -> {
                messages(connection, "SUBMITTED", true, from, to);
                connection.commit();
            }
            default -> throw new IllegalArgumentException("Unknown way " + way);
        }
    }

    static void messages(Connection connection, String status, boolean answered, int from, int to)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(MESSAGE_SQL)) {
            for (int i = from; i < to; i++) {
                insert.setString(1, id("message", i));
                insert.setString(2, status);
                insert.setTimestamp(3, now());
                insert.setString(4, "+2783" + i);
                insert.setString(5, answered ? id("vendor", i) : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void vendorCopies(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(VENDOR_COPY_SQL)) {
            for (int i = from; i < to; i++) {
                insert.setString(1, id("vendor", i));
                insert.setString(2, id("message", i));
                insert.setTimestamp(3, now());
                insert.setString(4, "+2783" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void answers(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ANSWER_SQL)) {
            for (int i = from; i < to; i++) {
                update.setString(1, "SUBMITTED");
                update.setString(2, id("vendor", i));
                update.setString(3, id("message", i));
                update.setString(4, "QUEUED");
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void events(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(EVENT_SQL)) {
            for (int i = from; i < to; i++) {
                insert.setString(1, id("event", i));
                insert.setString(2, id("message", i));
                insert.setTimestamp(3, now());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static String id(String kind, int i) {
        return kind + "-" + String.format("%032d", i);
    }

    static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }
}
