package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Toolkit apps as users deploy them, driven through the fake vendor's phone: a go-app.js built the way
 * go-jsbox-template builds it (config/demo/go-app.js, sent as one script), and the vumigo_v02 package's own examples, unmodified, as bundles
 * of the package. Each step checks the reply, whether the session goes on, and the state the app kept.
 */
@ExtendWith(ArquillianExtension.class)
class JsboxAppsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Platform.ear();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger PHONES = new AtomicInteger();

    private static Platform.TestAccount account;
    private static String goApp;
    private static String ussd;
    private static String sms;

    @BeforeAll
    static void deploy() throws IOException {
        account = Platform.account("jsbox-apps");
        String script = Files.readString(Path.of("..", "config", "demo", "go-app.js"));
        goApp = account.createConversation("{\"type\":\"jsbox\",\"name\":\"go-app\",\"javascript\":"
                + Platform.quote(script) + ",\"config\":{\"config\":{\"name\":\"go-app\"}}}");
        ussd = account.createChannel("{\"vendor\":\"fake\",\"address\":\"*120*8#\",\"transport_type\":\"ussd\","
                + "\"conversation_id\":\"" + goApp + "\"}");
        sms = account.createChannel("{\"vendor\":\"fake\",\"address\":\"5678\",\"transport_type\":\"sms\","
                + "\"conversation_id\":\"" + goApp + "\",\"endpoint\":\"sms\"}");
    }

    /** A handset: sends as one number on one channel and waits for each reply to it. */
    private static final class Phone {
        private final String number = "+2782" + String.format("%07d", PHONES.incrementAndGet());
        private final String channel;
        private int seen;

        Phone(String channel) {
            this.channel = channel;
        }

        /** Sends a message and answers the app's reply: its content and session_event. */
        JsonObject send(String content, String sessionEvent) {
            post(content, sessionEvent);
            List<JsonObject> replies = Platform.eventually(WAIT, this::replies, r -> r.size() > seen,
                    "the app's reply to '" + content + "' from " + number);
            seen = replies.size();
            return replies.get(replies.size() - 1);
        }

        /** Sends messages one right after the other and answers the app's replies, in the order they came. */
        List<JsonObject> sendAtOnce(String... contents) {
            for (String content : contents) {
                post(content, null);
            }
            List<JsonObject> replies = Platform.eventually(WAIT, this::replies,
                    r -> r.size() >= seen + contents.length, "the app's replies from " + number);
            List<JsonObject> answers = replies.subList(seen, seen + contents.length);
            seen += contents.length;
            return answers;
        }

        private void post(String content, String sessionEvent) {
            Platform.Answer sent = account.post("/api/fake/channels/" + channel + "/inbound", "{\"from\":\""
                    + number + "\",\"content\":" + Platform.quote(content) + ",\"session_event\":"
                    + (sessionEvent == null ? "null" : Platform.quote(sessionEvent)) + "}");
            assertEquals(201, sent.status(), sent.toString());
        }

        private List<JsonObject> replies() {
            return account.get("/api/fake/channels/" + channel + "/outbox").json().getJsonArray("messages").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(m -> number.equals(m.getString("to", null)))
                    .toList();
        }
    }

    private static void assertReply(JsonObject reply, String content, boolean sessionGoesOn) {
        assertEquals(content, reply.getString("content"), reply.toString());
        assertEquals(sessionGoesOn ? "resume" : "close", reply.getString("session_event"), reply.toString());
    }

    private static final String MENU = "Welcome to go-app! What would you like?\n1. Register\n2. Count my visits\n"
            + "3. Exit";

    @Test
    void goAppOverUssdRegistersTheCaller() {
        Phone phone = new Phone(ussd);
        assertReply(phone.send("", "new"), MENU, true);
        assertReply(phone.send("1", "resume"), "What is your name?", true);
        assertReply(phone.send("Ada", "resume"), "Thanks, Ada! You are registered.", false);
        // state the app kept: the contact it saved, and the metric it fired
        JsonObject found = Platform.eventually(WAIT, () -> account.get("/api/contacts/search?query="
                + URLEncoder.encode("msisdn:\"" + phone.number + "\"", StandardCharsets.UTF_8)).json(),
                r -> r.getJsonArray("contacts").size() == 1, "the contact the app saved");
        JsonObject contact = found.getJsonArray("contacts").getJsonObject(0);
        assertEquals("Ada", contact.getString("name"), contact.toString());
        assertEquals("go-app", contact.getJsonObject("extra").getString("registered_by"), contact.toString());
        JsonObject metric = Platform.request("GET", "/api/admin/accounts/" + account.id()
                + "/metrics/go-app/registrations", Platform.ADMIN, null).json();
        assertTrue(metric.getJsonArray("points").size() >= 1, metric.toString());
        // a new session starts over
        assertReply(phone.send("", "new"), MENU, true);
        assertReply(phone.send("3", "resume"), "Bye!", false);
    }

    @Test
    void goAppOverSmsKeepsStateBetweenMessages() {
        Phone phone = new Phone(sms);
        assertReply(phone.send("hi", null), MENU, true);
        assertReply(phone.send("2", null), "Visit number 1. Bye.", false);
        assertReply(phone.send("hi again", null), MENU, true);
        assertReply(phone.send("2", null), "Visit number 2. Bye.", false);
        assertReply(phone.send("hello", null), MENU, true);
        assertReply(phone.send("9", null), "Welcome to go-app! What would you like?\n1. Register\n"
                + "2. Count my visits\n3. Exit", true); // an invalid choice asks again
        // a phone's messages reach the app one at a time, in the order sent, however fast they come
        List<JsonObject> quick = phone.sendAtOnce("2", "hi", "2", "hi", "2");
        assertReply(quick.get(0), "Visit number 3. Bye.", false);
        assertReply(quick.get(1), MENU, true);
        assertReply(quick.get(2), "Visit number 4. Bye.", false);
        assertReply(quick.get(3), MENU, true);
        assertReply(quick.get(4), "Visit number 5. Bye.", false);
    }

    @Test
    void toolkitExamplesRunUnmodifiedAsBundles() throws IOException {
        String examples = account.createConversation("{\"type\":\"jsbox\",\"name\":\"examples\",\"bundle\":"
                + Platform.quote(java.util.Base64.getEncoder().encodeToString(Platform.toolkitBundle()))
                + ",\"main\":\"examples/contacts/lib/app.js\",\"config\":{\"config\":{\"name\":\"contacts\"}}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"*120*9#\","
                + "\"transport_type\":\"ussd\",\"conversation_id\":\"" + examples + "\"}");
        // examples/contacts: registers the caller as a contact, then greets them by it
        Phone phone = new Phone(channel);
        assertReply(phone.send("", "new"), "What is your name?", true);
        assertReply(phone.send("Grace", "resume"), "Do you like tea or coffee?\n1. Tea\n2. Coffee", true);
        assertReply(phone.send("2", "resume"), "Hello Grace. I hear you like coffee. That's nice. Bye.", false);
        assertReply(phone.send("", "new"), "Hello Grace. I hear you like coffee. That's nice. Bye.", false);

        // the same conversation switched to examples/simple: the next message runs the new code
        Platform.Answer updated = upload(examples, Platform.toolkitBundle(), "examples/simple/lib/app.js");
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("examples/simple/lib/app.js", updated.json().getString("main"));
        Phone other = new Phone(channel);
        assertReply(other.send("", "new"), "Tea or coffee?\n1. Tea\n2. Coffee", true);
        assertReply(other.send("1", "resume"), "Meh. Bye.", false);
        assertReply(other.send("", "new"), "Tea or coffee?\n1. Tea\n2. Coffee", true);
        assertReply(other.send("2", "resume"), "Cool :) Bye.", false);
    }

    @Test
    void uploadsThatCannotRunAreRefused() throws IOException {
        Platform.Answer notZip = upload(goApp, "not a zip".getBytes(StandardCharsets.UTF_8), "index.js");
        assertEquals(400, notZip.status(), notZip.toString());
        assertTrue(notZip.json().getString("error").contains("no .js or .json files"), notZip.toString());
        Platform.Answer noMain = upload(goApp, Platform.toolkitBundle(), "app.js");
        assertEquals(400, noMain.status(), noMain.toString());
        assertTrue(noMain.json().getString("error").contains("no file 'app.js'"), noMain.toString());
        assertTrue(noMain.json().getString("error").contains("package.json"), noMain.toString());
        Platform.Answer empty = Platform.request("PUT", conversationPath(goApp) + "/javascript", Platform.ADMIN, " ");
        assertEquals(400, empty.status(), empty.toString());
        Platform.Answer missing = Platform.request("PUT", conversationPath("no-such-conversation") + "/config",
                Platform.ADMIN, "{}");
        assertEquals(404, missing.status(), missing.toString());
        Platform.Answer badConfig = Platform.request("PUT", conversationPath(goApp), Platform.ADMIN,
                "{\"config\": [1]}");
        assertEquals(400, badConfig.status(), badConfig.toString());
        Platform.Answer halfGood = Platform.request("PUT", conversationPath(goApp), Platform.ADMIN,
                "{\"name\": \"renamed\", \"config\": {}, \"bundle\": \"bm90IGEgemlw\"}");
        assertEquals(400, halfGood.status(), halfGood.toString());
        // the refused requests left the app as it was, even the parts of them that were good
        JsonObject app = Platform.request("GET", conversationPath(goApp), Platform.ADMIN, null).json();
        assertEquals("go-app", app.getString("name"));
        assertEquals("go-app", app.getJsonObject("config").getJsonObject("config").getString("name"));
        assertEquals(false, app.getBoolean("bundle"));
        assertNotEquals(JsonValue.NULL, app.get("code_version"));
    }

    private static String conversationPath(String conversation) {
        return "/api/admin/accounts/" + account.id() + "/conversations/" + conversation;
    }

    /** PUTs a zip as it is, as {@code curl -T app.zip} does. */
    private static Platform.Answer upload(String conversation, byte[] zip, String main) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.BASE + conversationPath(conversation)
                + "/bundle?main=" + URLEncoder.encode(main, StandardCharsets.UTF_8)))
                .header("Authorization", Platform.ADMIN)
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Platform.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
