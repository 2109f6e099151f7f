package org.switchboard.conversations;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dialogue's poll (Vumi Go's dialogue JSON) checked before it is stored, so the dialogue app never meets a poll it
 * cannot run: each state of a known type with what its type needs, unique uuids, a start state that exists, and every
 * way out of a state (a choice's endpoint, an exit endpoint) connected to another state's entry. Each refusal names
 * where, as {@code poll.states[2].choice_endpoints[1]}.
 */
public final class Polls {

    /** The state types, and the text fields each needs. */
    private static final Map<String, List<String>> TYPES = Map.of(
            "choice", List.of("text"),
            "freetext", List.of("text"),
            "end", List.of("text"),
            "group", List.of(),
            "send", List.of("text", "channel_type"),
            "httpjson", List.of("url"));
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private Polls() {
    }

    /**
     * Checks a poll.
     *
     * @return the keys of the groups its group states put contacts in (the caller checks the account has them)
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static Set<String> check(JsonObject poll) {
        Set<String> groups = new LinkedHashSet<>();
        JsonArray states = array(poll, "states", "poll");
        JsonArray connections = poll.containsKey("connections")
                ? array(poll, "connections", "poll")
                : JsonValue.EMPTY_JSON_ARRAY;
        Set<String> uuids = new HashSet<>();
        Set<String> entries = new HashSet<>();
        List<String[]> exits = new ArrayList<>(); // {endpoint uuid, where}
        for (int i = 0; i < states.size(); i++) {
            String where = "poll.states[" + i + "]";
            JsonObject state = object(states.get(i), where);
            String uuid = string(state, "uuid", where);
            if (!uuids.add(uuid)) {
                throw new IllegalArgumentException(where + ".uuid: another state has the uuid \"" + uuid + "\"");
            }
            String type = string(state, "type", where);
            if (!TYPES.containsKey(type)) {
                throw new IllegalArgumentException(where + ".type: \"" + type + "\" is not a state type (one of "
                        + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())) + ")");
            }
            for (String field : TYPES.get(type)) {
                string(state, field, where);
            }
            if (state.containsKey("store_as") && !(state.get("store_as") instanceof JsonString)) {
                throw new IllegalArgumentException(where + ".store_as: must be a string");
            }
            if (state.get("entry_endpoint") instanceof JsonObject entry && entry.get("uuid") instanceof JsonString e) {
                entries.add(e.getString());
            }
            switch (type) {
                case "choice" -> {
                    JsonArray choices = array(state, "choice_endpoints", where);
                    if (choices.isEmpty()) {
                        throw new IllegalArgumentException(where + ".choice_endpoints: a choice needs at least one");
                    }
                    for (int c = 0; c < choices.size(); c++) {
                        String at = where + ".choice_endpoints[" + c + "]";
                        JsonObject choice = object(choices.get(c), at);
                        string(choice, "value", at);
                        string(choice, "label", at);
                        exits.add(new String[]{string(choice, "uuid", at), at});
                    }
                }
                case "end" -> {
                    // the poll ends here
                }
                default -> {
                    if (type.equals("group")) {
                        groups.add(string(object(state.get("group"), where + ".group"), "key", where + ".group"));
                    }
                    if (type.equals("httpjson") && state.containsKey("method")
                            && !METHODS.contains(string(state, "method", where))) {
                        throw new IllegalArgumentException(where + ".method: one of GET, POST, PUT, PATCH, DELETE");
                    }
                    exits.add(new String[]{string(object(state.get("exit_endpoint"), where + ".exit_endpoint"),
                            "uuid", where + ".exit_endpoint"), where + ".exit_endpoint"});
                }
            }
        }
        Set<String> connected = new HashSet<>();
        for (int i = 0; i < connections.size(); i++) {
            String where = "poll.connections[" + i + "]";
            JsonObject connection = object(connections.get(i), where);
            connected.add(string(object(connection.get("source"), where + ".source"), "uuid", where + ".source"));
            String target = string(object(connection.get("target"), where + ".target"), "uuid", where + ".target");
            if (!entries.contains(target)) {
                throw new IllegalArgumentException(where + ".target: no state has the entry endpoint \"" + target
                        + "\"");
            }
        }
        for (String[] exit : exits) {
            if (!connected.contains(exit[0])) {
                throw new IllegalArgumentException(exit[1] + ": leads nowhere (no connection from its endpoint \""
                        + exit[0] + "\"); connect it to the next state, or end the poll with an end state");
            }
        }
        if (!states.isEmpty()) {
            String start = string(object(poll.get("start_state"), "poll.start_state"), "uuid", "poll.start_state");
            if (!uuids.contains(start)) {
                throw new IllegalArgumentException("poll.start_state.uuid: no state has the uuid \"" + start + "\"");
            }
        }
        return groups;
    }

    private static JsonObject object(JsonValue value, String where) {
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + ": must be an object");
        }
        return object;
    }

    private static JsonArray array(JsonObject object, String key, String where) {
        if (!(object.get(key) instanceof JsonArray array)) {
            throw new IllegalArgumentException(where + "." + key + ": must be a list");
        }
        return array;
    }

    private static String string(JsonObject object, String key, String where) {
        if (!(object.get(key) instanceof JsonString string) || string.getString().isBlank()) {
            throw new IllegalArgumentException(where + "." + key + ": required, a string");
        }
        return string.getString();
    }
}
