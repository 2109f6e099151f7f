package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.it.Platform.quote;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Vumi Go's HTTP API and REST opt-outs, driven with exactly the requests the go-http Python client (v0.3.2) sends:
 * {@code HttpApiSender.send_text} and {@code fire_metric} ({@code PUT} with {@code Content-Type: application/json;
 * charset=utf-8} and Basic account key : conversation token), and {@code OptOutsApiClient} ({@code Authorization:
 * Bearer}); a reply as seed 001's curl example sends it; a streaming client as go-heroku-streaming reads the stream.
 */
@ExtendWith(ArquillianExtension.class)
class VumiGoApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "a secret of the receiver's, 32ch";

    private static Receiver receiver;
    private static TestAccount account;
    private static String accountKey;
    private static String apiToken;
    /** A conversation that pushes to the receiver, with its channel and token. */
    private static String pushing;
    private static String pushingToken;
    private static String pushingChannel;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @BeforeAll
    static void setUp() throws Exception {
        receiver = new Receiver();
        JsonObject created = Platform.request("POST", "/api/admin/accounts", Platform.ADMIN,
                "{\"name\":\"vumi go\"}").json();
        accountKey = created.getString("account_key");
        apiToken = created.getString("api_token");
        account = new TestAccount(created.getString("id"), basic(accountKey, apiToken));
        JsonObject conversation = conversation("{\"type\":\"http_api\",\"name\":\"go-heroku\",\"config\":{"
                + "\"push_message_url\":" + quote(receiver.url("/messages").replace("http://", "http://user:pass@"))
                + ",\"push_event_url\":" + quote(receiver.url("/events").replace("http://", "http://user:pass@"))
                + ",\"content_length_limit\":160,\"metric_store\":\"heroku\",\"push_signing_secret\":"
                + quote(SECRET) + "}}");
        pushing = conversation.getString("id");
        pushingToken = conversation.getString("api_token");
        pushingChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"2020\",\"conversation_id\":\""
                + pushing + "\"}");
    }

    @AfterAll
    static void tearDown() {
        receiver.close();
    }

    private static JsonObject conversation(String json) {
        return conversation(account.id(), json);
    }

    private static JsonObject conversation(String accountId, String json) {
        Answer answer = Platform.request("POST", "/api/admin/accounts/" + accountId + "/conversations",
                Platform.ADMIN, json);
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** go-http's HttpApiSender._api_request: a PUT of JSON with Basic (account key, conversation token). */
    private static Answer goHttpPut(String conversation, String token, String suffix, String json) {
        return put(conversation, token, suffix, json, null).answer();
    }

    private static Answer putAs(String key, String conversation, String token, String suffix, String json) {
        return put(key, conversation, token, suffix, json, null).answer();
    }

    /** A PUT as go-http sends it, with an Idempotency-Key when one is given; the answer and its replay header. */
    private record Put(Answer answer, String replayed) {
    }

    private static Put put(String conversation, String token, String suffix, String json, String idempotencyKey) {
        return put(accountKey, conversation, token, suffix, json, idempotencyKey);
    }

    private static Put put(String key, String conversation, String token, String suffix, String json,
            String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.BASE
                + "/api/v1/go/http_api_nostream/" + conversation + "/" + suffix))
                .header("content-type", "application/json; charset=utf-8")
                .header("Authorization", basic(key, token))
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Put(new Answer(response.statusCode(), response.body()),
                    response.headers().firstValue("Idempotent-Replayed").orElse(null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The push's signature, recomputed as docs/apis.md tells a receiver to: HMAC-SHA256 of "t.body". */
    private static void assertSigned(Receiver.Received push) {
        String[] parts = push.signature().split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - t) < 300, push.signature());
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + push.raw())
                    .getBytes(StandardCharsets.UTF_8))), parts[1]);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(Answer answer, int status, String reason) {
        assertEquals(status, answer.status(), answer.body());
        JsonObject json = answer.json();
        assertEquals(JsonValue.FALSE, json.get("success"), answer.body());
        assertEquals(reason, json.getString("reason"));
    }

    @Test
    void sendTextAnswersTheWholeVumiMessageAndItsEventIsPushedWithTheUrlsCredentials() {
        Answer answer = goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+27831000001\", \"content\": \"hello from go-http\"}");
        assertEquals(200, answer.status(), answer.body());
        JsonObject message = answer.json();
        String id = message.getString("message_id");
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals("user_message", message.getString("message_type"));
        assertEquals("20110921", message.getString("message_version"));
        assertEquals("+27831000001", message.getString("to_addr"));
        assertEquals("msisdn", message.getString("to_addr_type"));
        assertEquals("2020", message.getString("from_addr"));
        assertEquals("hello from go-http", message.getString("content"));
        assertEquals("sms", message.getString("transport_type"));
        assertEquals(JsonValue.NULL, message.get("in_reply_to"));
        assertEquals(JsonValue.NULL, message.get("session_event"));
        assertTrue(message.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));

        Receiver.Received event = receiver.await(r -> r.path().equals("/events")
                && id.equals(r.body().getString("user_message_id", null)), WAIT, "the ack at push_event_url");
        assertEquals("event", event.body().getString("message_type"));
        assertEquals("ack", event.body().getString("event_type"));
        assertTrue(event.body().getString("event_id").matches("[0-9a-f]{32}"));
        assertEquals(basic("user", "pass"), event.authorization());
        assertSigned(event);
        Platform.eventually(WAIT, () -> Platform.outboxHas(account, pushingChannel,
                m -> "hello from go-http".equals(m.getString("content"))), found -> found, "the message at the vendor");
    }

    @Test
    void inboundIsPushedInVumisFormatAndCanBeRepliedToClosingTheSession() {
        goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+27831000002\", \"content\": \"autorespond please\"}");
        Receiver.Received inbound = receiver.await(r -> r.path().equals("/messages")
                && "+27831000002".equals(r.body().getString("from_addr", null)), WAIT,
                "the inbound message at push_message_url");
        assertEquals("user_message", inbound.body().getString("message_type"));
        assertEquals("responding to autorespond please", inbound.body().getString("content"));
        assertEquals("2020", inbound.body().getString("to_addr"));
        assertEquals(basic("user", "pass"), inbound.authorization());
        assertSigned(inbound);

        // seed 001's curl example: in_reply_to with to_addr and to_addr_type, which a reply does not need
        Answer reply = goHttpPut(pushing, pushingToken, "messages.json", "{\"in_reply_to\": "
                + quote(inbound.body().getString("message_id")) + ", \"to_addr\": \"+27831000002\", "
                + "\"to_addr_type\": \"msisdn\", \"content\": \"thanks, bye\", \"session_event\": \"close\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(inbound.body().getString("message_id"), reply.json().getString("in_reply_to"));
        assertEquals("+27831000002", reply.json().getString("to_addr"));
        assertEquals("close", reply.json().getString("session_event"));
        Platform.eventually(WAIT, () -> Platform.outboxHas(account, pushingChannel,
                m -> "thanks, bye".equals(m.getString("content")) && "close".equals(m.getString("session_event"))),
                found -> found, "the reply at the vendor, closing the session");
    }

    @Test
    void optedOutRecipientIsRefusedAsGoHttpExpectsUnlessTheAccountDisablesOptOuts() {
        String bearer = "Bearer " + apiToken;
        assertEquals(404, Platform.request("GET", "/api/v1/go/optouts/msisdn/+27831000003", bearer, null).status());
        Answer put = Platform.request("PUT", "/api/v1/go/optouts/msisdn/+27831000003", bearer, null);
        assertEquals(200, put.status(), put.body());
        assertEquals(accountKey, put.json().getJsonObject("opt_out").getString("user_account"));
        assertEquals(1, Platform.request("GET", "/api/v1/go/optouts/count", bearer, null).json()
                .getInt("opt_out_count"));

        Answer refused = goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+27831000003\", \"content\": \"hi\"}");
        assertRefused(refused, 400, "Recipient with msisdn +27831000003 has opted out");
        assertTrue(refused.body().contains("opted out")); // what go-http matches to raise UserOptedOutException

        assertEquals(200, Platform.request("PATCH", "/api/admin/accounts/" + account.id(), Platform.ADMIN,
                "{\"disable_optouts\": true}").status());
        assertEquals(200, Platform.eventually(WAIT, () -> goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+27831000003\", \"content\": \"hi\"}"), a -> a.status() == 200,
                "a send once the flag is seen").status());
        Platform.request("PATCH", "/api/admin/accounts/" + account.id(), Platform.ADMIN,
                "{\"disable_optouts\": false}");

        Answer deleted = Platform.request("DELETE", "/api/v1/go/optouts/msisdn/+27831000003", bearer, null);
        assertEquals(200, deleted.status(), deleted.body());
        Answer gone = Platform.request("GET", "/api/v1/go/optouts/msisdn/+27831000003", bearer, null);
        assertEquals(404, gone.status());
        assertEquals(404, gone.json().getInt("status_code"));
    }

    @Test
    void fireMetricIsPublishedToTheConversationsStore() {
        Answer answer = goHttpPut(pushing, pushingToken, "metrics.json", "[[\"visits\", 42, \"last\"]]");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(JsonValue.TRUE, answer.json().get("success"));
        assertEquals("Metrics published", answer.json().getString("reason"));
        Answer points = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/metrics/heroku/visits",
                Platform.ADMIN, null);
        assertEquals(42.0, points.json().getJsonArray("points").getJsonObject(0).getJsonNumber("value")
                .doubleValue());
        Answer median = goHttpPut(pushing, pushingToken, "metrics.json", "[[\"visits\", 1, \"median\"]]");
        assertEquals(400, median.status(), median.body());
        assertEquals(JsonValue.FALSE, median.json().get("success"));
        assertTrue(median.json().getString("reason").contains("'median'"), median.body());
    }

    @Test
    void aSendRetriedWithItsIdempotencyKeyAnswersTheFirstMessageAndMakesNoSecond() {
        String body = "{\"to_addr\": \"+27831000020\", \"content\": \"only once\"}";
        Put first = put(pushing, pushingToken, "messages.json", body, "order-20-confirmation");
        assertEquals(200, first.answer().status(), first.answer().body());
        assertEquals(null, first.replayed());
        Put again = put(pushing, pushingToken, "messages.json", body, "order-20-confirmation");
        assertEquals(200, again.answer().status(), again.answer().body());
        assertEquals("true", again.replayed());
        assertEquals(first.answer().json(), again.answer().json());
        Put other = put(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+27831000020\", \"content\": \"another\"}", "order-20-confirmation");
        assertEquals(400, other.answer().status(), other.answer().body());
        assertTrue(other.answer().body().contains("Idempotency-Key"), other.answer().body());
        assertEquals(JsonValue.FALSE, other.answer().json().get("success"));
        Platform.eventually(WAIT, () -> Platform.outboxHas(account, pushingChannel,
                m -> "only once".equals(m.getString("content"))), found -> found, "the message at the vendor");
        Platform.sleep(1000);
        assertEquals(1, Platform.request("GET", "/api/fake/channels/" + pushingChannel + "/outbox", account.basic(),
                null).json().getJsonArray("messages").stream()
                .filter(m -> "only once".equals(m.asJsonObject().getString("content"))).count());
    }

    /**
     * Eight requests with one key at once (as two instances behind a balancer may get them): the key's primary key lets
     * one commit, the others are answered with its message, and the vendor gets one.
     */
    @Test
    void requestsWithOneKeyAtOnceMakeOneMessage() throws Exception {
        String body = "{\"to_addr\": \"+27831000021\", \"content\": \"one of eight at once\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Put>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                puts.add(pool.submit(() -> {
                    go.await();
                    return put(pushing, pushingToken, "messages.json", body, "order-21-at-once");
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            int made = 0;
            for (Future<Put> future : puts) {
                Put put = future.get(60, TimeUnit.SECONDS);
                assertEquals(200, put.answer().status(), put.answer().body());
                ids.add(put.answer().json().getString("message_id"));
                made += put.replayed() == null ? 1 : 0;
            }
            assertEquals(1, ids.size(), ids.toString());
            assertEquals(1, made, "answers that made the message");
        } finally {
            pool.shutdownNow();
        }
        Platform.eventually(WAIT, () -> Platform.outboxHas(account, pushingChannel,
                m -> "one of eight at once".equals(m.getString("content"))), found -> found,
                "the message at the vendor");
        Platform.sleep(1000);
        assertEquals(1, Platform.request("GET", "/api/fake/channels/" + pushingChannel + "/outbox", account.basic(),
                null).json().getJsonArray("messages").stream()
                .filter(m -> "one of eight at once".equals(m.asJsonObject().getString("content"))).count());
    }

    /** go-http's MetricsApiClient: fire({"name.agg": value}) and get_metric(m, "-30d", "1d", "omit"). */
    @Test
    void metricsApiClientFiresAndReadsBackBucketedValues() {
        Answer fired = contactsApi("POST", "metrics/", "{\"orders.sum\": 3, \"temp\": 21.5}");
        assertEquals(200, fired.status(), fired.body());
        JsonObject first = fired.jsonArray().getJsonObject(0);
        assertEquals("orders.sum", first.getString("name"));
        assertEquals(3.0, first.getJsonNumber("value").doubleValue());
        assertEquals("sum", first.getString("aggregator"));
        assertEquals("avg", fired.jsonArray().getJsonObject(1).getString("aggregator"));
        assertEquals(200, contactsApi("POST", "metrics/", "{\"orders.sum\": 4}").status());

        Answer read = contactsApi("GET", "metrics/?m=stores.default.orders.sum&m=stores.default.temp.avg"
                + "&from=-30d&interval=1d&nulls=omit", null);
        assertEquals(200, read.status(), read.body());
        jakarta.json.JsonArray orders = read.json().getJsonArray("stores.default.orders.sum");
        assertEquals(1, orders.size(), read.body());
        assertEquals(7.0, orders.getJsonObject(0).getJsonNumber("y").doubleValue(), "3 + 4 in today's bucket");
        long x = orders.getJsonObject(0).getJsonNumber("x").longValue();
        assertEquals(0, x % 86_400_000L, "buckets start at midnight UTC");
        assertTrue(System.currentTimeMillis() - x < 86_400_000L, "the bucket is today's");
        assertEquals(21.5, read.json().getJsonArray("stores.default.temp.avg").getJsonObject(0).getJsonNumber("y")
                .doubleValue());

        jakarta.json.JsonArray zeroized = contactsApi("GET", "metrics/?m=stores.default.orders.sum&from=-30d"
                + "&interval=1d", null).json().getJsonArray("stores.default.orders.sum");
        assertTrue(zeroized.size() >= 30, zeroized.toString());
        assertEquals(0.0, zeroized.getJsonObject(0).getJsonNumber("y").doubleValue());
        assertEquals(JsonValue.NULL, contactsApi("GET", "metrics/?m=stores.default.orders.sum&from=-2d&interval=1d"
                + "&nulls=keep", null).json().getJsonArray("stores.default.orders.sum").getJsonObject(0).get("y"));

        TestAccount other = Platform.account("metrics neighbour");
        assertEquals(0, Platform.request("GET", "/api/v1/go/metrics/?m=stores.default.orders.sum&from=-30d"
                + "&interval=1d&nulls=omit", other.basic(), null).json().getJsonArray("stores.default.orders.sum")
                .size(), "another account sees none of these values");

        Answer noName = contactsApi("GET", "metrics/?from=-30d", null);
        assertEquals(400, noName.status(), noName.body());
        assertEquals(400, noName.json().getInt("status_code"));
        assertTrue(noName.json().getString("reason").contains("'m'"), noName.body());
        assertEquals(400, contactsApi("GET", "metrics/?m=stores.default.orders.sum&from=last%20tuesday", null)
                .status());
        assertEquals(400, contactsApi("GET", "metrics/?m=orders", null).status());
        Answer notNumber = contactsApi("POST", "metrics/", "{\"orders.sum\": \"three\"}");
        assertEquals(400, notNumber.status(), notNumber.body());
        assertTrue(notNumber.json().getString("reason").contains("'orders.sum' must be a number"), notNumber.body());
    }

    /** go-http's ContactsApiClient: Bearer, JSON with charset, paging by cursor, get_contact(msisdn=...). */
    private static Answer contactsApi(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.BASE + "/api/v1/go/" + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + apiToken)
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void contactsApiClientPagesFindsByFieldAndManagesGroups() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer created = contactsApi("POST", "contacts/", "{\"msisdn\": \"+2783200000" + i
                    + "\", \"name\": \"Page " + i + "\"}");
            assertEquals(200, created.status(), created.body());
            keys.add(created.json().getString("key"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = contactsApi("GET", "contacts/?max_results=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            assertEquals(200, page.status(), page.body());
            page.json().getJsonArray("data").forEach(c -> seen.add(c.asJsonObject().getString("key")));
            cursor = page.json().isNull("cursor") ? null : page.json().getString("cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertTrue(seen.containsAll(keys), seen + " has " + keys);
        assertTrue(pages >= 2, "paged in " + pages);

        Answer byMsisdn = contactsApi("GET", "contacts/?query=msisdn=%2B27832000001", null);
        assertEquals(keys.get(1), byMsisdn.json().getJsonArray("data").getJsonObject(0).getString("key"));
        Answer updated = contactsApi("PUT", "contacts/" + keys.get(1), "{\"surname\": \"Updated\"}");
        assertEquals("Updated", updated.json().getString("surname"));
        assertEquals("Page 1", updated.json().getString("name"));

        Answer group = contactsApi("POST", "groups/", "{\"name\": \"paged\"}");
        assertEquals(200, group.status(), group.body());
        String groupKey = group.json().getString("key");
        contactsApi("PUT", "contacts/" + keys.get(0), "{\"groups\": [\"" + groupKey + "\"]}");
        Answer members = contactsApi("GET", "groups/" + groupKey + "/contacts", null);
        assertEquals(List.of(keys.get(0)), members.json().getJsonArray("data").stream()
                .map(c -> c.asJsonObject().getString("key")).toList());

        assertEquals(200, contactsApi("DELETE", "contacts/" + keys.get(2), null).status());
        Answer gone = contactsApi("GET", "contacts/" + keys.get(2), null);
        assertEquals(404, gone.status());
        assertEquals(404, gone.json().getInt("status_code"));
        Answer streamed = contactsApi("GET", "contacts/?stream=true", null);
        assertEquals(200, streamed.status());
        assertTrue(streamed.body().lines().filter(l -> !l.isBlank()).count() >= 2, streamed.body());
        // another account's token sees none of them
        TestAccount other = Platform.account("other contacts api");
        assertEquals(401, Platform.request("GET", "/api/v1/go/contacts/" + keys.get(0), "Bearer not-a-token", null)
                .status());
        assertFalse(other.get("/api/v1/go/contacts/").body().contains(keys.get(0)));
    }

    @Test
    void malformedRequestsGetVumiGosErrors() {
        assertRefused(goHttpPut(pushing, pushingToken, "messages.json", "{\"content\": \"no address\"}"), 400,
                "Invalid or missing value for payload key 'to_addr'");
        assertRefused(goHttpPut(pushing, pushingToken, "messages.json", "{not json"), 400, "Invalid Message");
        assertRefused(goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+1\", \"content\": " + quote("x".repeat(161)) + "}"), 400,
                "Payload content too long: 161 > 160");
        assertRefused(goHttpPut(pushing, pushingToken, "messages.json",
                "{\"in_reply_to\": \"0123456789abcdef0123456789abcdef\", \"content\": \"x\"}"), 400,
                "Invalid in_reply_to value");
        assertRefused(goHttpPut(pushing, pushingToken, "messages.json",
                "{\"to_addr\": \"+1\", \"content\": \"x\", \"session_event\": \"maybe\"}"), 400,
                "Invalid or missing value for payload key 'session_event'");
        Answer wrongToken = goHttpPut(pushing, "not-the-token", "messages.json", "{\"to_addr\": \"+1\"}");
        assertEquals(401, wrongToken.status());
        // the account's own API token is not the conversation's
        assertEquals(401, goHttpPut(pushing, apiToken, "messages.json", "{\"to_addr\": \"+1\"}").status());
        // another account's conversation token does not open this conversation
        TestAccount other = Platform.account("other vumi go");
        String otherConversation = Platform.request("POST", "/api/admin/accounts/" + other.id() + "/conversations",
                Platform.ADMIN, "{\"type\":\"http_api\",\"name\":\"x\"}").json().getString("api_token");
        assertEquals(401, goHttpPut(pushing, otherConversation, "messages.json", "{\"to_addr\": \"+1\"}").status());
    }

    @Test
    void streamingClientsReceiveInboundAndEventsAndTheBacklogWaitsForThem() throws Exception {
        // an account of its own: streams hold places of the account's concurrency limit until they are seen closed
        JsonObject owner = Platform.request("POST", "/api/admin/accounts", Platform.ADMIN, "{\"name\":\"streams\"}")
                .json();
        String ownerKey = owner.getString("account_key");
        TestAccount streamer = new TestAccount(owner.getString("id"), basic(ownerKey, owner.getString("api_token")));
        JsonObject conversation = conversation(streamer.id(), "{\"type\":\"http_api\",\"name\":\"streaming\"}");
        String id = conversation.getString("id");
        String token = conversation.getString("api_token");
        String channel = streamer.createChannel("{\"vendor\":\"fake\",\"address\":\"3030\",\"conversation_id\":\""
                + id + "\"}");
        // sent before anyone listens: its ack waits in the backlog
        String first = putAs(ownerKey, id, token, "messages.json",
                "{\"to_addr\": \"+27831000010\", \"content\": \"a\"}")
                .json().getString("message_id");
        Platform.sleep(2000);
        try (StreamClient events = StreamClient.open(Platform.BASE, ownerKey, id, token, "events.json");
                StreamClient messages = StreamClient.open(Platform.BASE, ownerKey, id, token, "messages.json")) {
            assertEquals(200, events.status);
            assertEquals(first, events.next(WAIT).getString("user_message_id"));
            String second = putAs(ownerKey, id, token, "messages.json",
                    "{\"to_addr\": \"+27831000011\", \"content\": \"autorespond b\"}").json().getString("message_id");
            assertEquals(second, events.next(WAIT).getString("user_message_id"));
            JsonObject inbound = messages.next(WAIT);
            assertEquals("+27831000011", inbound.getString("from_addr"));
            assertEquals("responding to autorespond b", inbound.getString("content"));
            // every stream client of the platform: these two, and any another test has not yet been seen closing
            assertTrue(
                    Integer.parseInt(Platform.request("GET", "/api/v1/go/http_api/health/", null, null).body()) >= 2);
        }
        assertTrue(Platform.outboxHas(streamer, channel, m -> "a".equals(m.getString("content"))));
    }

    @Test
    void pastTheConcurrencyLimitAnAccountGets403() throws Exception {
        JsonObject owner = Platform.request("POST", "/api/admin/accounts", Platform.ADMIN, "{\"name\":\"limits\"}")
                .json();
        String ownerKey = owner.getString("account_key");
        JsonObject conversation = conversation(owner.getString("id"),
                "{\"type\":\"http_api\",\"name\":\"many streams\"}");
        List<StreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                StreamClient stream = StreamClient.open(Platform.BASE, ownerKey, conversation.getString("id"),
                        conversation.getString("api_token"),
                        "messages.json");
                assertEquals(200, stream.status);
                open.add(stream);
            }
            Answer refused = putAs(ownerKey, conversation.getString("id"), conversation.getString("api_token"),
                    "messages.json", "{\"to_addr\": \"+1\", \"content\": \"x\"}");
            assertRefused(refused, 403, "Too many concurrent connections");
        } finally {
            open.forEach(StreamClient::close);
        }
        assertFalse(open.isEmpty());
    }
}
