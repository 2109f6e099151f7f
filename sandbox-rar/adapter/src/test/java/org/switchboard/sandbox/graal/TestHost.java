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
    /** Contacts by key, as the contacts resource keeps them (get, get_or_create by msisdn, save). */
    final Map<String, JsonObject> contacts;
    /** What Nominatim (OpenStreetMap's search, as MapQuest served it) finds, by query. */
    final Map<String, List<String>> places = new HashMap<>();

    TestHost() {
        this(new HashMap<>());
    }

    /** A host sharing its kv store with others, as invocations of one app share the platform's. */
    TestHost(Map<String, JsonValue> kv) {
        this(kv, new HashMap<>());
    }

    /** A host sharing its kv store and contacts with others, as invocations of one account share them. */
    TestHost(Map<String, JsonValue> kv, Map<String, JsonObject> contacts) {
        this.kv = kv;
        this.contacts = contacts;
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
                if (command.getString("url").startsWith(NOMINATIM)) {
                    sent.add(command);
                    return nominatim(command.getString("url"));
                }
                // fall through
            case "http.put" :
            case "http.post" :
                sent.add(command);
                return httpbin(cmd.substring(5), command);
            case "contacts.get" :
            case "contacts.get_or_create" : {
                String addr = command.getString("addr");
                JsonObject found = contacts.values().stream().filter(c -> addr.equals(c.getString("msisdn", null)))
                        .findFirst().orElse(null);
                if (found == null && cmd.equals("contacts.get")) {
                    return "{\"success\":false,\"reason\":\"Contact not found\"}";
                }
                boolean created = found == null;
                if (created) {
                    var contact = Json.createObjectBuilder().add("key", "contact-" + (contacts.size() + 1))
                            .add("user_account", "test-account").add("msisdn", addr)
                            .add("created_at", "2026-01-01 00:00:00.000000");
                    for (String none : List.of("name", "surname", "email_address", "dob", "twitter_handle",
                            "facebook_id", "bbm_pin", "gtalk_id", "mxit_id", "wechat_id")) {
                        contact.addNull(none);
                    }
                    found = contact.add("extra", JsonValue.EMPTY_JSON_OBJECT)
                            .add("subscription", JsonValue.EMPTY_JSON_OBJECT).add("groups", JsonValue.EMPTY_JSON_ARRAY)
                            .build();
                    contacts.put(found.getString("key"), found);
                }
                return reply(Json.createObjectBuilder().add("success", true).add("created", created)
                        .add("contact", found).build());
            }
            case "contacts.save" : {
                JsonObject contact = command.getJsonObject("contact");
                contacts.put(contact.getString("key"), contact);
                return reply(Json.createObjectBuilder().add("success", true).add("contact", contact).build());
            }
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

    static final String NOMINATIM = "http://open.mapquestapi.com/nominatim/v1/search.php";

    /** Answers a Nominatim search as its JSON API does: a list of places with their display_name. */
    private String nominatim(String url) {
        String query = java.net.URLDecoder.decode(url.replaceAll(".*[?&]q=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        var found = Json.createArrayBuilder();
        places.getOrDefault(query, List.of()).forEach(name -> found.add(Json.createObjectBuilder()
                .add("display_name", name).add("lat", "-33.92").add("lon", "18.42")
                .add("address", Json.createObjectBuilder().add("road", name.split(",")[0]).add("country", "ZA"))));
        return reply(Json.createObjectBuilder().add("success", true).add("code", 200)
                .add("body", found.build().toString()).build());
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
