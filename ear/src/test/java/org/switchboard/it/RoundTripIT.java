package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.it.Platform.quote;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * One message round trip through every layer, driven from outside: Junebug API → H2 + Artemis → MDB → fake vendor
 * → event to event_url; the fake vendor's auto-response → MDB → JavaScript app in the sandbox → its reply → fake
 * vendor; and the Junebug conversation's push to mo_message_url.
 */
@ExtendWith(ArquillianExtension.class)
class RoundTripIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APP = """
            api.on_inbound_message = function (command) {
              var msg = command.msg;
              api.request('config.get', {key: 'greeting'}, function (greeting) {
                api.request('outbound.reply_to', {content: greeting.value + ' ' + msg.content,
                    in_reply_to: msg.message_id}, function () { api.done(); });
              });
            };
            """;

    private static Receiver receiver;
    private static TestAccount account;
    private static String jsboxChannel;
    private static String junebugChannel;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @BeforeAll
    static void setUp() throws Exception {
        receiver = new Receiver();
        account = Platform.account("round trip");
        String app = account.createConversation("{\"type\":\"jsbox\",\"name\":\"echo\",\"javascript\":" + quote(APP)
                + ",\"config\":{\"greeting\":\"app got:\"}}");
        jsboxChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1234\",\"conversation_id\":\""
                + app + "\"}");
        String junebug = account.createConversation("{\"type\":\"junebug\",\"name\":\"rapidpro\"}");
        junebugChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"5678\",\"conversation_id\":\""
                + junebug + "\",\"mo_message_url\":" + quote(receiver.url("/mo"))
                + ",\"mo_message_url_auth_token\":\"mo-secret\"}");
    }

    @AfterAll
    static void tearDown() {
        receiver.close();
    }

    private static String send(String channel, String body) {
        Answer answer = account.post("/channels/" + channel + "/messages", body);
        assertEquals(201, answer.status(), answer.body());
        JsonObject json = answer.json();
        assertEquals("Created", json.getString("code"));
        assertEquals("message submitted", json.getString("description"));
        return json.getJsonObject("result").getString("message_id");
    }

    @Test
    void acceptedMessageIsSubmittedAndItsEventPosted() {
        String id = send(jsboxChannel, "{\"to\":\"+27831234567\",\"content\":\"hello\",\"event_url\":"
                + quote(receiver.url("/events")) + ",\"event_auth_token\":\"ev-secret\"}");
        Receiver.Received event = receiver.await(r -> r.path().equals("/events")
                && r.body().getString("message_id").equals(id), WAIT, "the submitted event of " + id);
        assertEquals("submitted", event.body().getString("event_type"));
        assertEquals(jsboxChannel, event.body().getString("channel_id"));
        assertEquals("Token ev-secret", event.authorization());

        JsonObject status = account.get("/channels/" + jsboxChannel + "/messages/" + id).json()
                .getJsonObject("result");
        assertEquals("submitted", status.getString("last_event_type"));
        assertEquals(1, status.getJsonArray("events").size());
        assertTrue(Platform.outboxHas(account, jsboxChannel, m -> m.getString("message_id").equals(id)));
    }

    @Test
    void failedPushIsListedCountedAndReplayed() {
        String id = send(jsboxChannel, "{\"to\":\"+27831234567\",\"content\":\"hello\",\"event_url\":"
                + quote(receiver.url("/fail/events")) + "}");
        String admin = Platform.ADMIN;
        JsonObject failed = Platform.eventually(WAIT, () -> Platform.request("GET", "/api/admin/pushes?state=failed"
                + "&account_id=" + account.id(), admin, null).json().getJsonArray("pushes").stream()
                .map(p -> p.asJsonObject()).filter(p -> p.getString("url").endsWith("/fail/events")).findFirst(),
                java.util.Optional::isPresent, "the push to a failing event_url to be failed for good").get();
        assertEquals(3, failed.getInt("attempts"), failed.toString());
        assertEquals("Answered HTTP 500", failed.getString("last_error"));
        assertEquals(3, receiver.matching(r -> r.path().equals("/fail/events")
                && r.body().getString("message_id").equals(id)).size(), "one POST per attempt");

        JsonObject status = account.get("/channels/" + jsboxChannel + "/messages/" + id).json()
                .getJsonObject("result");
        assertEquals(1, status.getJsonObject("event_pushes").getInt("failed"), status.toString());
        assertEquals("Answered HTTP 500", status.getJsonObject("event_pushes").getString("last_error"));
        JsonObject counts = Platform.request("GET", "/api/admin/pushes/counts?account_id=" + account.id(), admin,
                null).json();
        assertTrue(counts.getJsonArray("conversations").stream().map(c -> c.asJsonObject())
                .anyMatch(c -> c.getInt("failed") >= 1), counts.toString());
        JsonObject inspected = Platform.request("GET", "/api/admin/pushes/" + failed.getString("id"), admin, null)
                .json();
        String eventId = inspected.getJsonObject("body").getString("event_id");

        receiver.mend();
        Platform.Answer replayed = Platform.request("POST", "/api/admin/pushes/" + failed.getString("id")
                + "/replay", admin, null);
        assertEquals(200, replayed.status(), replayed.body());
        Receiver.Received delivered = Platform.eventually(WAIT, () -> receiver.matching(r -> r.path()
                .equals("/fail/events") && r.body().getString("message_id").equals(id)), list -> list.size() == 4,
                "the replayed push").get(3);
        assertEquals(eventId, delivered.body().getString("event_id"), "a replay sends the same event again");
        Platform.eventually(WAIT, () -> Platform.request("GET", "/api/admin/pushes/" + failed.getString("id"), admin,
                null).json().getString("state"), "delivered"::equals, "the replayed push to be delivered");
        assertEquals(409, Platform.request("POST", "/api/admin/pushes/" + failed.getString("id") + "/replay", admin,
                null).status(), "a delivered push is not sent twice");
    }

    @Test
    void pushUrlsThatReachInsideOrAreNotHttpAreRefused() {
        for (String url : new String[]{"http://10.1.2.3/events", "http://169.254.169.254/latest/meta-data",
                "file:///etc/passwd", "gopher://example.com/"}) {
            Platform.Answer answer = account.post("/channels/" + jsboxChannel + "/messages",
                    "{\"to\":\"+27831234567\",\"content\":\"hello\",\"event_url\":" + quote(url) + "}");
            assertEquals(400, answer.status(), url + ": " + answer.body());
            assertTrue(answer.json().getString("description").equals("api usage error")
                    && answer.json().getJsonObject("result").getJsonArray("errors").getJsonObject(0)
                            .getString("message")
                            .startsWith("'event_url' cannot be used"),
                    answer.body());
        }
        Platform.Answer channel = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/channels",
                Platform.ADMIN, "{\"vendor\":\"fake\",\"address\":\"9\",\"mo_message_url\":"
                        + "\"http://192.168.1.1/mo\"}");
        assertEquals(400, channel.status(), channel.body());
        assertTrue(channel.body().contains("192.168.1.1"), channel.body());
    }

    @Test
    void errorInTheTextIsRejectedWithTheCode() {
        String id = send(jsboxChannel, "{\"to\":\"+27831234567\",\"content\":\"please error30007\",\"event_url\":"
                + quote(receiver.url("/events")) + "}");
        Receiver.Received event = receiver.await(r -> r.path().equals("/events")
                && r.body().getString("message_id").equals(id), WAIT, "the rejected event of " + id);
        assertEquals("rejected", event.body().getString("event_type"));
        assertTrue(event.body().getJsonObject("event_details").getString("reason").contains("30007"),
                event.body().toString());
        assertEquals(null, event.authorization());
        assertTrue(!Platform.outboxHas(account, jsboxChannel, m -> m.getString("message_id").equals(id)));
    }

    @Test
    void autoResponseReachesTheJavaScriptAppAndItsReplyTheVendor() {
        send(jsboxChannel, "{\"to\":\"+27830000001\",\"content\":\"autorespond please\"}");
        Platform.eventually(WAIT, () -> Platform.outboxHas(account, jsboxChannel,
                m -> m.getString("to").equals("+27830000001")
                        && "app got: responding to autorespond please".equals(m.getString("content"))),
                found -> found, "the app's reply at the fake vendor");
    }

    @Test
    void autoResponseOnAJunebugChannelIsPostedToTheMoUrlAndCanBeRepliedTo() {
        send(junebugChannel, "{\"to\":\"+27830000002\",\"content\":\"autorespond to junebug\"}");
        Receiver.Received mo = receiver.await(r -> r.path().equals("/mo")
                && r.body().getString("from").equals("+27830000002"), WAIT, "the inbound message at mo_message_url");
        assertEquals("responding to autorespond to junebug", mo.body().getString("content"));
        assertEquals("5678", mo.body().getString("to"));
        assertEquals(junebugChannel, mo.body().getString("channel_id"));
        assertEquals("Token mo-secret", mo.authorization());
        assertTrue(mo.body().getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));

        String inbound = mo.body().getString("message_id");
        Answer reply = account.post("/channels/" + junebugChannel + "/messages",
                "{\"reply_to\":\"" + inbound
                        + "\",\"content\":\"thanks\",\"channel_data\":{\"continue_session\":false}}");
        assertEquals(201, reply.status(), reply.body());
        JsonObject result = reply.json().getJsonObject("result");
        assertEquals("+27830000002", result.getString("to"));
        assertEquals(inbound, result.getString("reply_to"));
        assertEquals("close", result.getJsonObject("channel_data").getString("session_event"));
    }

    @Test
    void aConversationsChangedConfigIsUsedByTheVeryNextSend() {
        String conversation = account.createConversation("{\"type\":\"junebug\",\"name\":\"changing\",\"config\":{"
                + "\"default_event_url\":" + quote(receiver.url("/config-before")) + "}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4322\",\"conversation_id\":\""
                + conversation + "\"}");
        String first = sendOn(channel); // the platform now holds the conversation and channel in its caches
        receiver.await(r -> r.path().equals("/config-before") && first.equals(r.body().getString("message_id")), WAIT,
                "the event at the first default_event_url");
        for (String path : List.of("/config-after-1", "/config-after-2")) {
            Answer changed = Platform.request("PUT", "/api/admin/accounts/" + account.id() + "/conversations/"
                    + conversation + "/config", Platform.ADMIN,
                    "{\"default_event_url\":" + quote(receiver.url(path))
                            + "}");
            assertEquals(200, changed.status(), changed.body());
            String id = sendOn(channel); // at once: no pause for a cache to expire
            receiver.await(r -> r.path().equals(path) && id.equals(r.body().getString("message_id")), WAIT,
                    "the event of the send right after the change at the new default_event_url " + path);
            assertTrue(receiver.matching(r -> !r.path().equals(path) && r.body().containsKey("message_id")
                    && id.equals(r.body().getString("message_id"))).isEmpty(), "no event went to the old URL");
        }
    }

    @Test
    void aConversationChangedToANameTooLongIsRefusedAndKeepsItsOwn() {
        String conversation = account.createConversation("{\"type\":\"junebug\",\"name\":\"short\",\"config\":{}}");
        String path = "/api/admin/accounts/" + account.id() + "/conversations/" + conversation;
        Answer refused = Platform.request("PUT", path, Platform.ADMIN, "{\"name\":\"" + "n".repeat(300) + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("name"), "says which field: " + refused.body());
        Answer kept = Platform.request("GET", path, Platform.ADMIN, null);
        assertEquals("short", kept.json().getString("name"), "a refused change changes nothing");
    }

    private String sendOn(String channel) {
        Answer sent = account.post("/channels/" + channel + "/messages", "{\"to\":\"+27830000033\",\"content\":\"c\"}");
        assertEquals(201, sent.status(), sent.body());
        return sent.json().getJsonObject("result").getString("message_id");
    }

    @Test
    void junebugSettingsOfVumi2AreHonouredAndDeliveryReportsReachTheEventUrl() {
        String conversation = account.createConversation("{\"type\":\"junebug\",\"name\":\"vumi2\",\"config\":{"
                + "\"default_event_url\":" + quote(receiver.url("/default-events"))
                + ",\"default_event_auth_token\":\"event-secret\",\"default_from_addr\":\"4444\","
                + "\"allow_expired_replies\":true,\"transport_type\":\"sms\",\"event_url_timeout\":5}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4321\",\"conversation_id\":\""
                + conversation + "\",\"settings\":{\"delivery_report\":\"delivered\","
                + "\"delivery_report_delay_ms\":200}}");
        Answer sent = account.post("/channels/" + channel + "/messages",
                "{\"to\":\"+27830000031\",\"content\":\"dr\"}");
        assertEquals(201, sent.status(), sent.body());
        assertEquals("4444", sent.json().getJsonObject("result").getString("from"));
        String id = sent.json().getJsonObject("result").getString("message_id");
        Receiver.Received delivered = receiver.await(r -> r.path().equals("/default-events")
                && id.equals(r.body().getString("message_id"))
                && "delivery_succeeded".equals(r.body().getString("event_type")), WAIT,
                "the delivery report at default_event_url");
        assertEquals("Token event-secret", delivered.authorization());
        receiver.await(r -> r.path().equals("/default-events") && id.equals(r.body().getString("message_id"))
                && "submitted".equals(r.body().getString("event_type")), WAIT, "the submitted event");

        // allow_expired_replies: a reply to an unknown message, with a "to", goes as a new message
        Answer expired = account.post("/channels/" + channel + "/messages",
                "{\"reply_to\":\"0123456789abcdef0123456789abcdef\",\"to\":\"+27830000032\",\"content\":\"late\"}");
        assertEquals(201, expired.status(), expired.body());
        assertEquals(JsonValue.NULL, expired.json().getJsonObject("result").get("reply_to"));

        Answer unsupported = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/conversations",
                Platform.ADMIN, "{\"type\":\"junebug\",\"name\":\"x\",\"config\":{\"connector_name\":\"c\"}}");
        assertEquals(400, unsupported.status(), unsupported.body());
        assertTrue(unsupported.body().contains("'connector_name' is not supported"), unsupported.body());
        Answer unknown = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/conversations",
                Platform.ADMIN, "{\"type\":\"junebug\",\"name\":\"x\",\"config\":{\"allow_expired_replys\":true}}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("allow_expired_replys"), unknown.body());
        Answer shown = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/conversations/"
                + conversation, Platform.ADMIN, null);
        assertEquals("<Encrypted>", shown.json().getJsonObject("config").getString("default_event_auth_token"));
    }

    @Test
    void junebugsChannelApiCreatesListsShowsChangesLogsAndDeletesChannels() {
        TestAccount owner = Platform.account("junebug channels");
        Answer created = owner.post("/channels/", "{\"type\":\"fake\",\"label\":\"Long code\",\"config\":{"
                + "\"address\":\"7777\",\"delivery_report\":\"failed\"},\"metadata\":{\"owner\":7},\"mo_url\":"
                + quote(receiver.url("/channel-mo")) + ",\"mo_url_auth_token\":\"channel-secret\","
                + "\"character_limit\":12}");
        assertEquals(201, created.status(), created.body());
        assertEquals("channel created", created.json().getString("description"));
        JsonObject channel = created.json().getJsonObject("result");
        String id = channel.getString("id");
        assertEquals("fake", channel.getString("type"));
        assertEquals("Long code", channel.getString("label"));
        assertEquals("7777", channel.getJsonObject("config").getString("address"));
        assertEquals("sms", channel.getJsonObject("config").getString("transport_type"));
        assertEquals("failed", channel.getJsonObject("config").getString("delivery_report"));
        assertEquals(7, channel.getJsonObject("metadata").getInt("owner"));
        assertEquals("<Encrypted>", channel.getString("mo_url_auth_token"));
        assertEquals(12, channel.getInt("character_limit"));
        assertEquals(JsonValue.NULL, channel.getJsonObject("status").get("status"));

        Answer listed = owner.get("/channels/");
        assertEquals("channels listed", listed.json().getString("description"));
        assertEquals(List.of(id), listed.json().getJsonArray("result").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(List.of(), account.get("/channels/").json().getJsonArray("result").stream()
                .filter(v -> v.toString().contains(id)).toList(), "another account does not see the channel");
        assertError(account.get("/channels/" + id), 404, "channel not found", "ChannelNotFound");

        // character_limit as Junebug words it; a message within it is sent and its delivery report fails
        Answer tooLong = owner.post("/channels/" + id + "/messages", "{\"to\":\"+27830000041\","
                + "\"content\":\"far more than twelve\"}");
        assertError(tooLong, 400, "message too long", "MessageTooLong");
        assertTrue(tooLong.body().contains("Message content u'far more than twelve' is of length 20, which is"
                + " greater than the character limit of 12"), tooLong.body());
        Answer sent = owner.post("/channels/" + id + "/messages", "{\"to\":\"+27830000041\","
                + "\"content\":\"autorespond\"}");
        assertEquals(201, sent.status(), sent.body());

        // a channel of the channel API has no conversation: its inbound messages go to its mo_url
        Receiver.Received mo = receiver.await(r -> r.path().equals("/channel-mo")
                && r.body().getString("from").equals("+27830000041"), WAIT, "the inbound message at the mo_url");
        assertEquals("Token channel-secret", mo.authorization());
        assertEquals(id, mo.body().getString("channel_id"));

        JsonObject status = Platform.eventually(WAIT, () -> owner.get("/channels/" + id).json()
                .getJsonObject("result").getJsonObject("status"), s -> "ok".equals(s.getString("status", null)),
                "the vendor's state in the status");
        assertEquals("ok", status.getJsonObject("components").getJsonObject("fake").getString("status"));
        for (String rate : List.of("inbound_message_rate", "outbound_message_rate", "submitted_event_rate",
                "rejected_event_rate", "delivery_succeeded_rate", "delivery_failed_rate", "delivery_pending_rate")) {
            assertTrue(status.getJsonNumber(rate).doubleValue() >= 0, rate);
        }
        JsonObject counted = Platform.eventually(WAIT, () -> owner.get("/channels/" + id).json()
                .getJsonObject("result").getJsonObject("status"),
                s -> s.getJsonNumber("delivery_failed_rate").doubleValue() > 0, "the failed delivery counted");
        assertEquals(0.1, counted.getJsonNumber("delivery_failed_rate").doubleValue(), 1e-9,
                "one report in a 10 s window");

        Answer changed = owner.post("/channels/" + id, "{\"label\":\"Renamed\",\"character_limit\":null}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("channel updated", changed.json().getString("description"));
        assertEquals("Renamed", changed.json().getJsonObject("result").getString("label"));
        assertEquals("7777", changed.json().getJsonObject("result").getJsonObject("config").getString("address"));
        assertEquals(201, owner.post("/channels/" + id + "/messages", "{\"to\":\"+27830000042\","
                + "\"content\":\"no limit any more\"}").status());

        assertError(owner.post("/channels/" + id, "{\"type\":\"smpp\"}"), 400, "invalid channel type",
                "InvalidChannelType");
        assertTrue(owner.post("/channels/" + id, "{\"type\":\"smpp\"}").body()
                .contains("Invalid channel type u'smpp', must be one of: bandwidth, fake, twilio, vonage"));
        Answer statusUrl = owner.post("/channels/" + id, "{\"status_url\":\"http://127.0.0.1/status\"}");
        assertError(statusUrl, 400, "api usage error", "ApiUsageError");
        assertTrue(statusUrl.body().contains("'status_url' is not supported"), statusUrl.body());
        assertTrue(owner.post("/channels/", "{\"type\":\"fake\",\"config\":{\"address\":\"1\"}}").body()
                .contains("One or both of \\\"mo_url\\\" and \\\"amqp_queue\\\" must be specified"));
        assertTrue(owner.post("/channels/", "{\"config\":{}}").body().contains("u'type' is a required property"));
        assertTrue(owner.post("/channels/" + id, "{\"character_limit\":-1}").body()
                .contains("-1 is less than the minimum of 0"));
        assertTrue(owner.post("/channels/" + id, "{\"label\":5}").body().contains("5 is not of type u'string'"));

        Answer logs = owner.get("/channels/" + id + "/logs?n=2");
        assertEquals("logs retrieved", logs.json().getString("description"));
        List<JsonObject> lines = logs.json().getJsonArray("result").getValuesAs(JsonObject.class);
        assertEquals(2, lines.size(), logs.body());
        assertEquals("Channel changed: label, character_limit", lines.get(0).getString("message"));
        assertEquals(id, lines.get(0).getString("logger"));
        assertEquals(20, lines.get(0).getInt("level"));
        assertTrue(lines.get(0).getJsonNumber("timestamp").doubleValue() >= lines.get(1).getJsonNumber("timestamp")
                .doubleValue(), "newest first");
        assertError(owner.get("/channels/" + id + "/logs?n=x"), 400, "api usage error", "ApiUsageError");

        Answer deleted = owner.delete("/channels/" + id);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("channel deleted", deleted.json().getString("description"));
        assertError(owner.get("/channels/" + id), 404, "channel not found", "ChannelNotFound");
        assertError(owner.post("/channels/" + id + "/messages", "{\"to\":\"+1\",\"content\":\"hi\"}"), 404,
                "channel not found", "ChannelNotFound");
        assertEquals(0, owner.get("/channels/").json().getJsonArray("result").size());
    }

    @Test
    void junebugsHealthCarriesThePlatformsChecks() {
        Answer health = Platform.request("GET", "/health", null, null);
        assertEquals(200, health.status(), health.body());
        assertEquals("health ok", health.json().getString("description"));
        assertEquals(List.of("broker", "database", "sandbox-adapter"), health.json().getJsonArray("result")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")).sorted().toList());
        assertTrue(health.json().getJsonArray("result").getValuesAs(JsonObject.class).stream()
                .allMatch(c -> c.getString("status").equals("UP")), health.body());
        Answer ready = Platform.request("GET", "/health-checks/ready", null, null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
    }

    /** Every JSON body has a described schema; every operation of the public APIs describes its answer. */
    @Test
    void openApiDescribesTheBodies() {
        Answer document = Platform.request("GET", "/openapi?format=json", null, null);
        assertEquals(200, document.status());
        JsonObject paths = document.json().getJsonObject("paths");
        List<String> undescribed = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.asJsonObject().forEach((method, value) -> {
            JsonObject operation = value.asJsonObject();
            JsonObject body = operation.getJsonObject("requestBody");
            if (body != null && !path.startsWith("/api/v1/go/optouts/")) { // opting out takes no body
                body.getJsonObject("content").forEach((type, content) -> {
                    if (!described(content.asJsonObject().getJsonObject("schema"))) {
                        undescribed.add(method + " " + path + " request " + type);
                    }
                });
            }
            boolean publicApi = path.startsWith("/channels") || path.startsWith("/api/v1/go/")
                    || path.equals("/health");
            if (publicApi && operation.getJsonObject("responses").values().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(r -> r.containsKey("content"))
                    .flatMap(r -> r.getJsonObject("content").values().stream())
                    .noneMatch(c -> described(c.asJsonObject().getJsonObject("schema")))) {
                undescribed.add(method + " " + path + " response");
            }
        }));
        assertEquals(List.of(), undescribed);
        JsonObject send = document.json().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("JunebugSend").getJsonObject("properties");
        assertTrue(send.keySet().containsAll(List.of("to", "reply_to", "content", "event_url", "channel_data")),
                send.toString());
    }

    private static boolean described(JsonObject schema) {
        return schema != null && (schema.containsKey("$ref") || schema.containsKey("properties")
                || schema.containsKey("additionalProperties") || !"object".equals(schema.getString("type", "object")));
    }

    @Test
    void badInputGetsA400InJunebugsEnvelope() {
        assertError(account.post("/channels/" + jsboxChannel + "/messages", "{not json"), 400, "json decode error",
                "JsonDecodeError");
        Answer notJson = account.post("/channels/" + jsboxChannel + "/messages", "{not json");
        assertEquals("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
                notJson.json().getJsonObject("result").getJsonArray("errors").getJsonObject(0).getString("message"));
        assertError(account.post("/channels/" + jsboxChannel + "/messages", "{\"to\":\"+1\"}"), 400,
                "api usage error", "invalid_body");
        assertError(account.post("/channels/" + jsboxChannel + "/messages", "{\"content\":\"hi\"}"), 400,
                "api usage error", "ApiUsageError");
        Answer unknown = account.post("/channels/" + jsboxChannel + "/messages",
                "{\"to\":\"+1\",\"content\":\"hi\",\"foo\":1}");
        assertError(unknown, 400, "api usage error", "invalid_body");
        assertTrue(unknown.body().contains("Additional properties are not allowed (u'foo' was unexpected)"),
                unknown.body());
        assertError(account.post("/channels/" + jsboxChannel + "/messages",
                "{\"reply_to\":\"0123456789abcdef0123456789abcdef\",\"content\":\"hi\"}"), 400, "message not found",
                "MessageNotFound");
        assertTrue(account.post("/channels/" + jsboxChannel + "/messages",
                "{\"reply_to\":\"0123456789abcdef0123456789abcdef\",\"content\":\"hi\"}").body()
                .contains("Inbound message with id 0123456789abcdef0123456789abcdef not found"));
        assertError(account.post("/channels/no-such-channel/messages", "{\"to\":\"+1\",\"content\":\"hi\"}"), 404,
                "channel not found", "ChannelNotFound");
        assertError(Platform.request("POST", "/channels/" + jsboxChannel + "/messages", null,
                "{\"to\":\"+1\",\"content\":\"hi\"}"), 401, "unauthorized", "Unauthorized");
    }

    @Test
    void anotherAccountCannotUseTheChannel() {
        TestAccount other = Platform.account("intruder");
        assertError(other.post("/channels/" + jsboxChannel + "/messages", "{\"to\":\"+1\",\"content\":\"hi\"}"), 404,
                "channel not found", "ChannelNotFound");
    }

    @Test
    void luceneQueriesFindTheAccountsContacts() {
        TestAccount other = Platform.account("other contacts");
        account.post("/api/contacts", "{\"name\":\"My Name\",\"surname\":\"Jones\",\"msisdn\":\"+27831110001\"}");
        account.post("/api/contacts", "{\"name\":\"My Other\",\"surname\":\"Johnson\",\"msisdn\":\"+27831110002\"}");
        account.post("/api/contacts", "{\"name\":\"Someone\",\"surname\":\"Smith\",\"msisdn\":\"+27831110003\"}");
        other.post("/api/contacts", "{\"name\":\"My Name\",\"surname\":\"Jones\",\"msisdn\":\"+27839990001\"}");

        assertEquals(List.of("+27831110001"), msisdns(account.get("/api/contacts/search?query="
                + java.net.URLEncoder.encode("name:\"My Name\"", java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(List.of("+27831110001", "+27831110002"),
                msisdns(account.get("/api/contacts/search?query=surname:Jo*")));
        assertEquals(List.of("+27839990001"), msisdns(other.get("/api/contacts/search?query=surname:Jo*")));
        assertEquals(400, account.get("/api/contacts/search?query=nosuchfield:x").status());
    }

    private static List<String> msisdns(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("contacts").stream()
                .map(JsonValue::asJsonObject)
                .map(c -> c.getString("msisdn"))
                .sorted()
                .toList();
    }

    private static void assertError(Answer answer, int status, String description, String type) {
        assertEquals(status, answer.status(), answer.body());
        JsonObject json = answer.json();
        assertEquals(status, json.getInt("status"));
        assertEquals(description, json.getString("description"));
        JsonObject error = json.getJsonObject("result").getJsonArray("errors").getJsonObject(0);
        assertEquals(type, error.getString("type"));
        assertNotNull(error.getString("message"));
    }
}
