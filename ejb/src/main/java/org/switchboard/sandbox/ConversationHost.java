package org.switchboard.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.switchboard.conversations.Conversation;
import org.switchboard.messages.MessageService;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * Answers the resource commands of one invocation of a conversation's app, with the command and reply fields of
 * Vumi Go's sandbox resources (seed 000).
 */
final class ConversationHost implements SandboxHost {

    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warning", "error", "critical");

    private final Conversation conversation;
    private final EntityManager em;
    private final MessageService messages;

    ConversationHost(Conversation conversation, EntityManager em, MessageService messages) {
        this.conversation = conversation;
        this.em = em;
        this.messages = messages;
    }

    @Override
    public String request(String commandJson) throws UnknownCommandException {
        JsonObject command;
        try {
            command = Json.createReader(new StringReader(commandJson)).readObject();
        } catch (JsonParsingException e) {
            throw new UnknownCommandException("The app sent a command that is not JSON: " + e.getMessage());
        }
        String name = command.getString("cmd", "");
        int dot = name.indexOf('.');
        String resource = dot < 0 ? name : name.substring(0, dot);
        String verb = dot < 0 ? "" : name.substring(dot + 1);
        try {
            JsonObject reply = switch (resource) {
                case "outbound" -> outbound(verb, command);
                case "kv" -> kv(verb, command);
                case "log" -> log(verb, command);
                case "config" -> config(verb, command);
                default -> throw new UnknownCommandException("Unknown resource '" + resource + "' in command '"
                        + name + "'");
            };
            return reply.toString();
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return failure(e.getMessage() == null ? e.toString() : e.getMessage()).toString();
        }
    }

    private JsonObject outbound(String verb, JsonObject command) throws UnknownCommandException {
        if (!verb.equals("reply_to")) {
            throw new UnknownCommandException("Unknown command 'outbound." + verb + "'");
        }
        String content = command.isNull("content") ? null : command.getString("content");
        String inReplyTo = command.getString("in_reply_to");
        boolean continueSession = command.getBoolean("continue_session", true);
        messages.reply(conversation.getAccountId(), inReplyTo, content, continueSession);
        return success().build();
    }

    private JsonObject kv(String verb, JsonObject command) throws UnknownCommandException {
        String key = command.getString("key");
        String id = KvEntry.id(conversation.getAccountId(), key);
        KvEntry entry = em.find(KvEntry.class, id);
        if (entry != null && entry.expired(Instant.now())) {
            em.remove(entry);
            em.flush();
            entry = null;
        }
        switch (verb) {
            case "get" :
                return success().add("value", entry == null ? JsonValue.NULL : parse(entry.getValue())).build();
            case "set" : {
                if (entry == null) {
                    entry = new KvEntry(conversation.getAccountId(), key);
                    em.persist(entry);
                }
                JsonValue value = command.getOrDefault("value", JsonValue.NULL);
                entry.setValue(value.toString());
                JsonValue seconds = command.get("seconds");
                entry.setExpiresAt(seconds instanceof JsonNumber number
                        ? Instant.now().plusMillis((long) (number.doubleValue() * 1000))
                        : null);
                return success().build();
            }
            case "incr" : {
                long amount = command.containsKey("amount") ? command.getJsonNumber("amount").longValue() : 1;
                long current = entry == null ? 0 : ((JsonNumber) parse(entry.getValue())).longValue();
                if (entry == null) {
                    entry = new KvEntry(conversation.getAccountId(), key);
                    em.persist(entry);
                }
                entry.setValue(Long.toString(current + amount));
                return success().add("value", current + amount).build();
            }
            case "delete" :
                if (entry != null) {
                    em.remove(entry);
                }
                return success().add("existed", entry != null).build();
            default :
                throw new UnknownCommandException("Unknown command 'kv." + verb + "'");
        }
    }

    private JsonObject log(String verb, JsonObject command) throws UnknownCommandException {
        String level = verb.equals("log") ? command.getString("level", "info").toLowerCase(Locale.ROOT) : verb;
        if (!LOG_LEVELS.contains(level)) {
            throw new UnknownCommandException("Unknown command 'log." + verb + "'");
        }
        JsonValue msg = command.get("msg");
        log(level.toUpperCase(Locale.ROOT), msg instanceof JsonString text ? text.getString() : String.valueOf(msg));
        return success().build();
    }

    private JsonObject config(String verb, JsonObject command) throws UnknownCommandException {
        if (!verb.equals("get")) {
            throw new UnknownCommandException("Unknown command 'config." + verb + "'");
        }
        String key = command.getString("key");
        JsonObject config = conversation.getConfig() == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : parse(conversation.getConfig()).asJsonObject();
        JsonValue value = config.get(key);
        if (value == null || value == JsonValue.NULL) {
            return success().add("value", JsonValue.NULL).build();
        }
        // Vumi Go kept config values as strings; the toolkit JSON-parses the one under "config"
        return success().add("value", value instanceof JsonString text ? text.getString() : value.toString())
                .build();
    }

    @Override
    public void log(String level, String message) {
        em.persist(new SandboxLogLine(conversation.getId(), level, message));
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    private static jakarta.json.JsonObjectBuilder success() {
        return Json.createObjectBuilder().add("success", true);
    }

    private static JsonObject failure(String reason) {
        return Json.createObjectBuilder().add("success", false).add("reason", reason).build();
    }
}
