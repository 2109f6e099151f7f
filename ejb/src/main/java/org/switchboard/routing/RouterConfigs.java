package org.switchboard.routing;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.switchboard.json.StrictRecords.Refused;
import org.switchboard.routes.RoutingTable;

/**
 * The routers' configs, under Vumi Go's keys ({@code go/routers/<router>/vumi_app.py}), checked whole when stored so a
 * router never meets a key it does not know, and read back as their records.
 */
public final class RouterConfigs {

    /** Vumi Go's defaults ({@code go/routers/app_multiplexer/vumi_app.py}). */
    static final String MENU_TITLE = "Please select a choice.";
    static final String INVALID_INPUT = "That is an incorrect choice. Please enter the number of the menu item you"
            + " wish to choose.\n\n 1) Try Again";
    static final String ERROR = "Oops! We experienced a temporary error. Please try and dial the line again.";
    /** Vumi Go's {@code session_expiry}. */
    public static final int SESSION_SECONDS = 300;

    private RouterConfigs() {
    }

    /** A router's config as read: what it routes by, and the endpoints its outbound side has. */
    public sealed interface Config permits Keyword, Group, Multiplexer {

        /** The endpoints of the router's outbound side (towards conversations), in order. */
        List<String> endpoints();

        JsonObject json();
    }

    /** keyword: lower-cased keyword to endpoint, matched against the first word; {@code default} otherwise. */
    public record Keyword(Map<String, String> mapping) implements Config {

        public String endpointFor(String content) {
            String word = content == null ? "" : content.strip().split("\\s+", 2)[0];
            return mapping.getOrDefault(word.toLowerCase(Locale.ROOT), RoutingTable.DEFAULT);
        }

        @Override
        public List<String> endpoints() {
            Set<String> all = new LinkedHashSet<>(List.of(RoutingTable.DEFAULT));
            all.addAll(mapping.values());
            return List.copyOf(all);
        }

        @Override
        public JsonObject json() {
            JsonObjectBuilder map = JSON.createObjectBuilder();
            mapping.forEach(map::add);
            return JSON.createObjectBuilder().add("keyword_endpoint_mapping", map).build();
        }
    }

    /** One group rule: a static group's key and the endpoint its members go to. */
    public record Rule(String group, String endpoint) {
    }

    /** group: the first rule whose group the sender's contact is in; {@code default} otherwise. */
    public record Group(List<Rule> rules) implements Config {

        public String endpointFor(Set<String> contactGroups) {
            return rules.stream().filter(rule -> contactGroups.contains(rule.group())).map(Rule::endpoint)
                    .findFirst().orElse(RoutingTable.DEFAULT);
        }

        @Override
        public List<String> endpoints() {
            Set<String> all = new LinkedHashSet<>(List.of(RoutingTable.DEFAULT));
            rules.forEach(rule -> all.add(rule.endpoint()));
            return List.copyOf(all);
        }

        @Override
        public JsonObject json() {
            var list = JSON.createArrayBuilder();
            rules.forEach(r -> list.add(JSON.createObjectBuilder().add("group", r.group()).add("endpoint",
                    r.endpoint())));
            return JSON.createObjectBuilder().add("rules", list).build();
        }
    }

    /** One menu entry of an app multiplexer. */
    public record Entry(String label, String endpoint) {
    }

    /** app_multiplexer: Vumi Go's menu, its messages, and the entries it offers. */
    public record Multiplexer(String menuTitle, List<Entry> entries, String invalidInputMessage, String errorMessage)
            implements
                Config {

        /** The menu as Vumi Go drew it: the title, then {@code 1) label} lines. */
        public String menu() {
            StringBuilder menu = new StringBuilder(menuTitle);
            for (int i = 0; i < entries.size(); i++) {
                menu.append('\n').append(i + 1).append(") ").append(entries.get(i).label());
            }
            return menu.toString();
        }

        @Override
        public List<String> endpoints() {
            return entries.stream().map(Entry::endpoint).distinct().toList();
        }

        @Override
        public JsonObject json() {
            var list = JSON.createArrayBuilder();
            entries.forEach(e -> list.add(JSON.createObjectBuilder().add("label", e.label()).add("endpoint",
                    e.endpoint())));
            return JSON.createObjectBuilder()
                    .add("menu_title", JSON.createObjectBuilder().add("content", menuTitle))
                    .add("entries", list)
                    .add("invalid_input_message", invalidInputMessage)
                    .add("error_message", errorMessage)
                    .build();
        }
    }

    /**
     * A router's config as a client sent it, checked.
     *
     * @param staticGroup whether the account has a static group of this key (a group router's rules need one)
     * @throws Refused naming the first key that is unknown or wrong
     */
    public static Config check(Router.Type type, JsonObject json, Predicate<String> staticGroup) {
        return switch (type) {
            case KEYWORD -> keyword(json);
            case GROUP -> group(json, staticGroup);
            case APP_MULTIPLEXER -> multiplexer(json);
        };
    }

