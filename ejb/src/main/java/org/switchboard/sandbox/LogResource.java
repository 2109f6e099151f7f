package org.switchboard.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code log} resource: the app's log, kept per conversation (the newest {@link #KEPT} lines) and readable over
 * the admin API. {@code log.log {level, msg}} and {@code log.<level> {msg}}.
 */
@ApplicationScoped
public class LogResource implements SandboxResource {

    /** Lines kept per conversation, as Vumi Go kept them. */
    public static final int KEPT = 1000;
    /** Lines a conversation writes between trims: the newest {@link #KEPT} are kept, a few more may be. */
    static final int TRIM_EVERY = 50;
    private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error", "critical");

    /** Lines written per conversation since its last trim, on this server. */
    private final Map<String, AtomicInteger> sinceTrim = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return "log";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        String level = command.equals("log") ? fields.getString("level", "info").toLowerCase(Locale.ROOT) : command;
        if (!LEVELS.contains(level)) {
            if (command.equals("log")) {
                throw new IllegalArgumentException("Unknown level '" + level + "'; expected one of " + LEVELS);
            }
            throw SandboxResource.unknown(name(), command);
        }
        JsonValue msg = fields.get("msg");
        app.logged().add(write(app.conversationId(), level.toUpperCase(Locale.ROOT),
                msg instanceof JsonString text ? text.getString() : String.valueOf(msg)));
        return SandboxResource.success().build();
    }

    SandboxLogLine write(String conversationId, String level, String message) {
        SandboxLogLine line = new SandboxLogLine(conversationId, level, fit(message));
        em.persist(line);
        sinceTrim.computeIfAbsent(conversationId, c -> new AtomicInteger()).incrementAndGet();
        return line;
    }

    /** A message as a log line keeps it: long ones are cut. */
    static String fit(String message) {
        return message.length() > 8000 ? message.substring(0, 8000) + "…" : message;
    }

    /**
     * Drops the lines beyond the newest {@link #KEPT} of a conversation once it has written {@link #TRIM_EVERY} since
     * the last trim, so that an app's log costs no query on most invocations.
     */
    void trimIfDue(String conversationId) {
        AtomicInteger written = sinceTrim.get(conversationId);
        if (written == null || written.get() < TRIM_EVERY) {
            return;
        }
        written.set(0);
        em.flush();
        var oldestKept = em.createNamedQuery("SandboxLogLine.findByConversation", SandboxLogLine.class)
                .setParameter("conversationId", conversationId)
                .setFirstResult(KEPT - 1)
                .setMaxResults(1)
                .getResultList();
        if (!oldestKept.isEmpty()) {
            em.createQuery("delete from SandboxLogLine l where l.conversationId = :c and l.id < :id")
                    .setParameter("c", conversationId)
                    .setParameter("id", oldestKept.get(0).getId())
                    .executeUpdate();
        }
    }
}
