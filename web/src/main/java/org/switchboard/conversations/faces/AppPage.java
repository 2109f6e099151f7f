package org.switchboard.conversations.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationChange;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.json.JsonStrings;
import org.switchboard.sandbox.SandboxService;
import org.switchboard.ui.Messages;
import org.switchboard.ui.Ui;

/**
 * A conversation's app. A jsbox: its script in a code editor (CodeMirror, served by the platform), its config keys
 * (Vumi Go's {@code jsbox_app_config}: a key and its text each, which the app reads through the config resource) and
 * the newest lines of its log, refreshed while open. A ready-made app: its settings, checked by the same rules as the
 * API's before anything is stored.
 */
@Named
@ViewScoped
public class AppPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int LOG_LINES = 100;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient SandboxService sandbox;

    @Inject
    Ui ui;

    /** One config key and its text. */
    public static final class ConfigKey implements Serializable {
        private static final long serialVersionUID = 1L;
        private String key;
        private String value;

        ConfigKey(String key, String value) {
            this.key = key;
            this.value = value;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    private String id;
    private String name;
    private Conversation.Type type;
    private String code;
    private boolean bundle;
    private String main;
    private String settings;
    private final List<ConfigKey> keys = new ArrayList<>();

    /** The view's action: the account's conversation, or the home page for one it does not have. */
    public void load() {
        ConversationView conversation = id == null
                ? null
                : conversations.view(ui.getSignedIn().accountId(), id).orElse(null);
        if (conversation == null || !(conversation.type() == Conversation.Type.JSBOX
                || conversation.type().readyMade())) {
            ui.notFound("No such app in " + ui.getSignedIn().accountName());
            return;
        }
        name = conversation.name();
        type = conversation.type();
        bundle = conversation.bundle();
        main = conversation.main();
        keys.clear();
        if (type == Conversation.Type.JSBOX) {
            code = conversations.javascript(ui.getSignedIn().accountId(), id).orElse("");
            for (Map.Entry<String, JsonValue> entry : conversation.config().entrySet()) {
                keys.add(new ConfigKey(entry.getKey(), entry.getValue() instanceof JsonString text
                        ? text.getString()
                        : entry.getValue().toString()));
            }
        } else {
            settings = pretty(conversation.config());
        }
    }

    /** Stores the script the editor holds; the app's next message runs it. */
    public void saveCode() {
        if (!ui.mayChange()) {
            return;
        }
        if (code == null || code.isBlank()) {
            Messages.error("The app's script is empty");
            return;
        }
        if (Messages.attempt(() -> conversations.update(ui.getSignedIn().accountId(), id,
                ConversationChange.javascript(code))) != null) {
            bundle = false;
            Messages.info("The code is saved: the app's next message runs it");
        }
    }

    public void addKey() {
        keys.add(new ConfigKey("", ""));
    }

    public void removeKey(ConfigKey key) {
        keys.remove(key);
    }

    /** Stores the config keys whole (an empty key is refused, a repeated one too). */
    public void saveConfig() {
        if (!ui.mayChange()) {
            return;
        }
        JsonObjectBuilder config = JSON.createObjectBuilder();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i).getKey() == null ? "" : keys.get(i).getKey().strip();
            if (key.isEmpty()) {
                Messages.error("Config key " + (i + 1) + " has no name");
                return;
            }
            if (seen.contains(key)) {
                Messages.error("The config key '" + key + "' is there twice");
                return;
            }
            seen.add(key);
            config.add(key, keys.get(i).getValue() == null ? "" : keys.get(i).getValue());
        }
        if (Messages.attempt(() -> conversations.update(ui.getSignedIn().accountId(), id,
                ConversationChange.config(config.build()))) != null) {
            Messages.info("The config is saved");
        }
    }

    /** Stores a ready-made app's settings, checked as the API checks them (a refusal names the key). */
    public void saveSettings() {
        if (!ui.mayChange()) {
            return;
        }
        JsonObject config;
        try {
            config = JsonStrings.object(settings == null || settings.isBlank() ? "{}" : settings);
        } catch (RuntimeException e) {
            Messages.error("The settings are not a JSON object: check the brackets, quotes and commas");
            return;
        }
        ConversationView saved = Messages.attempt(() -> conversations.update(ui.getSignedIn().accountId(), id,
                ConversationChange.config(config)).orElse(null));
        if (saved != null) {
            settings = pretty(saved.config());
            Messages.info("The settings are saved");
        }
    }

    /** The newest lines of the app's log, newest first. */
    public List<SandboxService.LogLine> getLog() {
        return type == Conversation.Type.JSBOX ? sandbox.logs(id, LOG_LINES) : List.of();
    }

    private static String pretty(JsonObject json) {
        java.io.StringWriter text = new java.io.StringWriter();
        jakarta.json.Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text).write(json);
        return text.toString().strip();
    }

    public boolean isJsbox() {
        return type == Conversation.Type.JSBOX;
    }

    public String getTypeName() {
        return type == null ? "" : type.wireName();
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isBundle() {
        return bundle;
    }

    public String getMain() {
        return main;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }

    public List<ConfigKey> getKeys() {
        return keys;
    }
}
