package org.switchboard.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Map;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * Answers the resource commands of one invocation of a conversation's app: splits {@code cmd} at its first dot into
 * resource and command, as Vumi's dispatch_request did, and hands it to that resource.
 */
final class ConversationHost implements SandboxHost {

    final AppScope app;
    private final Map<String, SandboxResource> resources;
    private final LogResource log;

    ConversationHost(AppScope app, Map<String, SandboxResource> resources, LogResource log) {
        this.app = app;
        this.resources = resources;
        this.log = log;
    }

    @Override
    public String request(String commandJson) throws UnknownCommandException {
        JsonObject command;
        try {
            command = JSON.createReader(new StringReader(commandJson)).readObject();
        } catch (JsonParsingException e) {
            throw new UnknownCommandException("The app sent a command that is not JSON: " + e.getMessage());
        }
        String name = command.getString("cmd", "");
        int dot = name.indexOf('.');
        String resourceName = dot < 0 ? name : name.substring(0, dot);
        SandboxResource resource = resources.get(resourceName);
        if (resource == null) {
            throw new UnknownCommandException("Unknown resource '" + resourceName + "' in command '" + name + "'");
        }
        try {
            return resource.handle(dot < 0 ? "" : name.substring(dot + 1), command, app).toString();
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return JSON.createObjectBuilder()
                    .add("success", false)
                    .add("reason", e.getMessage() == null ? e.toString() : e.getMessage())
                    .build()
                    .toString();
        }
    }

    @Override
    public void log(String level, String message) {
        app.logged().add(log.write(app.conversationId(), level, message));
    }
}
