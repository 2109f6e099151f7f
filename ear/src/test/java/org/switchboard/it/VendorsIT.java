package org.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.it.Platform.quote;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Twilio, Bandwidth and Vonage from outside: WireMock plays each vendor's API (what Switchboard sends it is checked
 * to the byte), the test plays the vendor's callbacks, signed as the vendor signs them, to the channel's webhooks.
 */
@ExtendWith(ArquillianExtension.class)
class VendorsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static WireMockServer vendor;
    private static Receiver receiver;
    private static TestAccount account;
    private static String conversation;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @BeforeAll
    static void setUp() throws Exception {
        vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        vendor.start();
        receiver = new Receiver();
        account = Platform.account("vendors");
        conversation = account.createConversation("{\"type\":\"junebug\",\"name\":\"vendors\"}");
    }

    @AfterAll
    static void tearDown() {
        vendor.stop();
        receiver.close();
    }

    private static String channel(String vendorName, String address, String settings) {
        return account.createChannel("{\"vendor\":\"" + vendorName + "\",\"address\":\"" + address
                + "\",\"conversation_id\":\"" + conversation + "\",\"mo_message_url\":" + quote(receiver.url("/mo"))
                + ",\"settings\":" + settings + "}");
    }

    private static String send(String channel, String to, String content) {
        Answer sent = account.post("/channels/" + channel + "/messages", "{\"to\":\"" + to + "\",\"content\":"
                + quote(content) + ",\"event_url\":" + quote(receiver.url("/events")) + "}");
        assertEquals(201, sent.status(), sent.body());
        return sent.json().getJsonObject("result").getString("message_id");
    }

    private static JsonObject event(String messageId, String type) {
        return receiver.await(r -> r.path().equals("/events") && messageId.equals(r.body().getString("message_id"))
                && type.equals(r.body().getString("event_type")), WAIT, type + " of " + messageId).body();
    }

    private static LoggedRequest request(String path, String containing) {
        return Platform.eventually(WAIT, () -> vendor.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(containing)).toList(), l -> !l.isEmpty(),
                "the vendor's request containing " + containing).get(0);
    }

    private static HttpResponse<String> webhook(String method, String path, String contentType, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.BASE + path))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** X-Twilio-Signature as Twilio's docs describe it (written here apart from the platform's). */
    private static String twilioSignature(String token, String url, String form) throws Exception {
        Map<String, String> sorted = new TreeMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            sorted.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        StringBuilder signed = new StringBuilder(url);
        sorted.forEach((k, v) -> signed.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void twilioSendsReportsReceivesAndRefusesForgeries() throws Exception {
        String channel = channel("twilio", "+15550001111", "{\"account_sid\":\"AC42\",\"auth_token\":\"tw-token\","
                + "\"api_base_url\":" + quote(vendor.baseUrl()) + "}");
        vendor.stubFor(post("/2010-04-01/Accounts/AC42/Messages.json").withRequestBody(containing("Body=hello"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM42a\",\"status\":\"queued\"}")));
        vendor.stubFor(post("/2010-04-01/Accounts/AC42/Messages.json").withRequestBody(containing("Body=stop+me"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":21610,\"message\":\"Attempt to send to"
                        + " unsubscribed recipient\",\"more_info\":\"https://www.twilio.com/docs/errors/21610\","
                        + "\"status\":400}")));

        // the secret is never shown
        Answer shown = account.get("/channels/" + channel);
        assertEquals("<Encrypted>", shown.json().getJsonObject("result").getJsonObject("config")
                .getString("auth_token"), shown.body());

        String id = send(channel, "+15557654321", "hello");
        String status = Platform.BASE + "/vendors/twilio/" + channel + "/status";
        LoggedRequest sent = request("/2010-04-01/Accounts/AC42/Messages.json", "Body=hello");
        assertEquals("To=%2B15557654321&From=%2B15550001111&Body=hello&StatusCallback=" + enc(status),
                sent.getBodyAsString());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC42:tw-token".getBytes()),
                sent.getHeader("Authorization"));
        event(id, "submitted");

        String delivered = "MessageSid=SM42a&MessageStatus=delivered&To=%2B15557654321&From=%2B15550001111"
                + "&AccountSid=AC42&ApiVersion=2010-04-01";
        HttpResponse<String> forged = webhook("POST", "/vendors/twilio/" + channel + "/status",
                "application/x-www-form-urlencoded", delivered, Map.of("X-Twilio-Signature",
                        twilioSignature("not-the-token", status, delivered)));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> callback = webhook("POST", "/vendors/twilio/" + channel + "/status",
                "application/x-www-form-urlencoded", delivered, Map.of("X-Twilio-Signature",
                        twilioSignature("tw-token", status, delivered)));
        assertEquals(200, callback.statusCode(), callback.body());
        event(id, "delivery_succeeded");

        // Twilio's 21610: refused with its code, description and link, and the recipient opted out here too
        String stopped = send(channel, "+15557650000", "stop me");
        JsonObject rejected = event(stopped, "rejected");
        JsonObject details = rejected.getJsonObject("event_details");
        assertEquals("21610", details.getString("error_code"));
        assertEquals("https://www.twilio.com/docs/errors/21610", details.getString("link"));
        Platform.eventually(WAIT, () -> account.get("/api/v1/go/optouts/msisdn/%2B15557650000").status(),
                code -> code == 200, "the opt-out of +15557650000");

        // an inbound message, signed, reaches the channel's conversation; a forged one is refused
        String inbound = "/vendors/twilio/" + channel + "/inbound";
        String form = "MessageSid=SMin1&SmsSid=SMin1&AccountSid=AC42&From=%2B15557654321&To=%2B15550001111"
                + "&Body=hi+there&NumMedia=0&NumSegments=1&SmsStatus=received&ApiVersion=2010-04-01";
        HttpResponse<String> refused = webhook("POST", inbound, "application/x-www-form-urlencoded", form,
                Map.of("X-Twilio-Signature", twilioSignature("tw-token", Platform.BASE + inbound,
                        form.replace("hi+there", "other"))));
        assertEquals(403, refused.statusCode());
        HttpResponse<String> accepted = webhook("POST", inbound, "application/x-www-form-urlencoded", form,
                Map.of("X-Twilio-Signature", twilioSignature("tw-token", Platform.BASE + inbound, form)));
        assertEquals(200, accepted.statusCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", accepted.body());
        assertTrue(accepted.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        Receiver.Received mo = receiver.await(r -> r.path().equals("/mo") && "hi there".equals(r.body()
                .getString("content")), WAIT, "the inbound message at mo_url");
        assertEquals("+15557654321", mo.body().getString("from"));
        // Twilio sends a webhook again when it got no answer in time: it is kept once
        webhook("POST", inbound, "application/x-www-form-urlencoded", form,
                Map.of("X-Twilio-Signature", twilioSignature("tw-token", Platform.BASE + inbound, form)));
        Platform.sleep(2000);
        assertEquals(1, receiver.matching(r -> r.path().equals("/mo") && "hi there".equals(r.body()
                .getString("content"))).size());

        // a failed delivery, with Twilio's error code
        String failed = "MessageSid=SM42a&MessageStatus=undelivered&ErrorCode=30003";
        webhook("POST", "/vendors/twilio/" + channel + "/status", "application/x-www-form-urlencoded", failed,
                Map.of("X-Twilio-Signature", twilioSignature("tw-token", status, failed)));
        JsonObject undelivered = event(id, "delivery_failed").getJsonObject("event_details");
        assertEquals("30003", undelivered.getString("error_code"));
        assertEquals("Unreachable destination handset", undelivered.getString("description"));
        assertEquals("https://www.twilio.com/docs/api/errors/30003", undelivered.getString("link"));
    }

    @Test
    void aChannelThatIsNotFullyConfiguredDoesNotSend() {
        String channel = channel("twilio", "+15550002222", "{\"account_sid\":\"AC43\"}");
        String id = send(channel, "+15557654321", "nope");
        String reason = event(id, "rejected").getJsonObject("event_details").getString("reason");
        assertTrue(reason.contains("not fully configured: auth_token"), reason);
    }

    /** An api_base_url that can never be used is refused when it is stored, on a channel and for an account. */
    @Test
    void aBaseUrlThatCanNeverBeReachedIsRefusedWhenStored() {
        String base = "/api/admin/accounts/" + account.id();
        for (String url : new String[]{"http://169.254.169.254/", "file:///etc/passwd", "[::1]:8080",
                "http://255.255.255.255/", "example.com/api"}) {
            Answer channel = Platform.request("POST", base + "/channels", Platform.ADMIN, "{\"vendor\":\"twilio\","
                    + "\"address\":\"+15550003333\",\"settings\":{\"account_sid\":\"AC9\",\"auth_token\":\"t\","
                    + "\"api_base_url\":" + quote(url) + "}}");
            assertEquals(400, channel.status(), url + ": " + channel.body());
            assertTrue(channel.body().contains("'api_base_url' cannot be used"), channel.body());
            Answer own = Platform.request("PUT", base + "/vendors/twilio", Platform.ADMIN,
                    "{\"account_sid\":\"AC9\",\"auth_token\":\"t\",\"api_base_url\":" + quote(url) + "}");
            assertEquals(400, own.status(), url + ": " + own.body());
        }
    }

    /** A vendor that cannot be reached is tried again, and the channel's log says why in words, not in classes. */
    @Test
    void aVendorThatCannotBeReachedIsLoggedInWords() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String channel = channel("twilio", "+15550004444", "{\"account_sid\":\"AC44\",\"auth_token\":\"t\","
                + "\"api_base_url\":\"http://127.0.0.1:" + closed + "\"}");
        send(channel, "+15557654321", "nobody home");
        JsonObject line = Platform.eventually(WAIT, () -> account.get("/channels/" + channel + "/logs").json()
                .getJsonArray("result").stream().map(v -> v.asJsonObject())
                .filter(l -> l.getString("message").contains("will be sent again")).findFirst().orElse(null),
                l -> l != null, "the channel's log line of the retry");
        assertTrue(line.getString("message").endsWith("the connection was refused"), line.toString());
        String logs = account.get("/channels/" + channel + "/logs").body();
        assertFalse(logs.matches("(?s).*(java\\.|Exception|\\.java:|\"stack\"|\"class\").*"), logs);
    }

    @Test
    void bandwidthSendsAndItsCallbacksAreCheckedAndRead() throws Exception {
        String channel = channel("bandwidth", "+15550003333", "{\"account_id\":\"9900000\",\"username\":\"u\","
                + "\"password\":\"p\",\"application_id\":\"app-1\",\"callback_password\":\"cb-pass\","
                + "\"api_base_url\":" + quote(vendor.baseUrl()) + "}");
        vendor.stubFor(post("/api/v2/users/9900000/messages").willReturn(aResponse().withStatus(202)
                .withBody("{\"id\":\"bw-1\",\"owner\":\"+15550003333\",\"applicationId\":\"app-1\","
                        + "\"direction\":\"out\",\"segmentCount\":1}")));
        String id = send(channel, "+15557654322", "via bandwidth");
        LoggedRequest sent = request("/api/v2/users/9900000/messages", "via bandwidth");
        JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(sent.getBodyAsString())).readObject();
        assertEquals("app-1", body.getString("applicationId"));
        assertEquals("+15557654322", body.getJsonArray("to").getString(0));
        assertEquals("+15550003333", body.getString("from"));
        assertEquals(id, body.getString("tag"));
        event(id, "submitted");

        String callbacks = "[{\"type\":\"message-delivered\",\"time\":\"2024-01-01T00:00:00Z\",\"description\":"
                + "\"ok\",\"to\":\"+15557654322\",\"message\":{\"id\":\"bw-1\",\"tag\":\"" + id + "\",\"to\":"
                + "[\"+15557654322\"],\"from\":\"+15550003333\",\"direction\":\"out\"}}]";
        String auth = "Basic " + Base64.getEncoder().encodeToString("bandwidth.com:cb-pass".getBytes());
        String wrong = "Basic " + Base64.getEncoder().encodeToString("bandwidth.com:guess".getBytes());
        assertEquals(403, webhook("POST", "/vendors/bandwidth/" + channel, "application/json", callbacks,
                Map.of("Authorization", wrong)).statusCode());
        assertEquals(200, webhook("POST", "/vendors/bandwidth/" + channel, "application/json", callbacks,
                Map.of("Authorization", auth)).statusCode());
        event(id, "delivery_succeeded");
    }

    @Test
    void vonageSendsReportsAndPutsLongInboundMessagesTogether() throws Exception {
        String channel = channel("vonage", "+447700900001", "{\"api_key\":\"key1\",\"api_secret\":\"sec1\","
                + "\"api_base_url\":" + quote(vendor.baseUrl()) + "}");
        vendor.stubFor(post("/sms/json").willReturn(aResponse().withBody("{\"message-count\":\"1\",\"messages\":"
                + "[{\"to\":\"447700900000\",\"message-id\":\"vn-1\",\"status\":\"0\"}]}")));
        String id = send(channel, "+447700900000", "via vonage");
        LoggedRequest sent = request("/sms/json", "via+vonage");
        assertEquals("api_key=key1&api_secret=sec1&from=447700900001&to=447700900000&text=via+vonage&type=text"
                + "&status-report-req=1&callback=" + enc(Platform.BASE + "/vendors/vonage/" + channel + "/status")
                + "&client-ref=" + id, sent.getBodyAsString());
        event(id, "submitted");
        assertEquals(204, webhook("GET", "/vendors/vonage/" + channel + "/status?msisdn=447700900000"
                + "&to=447700900001&messageId=vn-1&status=delivered&err-code=0&client-ref=" + id, null, null,
                Map.of()).statusCode());
        event(id, "delivery_succeeded");

        String part = "/vendors/vonage/" + channel + "/inbound?msisdn=447700900002&to=447700900001&type=text"
                + "&concat=true&concat-ref=77&concat-total=2";
        webhook("GET", part + "&messageId=p2&concat-part=2&text=" + enc(" world"), null, null, Map.of());
        webhook("GET", part + "&messageId=p1&concat-part=1&text=hello", null, null, Map.of());
        Receiver.Received mo = receiver.await(r -> r.path().equals("/mo") && "+447700900002".equals(r.body()
                .getString("from")), WAIT, "the long message at mo_url");
        assertEquals("hello world", mo.body().getString("content"));
    }

    @Test
    void theAdminApiLooksUpBuysAndKeepsSecrets() {
        String base = "/api/admin/accounts/" + account.id();
        Answer config = Platform.request("PUT", base + "/vendors/twilio", Platform.ADMIN,
                "{\"account_sid\":\"AC77\",\"auth_token\":\"account-token\",\"api_base_url\":"
                        + quote(vendor.baseUrl()) + "}");
        assertEquals(200, config.status(), config.body());
        assertEquals("<Encrypted>", config.json().getJsonObject("settings").getString("auth_token"));
        assertTrue(config.json().getBoolean("fully_configured"));
        assertFalse(config.body().contains("account-token"));
        // sent back as shown, the secret is kept
        Answer again = Platform.request("PUT", base + "/vendors/twilio", Platform.ADMIN,
                config.json().getJsonObject("settings").toString());
        assertTrue(again.json().getBoolean("fully_configured"), again.body());

        vendor.stubFor(get(urlPathEqualTo("/v2/PhoneNumbers/%2B14155550100")).willReturn(aResponse()
                .withBody("{\"phone_number\":\"+14155550100\",\"country_code\":\"US\",\"valid\":true,"
                        + "\"line_type_intelligence\":{\"carrier_name\":\"Landline Co\",\"type\":\"landline\"}}")));
        Answer lookup = Platform.request("GET", base + "/vendors/twilio/contacts/%2B14155550100", Platform.ADMIN,
                null);
        assertEquals(200, lookup.status(), lookup.body());
        assertEquals(-1, lookup.json().getInt("status_code"));
        assertEquals("Landline Co", lookup.json().getString("carrier"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC77:account-token".getBytes()),
                vendor.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/v2/PhoneNumbers/%2B14155550100"))).get(0).getHeader("Authorization"));

        Answer fake = Platform.request("GET", base + "/vendors/fakeservice/contacts/%2B15555555555", Platform.ADMIN,
                null);
        assertEquals("FakeCarrier", fake.json().getString("carrier"), fake.body());
        assertEquals(1, fake.json().getInt("status_code"));

        Answer bought = Platform.request("POST", base + "/vendors/fake/numbers", Platform.ADMIN,
                "{\"area_code\":\"212\",\"limit\":2}");
        assertEquals(201, bought.status(), bought.body());
        assertEquals(2, bought.json().getJsonArray("numbers").size());
        assertTrue(bought.json().getJsonArray("numbers").getJsonObject(0).getString("number").startsWith("+1212"));
        assertEquals(2, Platform.request("GET", base + "/vendors/fake/numbers?area_code=212", Platform.ADMIN, null)
                .json().getJsonArray("numbers").size());
        assertEquals(400, Platform.request("POST", base + "/vendors/fake/numbers", Platform.ADMIN,
                "{\"area_code\":\"2x2\"}").status());
        Answer released = Platform.request("DELETE", base + "/vendors/fake/numbers?area_code=212", Platform.ADMIN,
                null);
        assertEquals(2, released.json().getInt("deleted"), released.body());

        Answer error = Platform.request("GET", "/api/admin/vendors/twilio/errors/21211", Platform.ADMIN, null);
        assertEquals("Invalid 'To' phone number", error.json().getString("description"));
        assertEquals("https://www.twilio.com/docs/api/errors/21211", error.json().getString("link"));

        Answer features = Platform.request("PUT", base + "/features", Platform.ADMIN,
                "{\"DEFAULT_SERVICE\":\"twilio\"}");
        assertEquals("twilio", features.json().getString("default_service"), features.body());
        assertEquals(400, Platform.request("PUT", base + "/features", Platform.ADMIN,
                "{\"DEFAULT_SERVICE\":\"carrier-pigeon\"}").status());
        Answer defaulted = Platform.request("POST", base + "/channels", Platform.ADMIN,
                "{\"address\":\"+15550009999\"}");
        assertEquals("twilio", defaulted.json().getString("vendor"), defaulted.body());
    }

    @Test
    void webhooksOfUnknownChannelsAndWrongVendorsAre404() throws Exception {
        assertEquals(404, webhook("POST", "/vendors/twilio/no-such-channel/status",
                "application/x-www-form-urlencoded", "MessageSid=x", Map.of()).statusCode());
        String twilio = channel("twilio", "+15550004444", "{\"account_sid\":\"AC44\",\"auth_token\":\"t\"}");
        assertEquals(404, webhook("POST", "/vendors/bandwidth/" + twilio, "application/json", "[]", Map.of())
                .statusCode(), "a Twilio channel has no Bandwidth webhook");
    }
}