    /** The stored config of a router, as its record. */
    public static Config read(Router router) {
        return check(router.getType(), org.switchboard.json.JsonStrings.object(router.getConfig()), group -> true);
    }

    private static Keyword keyword(JsonObject json) {
        only(json, null, "keyword_endpoint_mapping");
        JsonValue value = json.getOrDefault("keyword_endpoint_mapping", JsonValue.EMPTY_JSON_OBJECT);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refused("keyword_endpoint_mapping", "'keyword_endpoint_mapping' must be an object of keyword"
                    + " to endpoint");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
            String where = "keyword_endpoint_mapping." + e.getKey();
            String keyword = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (keyword.isEmpty() || keyword.codePoints().anyMatch(Character::isWhitespace) || keyword.length() > 100) {
                throw new Refused(where, "'" + where + "': a keyword is one word of at most 100 characters");
            }
            String endpoint = endpoint(where, e.getValue());
            if (mapping.put(keyword, endpoint) != null) {
                throw new Refused(where, "'" + where + "': the keyword '" + keyword + "' is mapped twice (keywords"
                        + " match without regard to case)");
            }
        }
        return new Keyword(Collections.unmodifiableMap(mapping));
    }

    private static Group group(JsonObject json, Predicate<String> staticGroup) {
        only(json, null, "rules");
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonObject rule : objects(json, "rules")) {
            String where = "rules[" + i++ + "]";
            only(rule, where, "group", "endpoint");
            String group = string(rule, where + ".group", "group");
            if (!staticGroup.test(group)) {
                throw new Refused(where + ".group", "'" + where + ".group': the account has no static group '"
                        + group + "' (a group router reads the groups a contact is in; smart groups are not"
                        + " supported, as in Vumi Go)");
            }
            rules.add(new Rule(group, endpoint(where + ".endpoint", rule.get("endpoint"))));
        }
        return new Group(List.copyOf(rules));
    }

    private static Multiplexer multiplexer(JsonObject json) {
        only(json, null, "menu_title", "entries", "invalid_input_message", "error_message");
        String title = MENU_TITLE;
        JsonValue menuTitle = json.get("menu_title");
        if (menuTitle != null && menuTitle != JsonValue.NULL) {
            if (menuTitle.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refused("menu_title", "'menu_title' must be an object: {\"content\": \"...\"}");
            }
            only(menuTitle.asJsonObject(), "menu_title", "content");
            title = string(menuTitle.asJsonObject(), "menu_title.content", "content");
            if (title.length() > 100) {
                throw new Refused("menu_title.content", "'menu_title.content' is at most 100 characters");
            }
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonObject entry : objects(json, "entries")) {
            String where = "entries[" + i++ + "]";
            only(entry, where, "label", "endpoint");
            String label = string(entry, where + ".label", "label");
            if (label.length() > 100) {
                throw new Refused(where + ".label", "'" + where + ".label' is at most 100 characters");
            }
            entries.add(new Entry(label, endpoint(where + ".endpoint", entry.get("endpoint"))));
        }
        if (entries.isEmpty()) {
            throw new Refused("entries", "'entries' must list at least one {label, endpoint}");
        }
        return new Multiplexer(title, List.copyOf(entries), text(json, "invalid_input_message", INVALID_INPUT),
                text(json, "error_message", ERROR));
    }

    private static void only(JsonObject json, String where, String... keys) {
        Set<String> known = Set.of(keys);
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                String name = where == null ? key : where + "." + key;
                throw new Refused(name, "Unknown key '" + name + "'; known: " + String.join(", ", keys));
            }
        }
    }

    private static List<JsonObject> objects(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Refused(key, "'" + key + "' must be a list");
        }
        JsonArray list = value.asJsonArray();
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refused(key + "[" + i + "]", "'" + key + "[" + i + "]' must be an object");
            }
            objects.add(list.getJsonObject(i));
        }
        return objects;
    }

    private static String string(JsonObject json, String where, String key) {
        JsonValue value = json.get(key);
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new Refused(where, "'" + where + "' is required: a non-empty string");
        }
        return text.getString();
    }

    private static String text(JsonObject json, String key, String otherwise) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return otherwise;
        }
        String text = string(json, key, key);
        if (text.length() > 1530) {
            throw new Refused(key, "'" + key + "' is at most 1530 characters");
        }
        return text;
    }

    private static String endpoint(String where, JsonValue value) {
        if (!(value instanceof JsonString text) || !RoutingTable.ENDPOINT.matcher(text.getString()).matches()) {
            throw new Refused(where, "'" + where + "' must be an endpoint name: " + RoutingTable.ENDPOINT_RULE);
        }
        return text.getString();
    }
}
