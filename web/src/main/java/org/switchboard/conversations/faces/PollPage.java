package org.switchboard.conversations.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationChange;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.json.JsonStrings;
import org.switchboard.ui.Messages;
import org.switchboard.ui.Ui;

/**
 * A dialogue's poll built in an editor, not typed as JSON: its states (a choice with its answers, a free-text
 * question, an end, a group to put the contact in, a message to send, a call of a JSON API) in order, where each answer
 * or each state leads, and the state it starts with. Saved as Vumi Go's dialogue JSON (states with their endpoints,
 * the connections between them), checked by the same rules as the API's ({@code Polls}); what the editor does not edit
 * of a state (fields Vumi Go's editor kept) is kept as it was.
 */
@Named
@ViewScoped
public class PollPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The state types, in the order the editor offers them, with what each is called there. */
    static final Map<String, String> TYPES = new java.util.LinkedHashMap<>();

    static {
        TYPES.put("choice", "Multiple choice");
        TYPES.put("freetext", "Free text");
        TYPES.put("end", "End with a message");
        TYPES.put("group", "Put in a group");
        TYPES.put("send", "Send a message");
        TYPES.put("httpjson", "Call a JSON API");
    }

    @Inject
    transient ConversationService conversations;

    @Inject
    transient ContactsApi contacts;

    @Inject
    Ui ui;

    /** An answer of a choice: what the person sees, what is stored, and the state it leads to. */
    public static final class Choice implements Serializable {
        private static final long serialVersionUID = 1L;
        String uuid;
        String label;
        String value;
        String next;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = next;
        }
    }

    /** A state as the editor holds it; {@code original} keeps the fields the editor does not show. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        String uuid;
        String type;
        String name;
        String text;
        String storeAs;
        String next;
        String group;
        String channelType = "sms";
        String url;
        String method = "POST";
        String entry;
        String exit;
        final List<Choice> choices = new ArrayList<>();
        String original = "{}";

        public String getUuid() {
            return uuid;
        }

        public String getType() {
            return type;
        }

        public String getTypeName() {
            return TYPES.getOrDefault(type, type);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getStoreAs() {
            return storeAs;
        }

        public void setStoreAs(String storeAs) {
            this.storeAs = storeAs;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = next;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getChannelType() {
            return channelType;
        }

        public void setChannelType(String channelType) {
            this.channelType = channelType;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public List<Choice> getChoices() {
            return choices;
        }

        /** Whether the state asks the person something (its answer may be stored). */
        public boolean isQuestion() {
            return type.equals("choice") || type.equals("freetext");
        }

        /** Whether the state goes on to one next state (a choice's answers each do; an end does not). */
        public boolean isOneWayOn() {
            return !type.equals("choice") && !type.equals("end");
        }

        /** Whether the state has a text the person gets. */
        public boolean isTexted() {
            return !type.equals("group") && !type.equals("httpjson");
        }
    }

    private String id;
    private String name;
    private String start;
    private String newType = "choice";
    private final List<State> states = new ArrayList<>();
    private String otherConfig = "{}";
    private String metadata = "{}";

    /** The view's action: the account's dialogue, or the home page for anything else. */
    public void load() {
        ConversationView conversation = id == null
                ? null
                : conversations.view(ui.getSignedIn().accountId(), id).orElse(null);
        if (conversation == null || conversation.type() != Conversation.Type.DIALOGUE) {
            ui.notFound("No such dialogue in " + ui.getSignedIn().accountName());
            return;
        }
        name = conversation.name();
        JsonObject config = conversation.config();
        otherConfig = config.toString();
        JsonObject poll = config.get("poll") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        metadata = poll.get("poll_metadata") instanceof JsonObject m ? m.toString() : "{}";
        read(poll);
    }

    void read(JsonObject poll) {
        states.clear();
        Map<String, String> entries = new HashMap<>(); // entry endpoint -> state
        JsonArray list = poll.get("states") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue value : list) {
            JsonObject json = value.asJsonObject();
            State state = new State();
            state.original = json.toString();
            state.uuid = text(json, "uuid");
            state.type = text(json, "type");
            state.name = text(json, "name");
            state.text = text(json, "text");
            state.storeAs = text(json, "store_as");
            state.entry = endpoint(json, "entry_endpoint");
            state.exit = endpoint(json, "exit_endpoint");
            if (json.get("group") instanceof JsonObject group) {
                state.group = text(group, "key");
            }
            state.channelType = json.containsKey("channel_type") ? text(json, "channel_type") : "sms";
            state.url = text(json, "url");
            state.method = json.containsKey("method") ? text(json, "method") : "POST";
            if (json.get("choice_endpoints") instanceof JsonArray choices) {
                for (JsonValue c : choices) {
                    Choice choice = new Choice();
                    choice.uuid = text(c.asJsonObject(), "uuid");
                    choice.label = text(c.asJsonObject(), "label");
                    choice.value = text(c.asJsonObject(), "value");
                    state.choices.add(choice);
                }
            }
            if (state.entry != null) {
                entries.put(state.entry, state.uuid);
            }
            states.add(state);
        }
        Map<String, String> connections = new HashMap<>(); // exit or choice endpoint -> state
        if (poll.get("connections") instanceof JsonArray all) {
            for (JsonValue c : all) {
                JsonObject connection = c.asJsonObject();
                String source = connection.get("source") instanceof JsonObject s ? text(s, "uuid") : null;
                String target = connection.get("target") instanceof JsonObject t ? text(t, "uuid") : null;
                if (source != null && entries.containsKey(target)) {
                    connections.put(source, entries.get(target));
                }
            }
        }
        for (State state : states) {
            state.next = state.exit == null ? null : connections.get(state.exit);
            state.choices.forEach(choice -> choice.next = connections.get(choice.uuid));
        }
        start = poll.get("start_state") instanceof JsonObject s ? text(s, "uuid") : null;
        if (start == null && !states.isEmpty()) {
            start = states.get(0).uuid;
        }
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String endpoint(JsonObject json, String key) {
        return json.get(key) instanceof JsonObject e ? text(e, "uuid") : null;
    }

    /** Adds a state of the chosen type at the end (a choice with two answers to fill in). */
    public void addState() {
        State state = new State();
        state.uuid = fresh();
        state.type = TYPES.containsKey(newType) ? newType : "choice";
        state.name = "Step " + (states.size() + 1);
        if (state.type.equals("choice")) {
            addChoice(state);
            addChoice(state);
        }
        states.add(state);
        if (start == null) {
            start = state.uuid;
        }
    }

    public void addChoice(State state) {
        Choice choice = new Choice();
        choice.uuid = fresh();
        choice.label = "";
        choice.value = "";
        state.choices.add(choice);
    }

    public void removeChoice(State state, Choice choice) {
        state.choices.remove(choice);
    }

    /** Removes a state; what led to it leads nowhere until another state is chosen. */
    public void removeState(State state) {
        states.remove(state);
        for (State other : states) {
            if (state.uuid.equals(other.next)) {
                other.next = null;
            }
            other.choices.stream().filter(c -> state.uuid.equals(c.next)).forEach(c -> c.next = null);
        }
        if (state.uuid.equals(start)) {
            start = states.isEmpty() ? null : states.get(0).uuid;
        }
    }

    public void moveUp(State state) {
        int at = states.indexOf(state);
        if (at > 0) {
            states.remove(at);
            states.add(at - 1, state);
        }
    }

    /** Stores the poll, once the editor's own checks (each in words) and the API's rules pass. */
    public void save() {
        if (!ui.mayChange()) {
            return;
        }
        String problem = problem();
        if (problem != null) {
            Messages.error(problem);
            return;
        }
        JsonObjectBuilder config = JSON.createObjectBuilder(JsonStrings.object(otherConfig)).add("poll", poll());
        ConversationView saved = Messages.attempt(() -> conversations.update(ui.getSignedIn().accountId(), id,
                ConversationChange.config(config.build())).orElse(null));
        if (saved != null) {
            otherConfig = saved.config().toString();
            Messages.info("The poll is saved: the next person to start it gets this one");
        }
    }

    /** What is wrong with the poll as drawn, said of the states by their names; null when nothing. */
    String problem() {
        for (State state : states) {
            String called = "'" + label(state) + "'";
            if (state.isTexted() && blank(state.text)) {
                return called + " has no text: write what the person gets";
            }
            if (state.type.equals("choice")) {
                if (state.choices.isEmpty()) {
                    return called + " has no answers to choose from";
                }
                for (int i = 0; i < state.choices.size(); i++) {
                    Choice choice = state.choices.get(i);
                    if (blank(choice.label)) {
                        return called + ", answer " + (i + 1) + ", has no label";
                    }
                    if (choice.next == null) {
                        return called + ", answer '" + choice.label + "', leads nowhere: choose the next step";
                    }
                }
            }
            if (state.isOneWayOn() && state.next == null) {
                return called + " leads nowhere: choose the next step, or end the poll with an end step";
            }
            if (state.type.equals("group") && blank(state.group)) {
                return called + " puts the person in no group: choose one";
            }
            if (state.type.equals("httpjson") && blank(state.url)) {
                return called + " has no URL to call";
            }
        }
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    JsonObject poll() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        JsonArrayBuilder connections = JSON.createArrayBuilder();
        Map<String, String> entries = new HashMap<>();
        for (State state : states) {
            if (state.entry == null) {
                state.entry = fresh();
            }
            entries.put(state.uuid, state.entry);
        }
        for (State state : states) {
            JsonObjectBuilder json = JSON.createObjectBuilder(JsonStrings.object(state.original))
                    .add("uuid", state.uuid).add("type", state.type)
                    .add("name", blank(state.name) ? label(state) : state.name.strip())
                    .add("entry_endpoint", JSON.createObjectBuilder().add("uuid", state.entry));
            for (String key : List.of("text", "store_as", "exit_endpoint", "choice_endpoints", "group",
                    "channel_type", "url", "method")) {
                json.remove(key);
            }
            if (state.isTexted()) {
                json.add("text", state.text);
            }
            if (state.isQuestion() && !blank(state.storeAs)) {
                json.add("store_as", state.storeAs.strip());
            }
            if (state.type.equals("choice")) {
                JsonArrayBuilder choices = JSON.createArrayBuilder();
                for (Choice choice : state.choices) {
                    String value = blank(choice.value) ? choice.label.strip() : choice.value.strip();
                    choices.add(JSON.createObjectBuilder().add("uuid", choice.uuid).add("label", choice.label.strip())
                            .add("value", value));
                    connect(connections, choice.uuid, entries.get(choice.next));
                }
                json.add("choice_endpoints", choices);
            } else if (state.isOneWayOn()) {
                if (state.exit == null) {
                    state.exit = fresh();
                }
                json.add("exit_endpoint", JSON.createObjectBuilder().add("uuid", state.exit));
                connect(connections, state.exit, entries.get(state.next));
            }
            switch (state.type) {
                case "group" -> json.add("group", JSON.createObjectBuilder().add("key", state.group));
                case "send" -> json.add("channel_type", state.channelType == null ? "sms" : state.channelType);
                case "httpjson" -> json.add("url", state.url.strip()).add("method", state.method);
                default -> {
                    // nothing more
                }
            }
            list.add(json);
        }
        JsonObjectBuilder poll = JSON.createObjectBuilder()
                .add("poll_metadata", JsonStrings.object(metadata))
                .add("states", list)
                .add("connections", connections);
        if (start != null) {
            poll.add("start_state", JSON.createObjectBuilder().add("uuid", start));
        }
        return poll.build();
    }

    /** A connection from an exit to a step's entry; none when it leads nowhere yet (the check says so). */
    private static void connect(JsonArrayBuilder connections, String source, String target) {
        if (target != null) {
            connections.add(JSON.createObjectBuilder().add("source", JSON.createObjectBuilder().add("uuid", source))
                    .add("target", JSON.createObjectBuilder().add("uuid", target)));
        }
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    private String label(State state) {
        if (!blank(state.name)) {
            return state.name.strip();
        }
        return "Step " + (states.indexOf(state) + 1);
    }

    /** The states a choice or a state may lead to, by their names. */
    public List<SelectItem> getTargets() {
        List<SelectItem> targets = new ArrayList<>();
        for (State state : states) {
            targets.add(new SelectItem(state.uuid, label(state) + " (" + state.getTypeName().toLowerCase() + ")"));
        }
        return targets;
    }

    /** The account's static groups (a dialogue puts people in those only, as Vumi Go's did). */
    public List<SelectItem> getGroups() {
        return contacts.groups(ui.getSignedIn().accountId()).stream().filter(g -> g.isNull("query"))
                .map(g -> new SelectItem(g.getString("key"), g.getString("name"))).toList();
    }

    public List<SelectItem> getTypes() {
        return TYPES.entrySet().stream().map(e -> new SelectItem(e.getKey(), e.getValue())).toList();
    }

    public List<State> getStates() {
        return states;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getNewType() {
        return newType;
    }

    public void setNewType(String newType) {
        this.newType = newType;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }
}
