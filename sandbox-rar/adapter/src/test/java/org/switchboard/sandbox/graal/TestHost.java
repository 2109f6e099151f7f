package org.switchboard.sandbox.graal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * An in-memory platform for unit tests: kv, config, outbound (recorded), log (recorded), http as httpbin.org answers
 * (recorded); any other resource is
 * unknown. The real resources are the EJB module's and are tested through the running server.
 */
final class TestHost implements SandboxHost {

    final List<JsonObject> commands = new ArrayList<>();
    final List<JsonObject> sent = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final Map<String, JsonValue> kv;
    final Map<String, String> config = new HashMap<>();

    TestHost() {
        this(new HashMap<>());
    }

    /** A host sharing its kv store with others, as invocations of one app share the platform's. */
    TestHost(Map<String, JsonValue> kv) {
        this.kv = kv;
    }

    @Override
    public String request(String json) throws UnknownCommandException {
        JsonObject command = Json.createReader(new StringReader(json)).readObject();
        commands.add(command);
        String cmd = command.getString("cmd");
        switch (cmd) {
            case "kv.get" :
                return reply(Json.createObjectBuilder().add("success", true)
                        .add("value", kv.getOrDefault(command.getString("key"), JsonValue.NULL)).build());
            case "kv.set" :
                kv.put(command.getString("key"), command.getOrDefault("value", JsonValue.NULL));
                return "{\"success\":true}";
            case "kv.delete" :
                return "{\"success\":true,\"existed\":" + (kv.remove(command.getString("key")) != null) + "}";
            case "kv.incr" : {
                JsonValue old = kv.get(command.getString("key"));
                long value = (old == null ? 0 : Long.parseLong(old.toString()))
                        + (command.containsKey("amount") ? command.getJsonNumber("amount").longValue() : 1);
                kv.put(command.getString("key"), Json.createValue(value));
                return "{\"success\":true,\"value\":" + value + "}";
            }
            case "config.get" : {
                String value = config.get(command.getString("key"));
                return reply(Json.createObjectBuilder().add("success", true)
                        .add("value", value == null ? JsonValue.NULL : Json.createValue(value)).build());
            }
            case "outbound.reply_to" :
            case "outbound.send_to_endpoint" :
                sent.add(command);
                return "{\"success\":true}";
            case "http.get" :
            case "http.put" :
            case "http.post" :
                sent.add(command);
                return httpbin(cmd.substring(5), command);
            default :
                if (cmd.startsWith("log.")) {
                    log.add(cmd.substring(4) + " " + command.getString("msg", ""));
                    return "{\"success\":true}";
                }
                throw new UnknownCommandException("Unknown command " + cmd);
        }
    }

    /**
     * Answers as httpbin.org does, which the toolkit's http example calls: /put and /post echo the JSON they were sent
     * under "json", /status/N answers status N with an empty body.
     */
    private static String httpbin(String method, JsonObject command) {
        String url = command.getString("url");
        if (url.matches("https?://httpbin\\.org/status/\\d+")) {
            return reply(Json.createObjectBuilder().add("success", true)
                    .add("code", Integer.parseInt(url.substring(url.lastIndexOf('/') + 1))).add("body", "").build());
        }
        if (!url.matches("https?://httpbin\\.org/" + method)) {
            return reply(Json.createObjectBuilder().add("success", true).add("code", 404).add("body", "").build());
        }
        JsonValue sent = Json.createReader(new StringReader(command.getString("data", "null"))).readValue();
        String body = Json.createObjectBuilder().add("url", url).add("json", sent).build().toString();
        return reply(Json.createObjectBuilder().add("success", true).add("code", 200).add("body", body).build());
    }

    private static String reply(JsonObject reply) {
        return reply.toString();
    }

    @Override
    public void log(String level, String message) {
        log.add(level + " " + message);
    }

    /** What the app sent last. */
    String lastContent() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1).getString("content");
    }

    boolean loggedContaining(String text) {
        return log.stream().anyMatch(line -> line.contains(text));
    }
}
