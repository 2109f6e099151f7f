package org.switchboard.exports;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.switchboard.contacts.Contact;
import org.switchboard.contacts.ContactJson;
import org.switchboard.contacts.ContactService;
import org.switchboard.json.JsonStrings;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.VumiJson;

/**
 * The export runner's steps: taking up exports, writing one's file (in one read transaction, a page at a time, never
 * all of it in memory), its progress, and the expiry of old files.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExportWork {

    /** Rows read per page. */
    static final int PAGE = 1_000;
    /** Vumi Go's contact export columns ({@code contacts_to_csv}), then the extras, sorted. */
    static final List<String> CONTACT_COLUMNS = List.of("key", "name", "surname", "email_address", "msisdn", "dob",
            "twitter_handle", "facebook_id", "bbm_pin", "gtalk_id", "mxit_id", "wechat_id", "created_at");
    static final List<String> MESSAGE_COLUMNS = List.of("timestamp", "message_id", "from_addr", "to_addr", "content",
            "session_event", "transport_type", "in_reply_to", "status", "channel_id");
    static final List<String> EVENT_COLUMNS = List.of("timestamp", "event_id", "message_id", "event_type",
            "details");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    /** Queued exports start; returns those running (after a restart: to write again from the start). */
    public List<String> startable() {
        em.createNativeQuery("update export set state = 'RUNNING' where state = 'QUEUED'").executeUpdate();
        return em.createQuery("select e.id from Export e where e.state = :running order by e.createdAt", String.class)
                .setParameter("running", Export.State.RUNNING)
                .getResultList();
    }

    /** Expires completed exports older than the time they are kept; returns their files, to remove. */
    public List<String> expire(Instant now) {
        List<Export> old = em.createQuery("select e from Export e where e.state = :done and e.expiresAt < :now",
                Export.class)
                .setParameter("done", Export.State.COMPLETED)
                .setParameter("now", now)
                .getResultList();
        List<String> files = new ArrayList<>();
        for (Export export : old) {
            em.createNativeQuery("update export set state = 'EXPIRED', file_path = null where id = ?1")
                    .setParameter(1, export.getId()).executeUpdate();
            if (export.getFilePath() != null) {
                files.add(export.getFilePath());
            }
        }
        return files;
    }

    /** Sets how many rows are written (its own transaction, so it is seen while the writing goes on). */
    public void progress(String id, long done) {
        em.createNativeQuery("update export set rows_done = ?1 where id = ?2").setParameter(1, done)
                .setParameter(2, id).executeUpdate();
    }

    public void finish(String id, Path file, long rows, Instant expires) throws IOException {
        em.createNativeQuery("update export set state = 'COMPLETED', file_path = ?1, size_bytes = ?2,"
                + " rows_done = ?3, rows_total = ?3, finished_at = ?4, expires_at = ?5 where id = ?6 and state ="
                + " 'RUNNING'")
                .setParameter(1, file.toString()).setParameter(2, Files.size(file)).setParameter(3, rows)
                .setParameter(4, Instant.now()).setParameter(5, expires).setParameter(6, id)
                .executeUpdate();
    }

    public void fail(String id, String why) {
        em.createNativeQuery("update export set state = 'FAILED', failure = ?1, finished_at = ?2 where id = ?3")
                .setParameter(1, why.length() > 1024 ? why.substring(0, 1024) : why)
                .setParameter(2, Instant.now()).setParameter(3, id).executeUpdate();
    }

    public Export export(String id) {
        return em.find(Export.class, id);
    }

    /**
     * Writes the export's file, in this one read transaction, a page at a time; {@code progress} hears the rows
     * written every page.
     *
     * @return the rows written
     */
    public long write(String id, Path file, LongConsumer progress) {
        Export export = em.find(Export.class, id);
        JsonObject scope = JsonStrings.object(export.getScope());
        boolean csv = export.getFormat().equals("csv");
        long[] rows = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter printer = csv ? new CSVPrinter(out, CSVFormat.DEFAULT) : null;
            if (export.getKind().equals("contacts")) {
                String group = scope.getString("group_key", null);
                String query = scope.getString("query", null);
                TreeSet<String> extras = new TreeSet<>();
                if (csv) {
                    contacts.scanContacts(export.getAccountId(), group, query, PAGE,
                            page -> page.forEach(c -> extras.addAll(JsonStrings.object(c.getExtra()).keySet())));
                    List<String> header = new ArrayList<>(CONTACT_COLUMNS);
                    extras.forEach(x -> header.add(CONTACT_COLUMNS.contains(x) ? "extras-" + x : x));
                    printer.printRecord(header);
                }
                contacts.scanContacts(export.getAccountId(), group, query, PAGE, page -> {
                    for (Contact contact : page) {
                        JsonObject json = ContactJson.toJson(contact);
                        if (csv) {
                            List<String> record = new ArrayList<>();
                            CONTACT_COLUMNS.forEach(column -> record.add(text(json.get(column))));
                            JsonObject extra = json.getJsonObject("extra");
                            extras.forEach(x -> record.add(text(extra.get(x))));
                            print(printer, record);
                        } else {
                            line(out, json.toString());
                        }
                        rows[0]++;
                    }
                    progress.accept(rows[0]);
                });
            } else {
                writeMessages(export, scope, printer, out, rows, progress);
            }
            if (printer != null) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    private void writeMessages(Export export, JsonObject scope, CSVPrinter printer, BufferedWriter out, long[] rows,
            LongConsumer progress) throws IOException {
        boolean events = export.getKind().equals("events");
        if (printer != null) {
            printer.printRecord(events ? EVENT_COLUMNS : MESSAGE_COLUMNS);
        }
        Instant start = start(scope);
        Instant end = end(scope);
        Message after = null;
        while (true) {
            List<Message> page = messages(export, scope.getString("conversation_id"), start, end, after);
            if (page.isEmpty()) {
                return;
            }
            if (events) {
                Map<String, Message> byId = new java.util.HashMap<>();
                page.forEach(m -> byId.put(m.getId(), m));
                for (MessageEvent event : em.createQuery("select e from MessageEvent e where e.messageId in :ids"
                        + " order by e.messageId, e.timestamp", MessageEvent.class)
                        .setParameter("ids", byId.keySet()).getResultList()) {
                    if (printer != null) {
                        printer.printRecord(event.getTimestamp().toString(), event.getId(), event.getMessageId(),
                                event.getEventType(), event.getDetails());
                    } else {
                        line(out, VumiJson.event(event, byId.get(event.getMessageId())).toString());
                    }
                    rows[0]++;
                }
            } else {
                for (Message m : page) {
                    if (printer != null) {
                        printer.printRecord(m.getTimestamp().toString(), m.getId(), m.getFromAddr(), m.getToAddr(),
                                m.getContent(), m.getSessionEvent(), m.getTransportType(), m.getInReplyTo(),
                                m.getStatus().name().toLowerCase(java.util.Locale.ROOT), m.getChannelId());
                    } else {
                        line(out, VumiJson.userMessage(m).toString());
                    }
                    rows[0]++;
                }
            }
            after = page.get(page.size() - 1);
            em.clear();
            progress.accept(rows[0]);
        }
    }

    /**
     * A page of the conversation's messages of a direction (events: outbound ones) in time order (then id), after
     * the last one of the page before: the order of the conversation's index, so each page reads only its own rows
     * (in id order the database sorted every message of the range for each page: 100,000 took 40 s).
     */
    private List<Message> messages(Export export, String conversationId, Instant start, Instant end, Message after) {
        TypedQuery<Message> query = em.createQuery("select m from Message m where m.accountId = :account and"
                + " m.conversationId = :conv and m.direction = :direction and m.timestamp < :end and"
                + " (m.timestamp > :start or (m.timestamp = :start and m.id > :after))"
                + " order by m.timestamp, m.id", Message.class);
        return query.setParameter("account", export.getAccountId())
                .setParameter("conv", conversationId)
                .setParameter("direction", export.getKind().equals("inbound")
                        ? Message.Direction.INBOUND
                        : Message.Direction.OUTBOUND)
                .setParameter("start", after == null ? start : after.getTimestamp())
                .setParameter("end", end)
                .setParameter("after", after == null ? "" : after.getId()) // "" is before every id
                .setMaxResults(PAGE)
                .getResultList();
    }

    /** How many rows the export will write, about (for its progress; events are counted by their messages). */
    public long count(String id) {
        long total = total(em.find(Export.class, id));
        em.createNativeQuery("update export set rows_total = ?1 where id = ?2").setParameter(1, total)
                .setParameter(2, id).executeUpdate();
        return total;
    }

    private long total(Export export) {
        JsonObject scope = JsonStrings.object(export.getScope());
        if (export.getKind().equals("contacts")) {
            if (scope.containsKey("query")) {
                return contacts.count(export.getAccountId(), scope.getString("query"));
            }
            if (scope.containsKey("group_key")) {
                return contacts.group(export.getAccountId(), scope.getString("group_key"))
                        .map(contacts::countMembers).orElse(0L);
            }
            return em.createQuery("select count(c) from Contact c where c.accountId = :account", Long.class)
                    .setParameter("account", export.getAccountId()).getSingleResult();
        }
        return em.createQuery("select count(m) from Message m where m.accountId = :account and"
                + " m.conversationId = :conv and m.direction = :direction and m.timestamp >= :start"
                + " and m.timestamp < :end", Long.class)
                .setParameter("account", export.getAccountId())
                .setParameter("conv", scope.getString("conversation_id"))
                .setParameter("direction", export.getKind().equals("inbound")
                        ? Message.Direction.INBOUND
                        : Message.Direction.OUTBOUND)
                .setParameter("start", start(scope))
                .setParameter("end", end(scope))
                .getSingleResult();
    }

    /** A messages export's range: from its start (the first message) to before its end (now). */
    private static Instant start(JsonObject scope) {
        return scope.containsKey("start") ? Instant.parse(scope.getString("start")) : Instant.EPOCH;
    }

    private static Instant end(JsonObject scope) {
        return scope.containsKey("end") ? Instant.parse(scope.getString("end")) : Instant.now().plusSeconds(1);
    }

    private static void print(CSVPrinter printer, List<String> record) {
        try {
            printer.printRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(BufferedWriter out, String json) {
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
