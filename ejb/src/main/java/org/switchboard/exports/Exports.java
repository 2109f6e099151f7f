package org.switchboard.exports;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.switchboard.counts.MessageCounts;
import org.switchboard.accounts.Ids;
import org.switchboard.contacts.ContactService;
import org.switchboard.conversations.ConversationService;
import org.switchboard.engine.AfterCommit;

/**
 * Exports of an account's contacts and of a conversation's messages: asked for, checked whole, then written by
 * {@link ExportRunner} to a file that is downloadable until it expires.
 */
@Stateless
public class Exports {

    /** What an export can be of. */
    public static final Set<String> KINDS = Set.of("contacts", "inbound", "outbound", "events");
    public static final Set<String> FORMATS = Set.of("csv", "jsonl");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    @Inject
    private ConversationService conversations;

    @Inject
    private MessageCounts counts;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private ExportRunner runner;

    /**
     * What an export is of.
     *
     * @param kind contacts, inbound (messages received), outbound (sent) or events
     * @param groupKey contacts: one group's (null: all, or the query's)
     * @param query contacts: those a Lucene query matches
     * @param conversationId messages and events: the conversation's
     * @param start messages and events: from this time (null: the first)
     * @param end messages and events: before this time (null: now)
     */
    public record Request(String kind, String format, String groupKey, String query, String conversationId,
            Instant start, Instant end) {
    }

    /**
     * A new export, queued.
     *
     * @throws IllegalArgumentException saying what is wrong with the request
     */
    public ExportView create(String accountId, Request request) {
        String kind = request.kind() == null ? null : request.kind().toLowerCase(Locale.ROOT);
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("'kind' must be contacts, inbound, outbound or events");
        }
        String format = request.format() == null ? "csv" : request.format().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("'format' must be csv or jsonl");
        }
        var scope = JSON.createObjectBuilder();
        String name;
        if (kind.equals("contacts")) {
            if (request.conversationId() != null || request.start() != null || request.end() != null) {
                throw new IllegalArgumentException("A contacts export takes 'group_key' or 'query', not a"
                        + " conversation or dates");
            }
            if (request.groupKey() != null && request.query() != null) {
                throw new IllegalArgumentException("Give 'group_key' or 'query', not both");
            }
            if (request.groupKey() != null) {
                contacts.group(accountId, request.groupKey()).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown group '" + request.groupKey() + "' in 'group_key'"));
                scope.add("group_key", request.groupKey());
            }
            if (request.query() != null) {
                contacts.count(accountId, request.query()); // refuses a query that does not parse, saying where
                scope.add("query", request.query());
            }
            name = "contacts-export-" + LocalDate.now(ZoneOffset.UTC) + "." + format;
        } else {
            if (request.conversationId() == null) {
                throw new IllegalArgumentException("'conversation_id' is required: whose messages to export");
            }
            conversations.find(accountId, request.conversationId())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown conversation '" + request.conversationId()
                            + "' in 'conversation_id'"));
            if (request.groupKey() != null || request.query() != null) {
                throw new IllegalArgumentException("A messages export takes a conversation and dates, not a group");
            }
            if (request.start() != null && request.end() != null && !request.start().isBefore(request.end())) {
                throw new IllegalArgumentException("'start' must be before 'end'");
            }
            scope.add("conversation_id", request.conversationId());
            if (request.start() != null) {
                scope.add("start", request.start().toString());
            }
            if (request.end() != null) {
                scope.add("end", request.end().toString());
            }
            // Vumi Go's name: <conversation>-<direction>-<date>.<format>
            name = request.conversationId() + "-" + kind + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format;
        }
        Export export = new Export(Ids.ordered(), accountId, kind, format, scope.build().toString(), name);
        em.persist(export);
        afterCommit.run(runner::wake);
        return ExportView.of(export);
    }

    public Optional<ExportView> find(String accountId, String id) {
        return export(accountId, id).map(ExportView::of);
    }

    public List<ExportView> list(String accountId, int limit) {
        return em.createQuery("select e from Export e where e.accountId = :account order by e.createdAt desc",
                Export.class)
                .setParameter("account", accountId)
                .setMaxResults(limit)
                .getResultStream()
                .map(ExportView::of)
                .toList();
    }

    /** The file of a completed export, to download; empty while it runs or once it expired. */
    public Optional<Path> file(String accountId, String id) {
        return export(accountId, id).filter(e -> e.getState() == Export.State.COMPLETED && e.getFilePath() != null)
                .map(e -> Path.of(e.getFilePath()));
    }

    /** A day's count of a conversation's messages: how many, and to (or from) how many addresses. */
    public record Day(LocalDate date, long messages, long addresses) {
    }

    /**
     * Vumi Go's {@code aggregates.csv}: the conversation's messages of a direction per day (UTC), oldest first;
     * empty when the conversation is not the account's.
     */
    public Optional<List<Day>> aggregates(String accountId, String conversationId, boolean inbound) {
        return conversations.find(accountId, conversationId).map(conversation -> counts.conversation(accountId,
                conversationId, MessageCounts.Size.DAY, counts.first(accountId, conversationId), Instant.now())
                .buckets().stream()
                .filter(day -> (inbound ? day.counts().received() : day.counts().sent()) > 0)
                .map(day -> new Day(day.start().atOffset(ZoneOffset.UTC).toLocalDate(), inbound
                        ? day.counts().received()
                        : day.counts().sent(),
                        inbound ? day.counts().uniqueSenders() : day.counts().uniqueRecipients()))
                .toList());
    }

    private Optional<Export> export(String accountId, String id) {
        return Optional.ofNullable(em.find(Export.class, id)).filter(e -> e.getAccountId().equals(accountId));
    }
}
