package org.switchboard.sandbox;

import org.switchboard.messages.JsonStrings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code config} resource: {@code config.get {key}} answers the value under that key of the conversation's config
 * as a string (Vumi Go kept them as strings; the toolkit JSON-parses {@code config} and {@code translation.<lang>}).
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
        JsonValue value = JsonStrings.object(app.conversation().getConfig()).get(key);
        if (value == null || value == JsonValue.NULL) {
            return SandboxResource.success().add("value", JsonValue.NULL).build();
        }
        return SandboxResource.success()
                .add("value", value instanceof JsonString text ? text.getString() : value.toString())
                .build();
    }
}
