package org.switchboard.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * One resource of the Vumi Go sandbox ({@code kv}, {@code contacts}, ...): answers its commands, with the command and
 * reply fields of seed 000. A handler that throws {@link IllegalArgumentException} gives the app
 * {@code {success: false, reason}}; an unknown command ends the invocation, as it did in Vumi.
 */
public interface SandboxResource {

    /** The resource's name, the part of a command before the first dot. */
    String name();

    /**
     * @param command the command's name after the resource's ({@code get} in {@code kv.get})
     * @param fields the command as the app sent it
     * @param app the app the command comes from
     * @return the reply, at least {@code {success: true}}
     */
    JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException;

    static JsonObjectBuilder success() {
        return JSON.createObjectBuilder().add("success", true);
    }

    static UnknownCommandException unknown(String resource, String command) {
        return new UnknownCommandException("Unknown command '" + resource + "." + command + "'");
    }

    /** A required string field of a command. */
    static String required(JsonObject fields, String name) {
        if (!(fields.get(name) instanceof jakarta.json.JsonString text)) {
            throw new IllegalArgumentException("The command needs '" + name + "' as a string");
        }
        return text.getString();
    }

    /** A required object field of a command. */
    static JsonObject requiredObject(JsonObject fields, String name) {
        if (!(fields.get(name) instanceof JsonObject object)) {
            throw new IllegalArgumentException("The command needs '" + name + "' as an object");
        }
        return object;
    }
}
