package org.switchboard.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import org.switchboard.conversations.Conversation;
import org.switchboard.json.JsonStrings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code config} resource, as Vumi Go's ConversationConfigResource and its dialogue variant answered
 * {@code config.get {key}}: each top-level key of the conversation's config as stored (a string as a string, an object
 * as an object, a number as a number), except the keys the toolkit JSON-parses itself ({@code config} and
 * {@code translation.<lang>}, read with {@code {json: true}}), which an object under answers as its JSON text. A
 * dialogue's {@code config} is the platform's dialogue app's own: its name ({@code poll-<conversation>}) and delivery
 * class.
 */
@ApplicationScoped
public class ConfigResource implements SandboxResource {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        if (!command.equals("get")) {
            throw SandboxResource.unknown(name(), command);
        }
        String key = SandboxResource.required(fields, "key");
        JsonObject config = JsonStrings.object(app.conversation().getConfig());
        if (key.equals("config") && app.conversation().getType() == Conversation.Type.DIALOGUE) {
            // the dialogue app's own config, as Vumi Go's poll config resource made it: the toolkit needs a name
            return SandboxResource.success().add("value", JSON.createObjectBuilder()
                    .add("name", "poll-" + app.conversation().getId())
                    .add("delivery_class", config.getString("delivery_class", "sms"))
                    .build().toString()).build();
        }
        JsonValue value = config.get(key);
        if (value == null || value == JsonValue.NULL) {
            return SandboxResource.success().add("value", JsonValue.NULL).build();
        }
        boolean parsedByTheApp = key.equals("config") || key.startsWith("translation.");
        JsonValue answer = parsedByTheApp && !(value instanceof JsonString)
                ? JSON.createValue(value.toString())
                : value;
        return SandboxResource.success().add("value", answer).build();
    }
}
