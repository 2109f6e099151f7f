package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of a deployment group behind HAProxy, with an Artemis live/backup pair and PostgreSQL, as
 * {@code SWITCHBOARD_INSTANCES=2 SWITCHBOARD_DB=postgresql config/bin/switchboard start} makes them (the Maven
 * profile {@code group}, which starts and stops them around this class alone): the balancer spreads requests over
 * both; when the instance that runs a channel's lane is killed with SIGKILL under load, the other takes the lane and
 * the dead one's unsettled pushes over, and nothing that got a 201 is missing at the vendor or without its event; a
 * stream client whose instance died reconnects through the balancer and is sent what came meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The longest a change made on one instance takes to be found by a search on the other (docs/engine.md, several instances). */
    private static final Duration SEARCH_DELAY = Duration.ofSeconds(5);

    private static Group group;

    @BeforeAll
    static void bothInstancesAreReady() {
        group = Group.fromSystemProperties();
        assertEquals(2, group.size(), "the profile names two instances: " + group.ports());
        for (int k = 0; k < group.size(); k++) {
            String base = group.base(k);
            Platform.eventually(Duration.ofMinutes(3),
                    () -> Platform.requestAt(base, "GET", "/health-checks/ready", null, null).status(),
                    status -> status == 200, Group.name(k) + " to be ready");
        }
    }

    @Test
    @Order(1)
    void theBalancerSpreadsRequestsOverBothInstances() {
        assertEquals(Set.of("i1", "i2"), bothBehindTheBalancer());
    }

    /**
     * The instances a client without the balancer's cookie is sent to, asked until both answered: HAProxy sends requests
     * round robin to the instances its health check saw ready twice in a row (rise 2, every second), which it may not
     * have yet for an instance that just started.
     */
    private static Set<String> bothBehindTheBalancer() {
        Set<String> served = new HashSet<>();
        Platform.eventually(Duration.ofSeconds(30), () -> {
            Platform.Answer engine = Platform.request("GET", "/api/admin/engine", Platform.ADMIN, null);
            assertEquals(200, engine.status(), engine.body());
            served.add(engine.json().getString("instance"));
            return served;
        }, names -> names.size() == 2, "both instances to answer through the balancer");
        return served;
    }

    @Test
    @Order(2)
    void aChangeMadeOnOneInstanceIsUsedByTheNextRequestOnTheOther() {
        Platform.TestAccount account = Platform.account("group changes");
        String conversation = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"changes\"}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4141\",\"conversation_id\":\""
                + conversation + "\"}");
        String send = "{\"to\":\"+27831000078\",\"content\":\"cached\"}";
        Platform.Answer sent = Platform.requestAt(group.base(1), "POST", "/channels/" + channel + "/messages",
                account.basic(), send);
        assertEquals(201, sent.status(), "i2 sends on the channel, which it now holds in its cache: " + sent);
        Platform.Answer deleted = Platform.requestAt(group.base(0), "DELETE", "/channels/" + channel, account.basic(),
                null);
        assertEquals(200, deleted.status(), deleted.body());
        // the deletion reaches i2 as a notice on the broker's topic, in milliseconds; a row lives 5 s in a cache
        Platform.eventually(Duration.ofSeconds(2), () -> Platform.requestAt(group.base(1), "POST",
                "/channels/" + channel + "/messages", account.basic(), send).status(),
                status -> status == 404, "i2 to refuse a send on the channel i1 deleted, before its cache row expires");
    }

    /**
     * A contact made on one instance is found by a search on the other within {@link #SEARCH_DELAY}: both index into and
     * search the group's OpenSearch node, the change reaching it through the outbox (polled every 100 ms) and becoming
     * searchable at the node's next refresh (every second).
     */
    @Test
    @Order(3)
    void aContactMadeOnOneInstanceIsFoundBySearchOnTheOther() {
        Platform.TestAccount account = Platform.account("group search");
        for (int made = 0; made < 2; made++) {
            int other = 1 - made;
            String msisdn = "+2783" + (System.nanoTime() % 10_000_000 + 10_000_000);
            Platform.Answer created = Platform.requestAt(group.base(made), "POST", "/api/contacts", account.basic(),
                    "{\"msisdn\":\"" + msisdn + "\",\"name\":\"Searched " + made + "\"}");
            assertEquals(201, created.status(), created.body());
            String key = created.json().getString("key");
            long start = System.nanoTime();
            String query = "/api/contacts/search?query=" + URLEncoder.encode("msisdn:\"" + msisdn + "\"",
                    StandardCharsets.UTF_8);
            Platform.eventually(SEARCH_DELAY, () -> Platform.requestAt(group.base(other), "GET", query,
                    account.basic(), null).body(), body -> body.contains(key),
                    Group.name(other) + " to find the contact " + Group.name(made) + " made");
            System.out.printf("GroupIT: a contact made on %s found by %s's search after %d ms%n", Group.name(made),
                    Group.name(other), (System.nanoTime() - start) / 1_000_000);
            Platform.Answer same = Platform.requestAt(group.base(made), "GET", query, account.basic(), null);
            assertTrue(same.body().contains(key), Group.name(made) + " finds it too: " + same.body());
            Platform.Answer stranger = Platform.requestAt(group.base(other), "GET", query,
                    Platform.account("group search, another").basic(), null);
            assertEquals(200, stranger.status(), stranger.body());
            assertFalse(stranger.body().contains(key), "another account's search does not: " + stranger.body());
        }
    }

    @Test
    @Order(4)
    void theLaneHoldersDeathUnderLoadLosesNothingAndTheOtherTakesItsWorkOver() throws Exception {
        // 600 accepted sends through the balancer; the instance that runs the channel's lane killed among them
        Chaos.Outcome outcome = Chaos.run(new Chaos.Settings(600, "p", 8,
                Path.of(System.getProperty("switchboard.runtime")), Integer.getInteger("it.broker.port", 61616),
                group.ports()));
        System.out.println(outcome.report());
        assertEquals(1, outcome.payaraKills());
        assertEquals(0, outcome.missingAtVendor(), "every message that got a 201 reached the vendor");
        assertEquals(0, outcome.withoutEvent(), "every accepted message had its event pushed");
        assertEquals(0, outcome.unstableEventIds(), "an event is pushed with one event_id, also after a takeover");
        assertTrue(outcome.duplicates() <= outcome.duplicateBound(), outcome.report());
        assertEquals(1, outcome.takeovers().size(), "the lane holder was killed and its lane taken over");
    }

    @Test
    @Order(5)
    void aStreamClientWhoseInstanceDiedGetsWhatCameMeanwhileFromTheOther() throws Exception {
        JsonObject owner = Platform.request("POST", "/api/admin/accounts", Platform.ADMIN,
                "{\"name\":\"group streams\"}").json();
        String key = owner.getString("account_key");
        Platform.TestAccount account = new Platform.TestAccount(owner.getString("id"),
                basic(key, owner.getString("api_token")));
        JsonObject conversation = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/conversations",
                Platform.ADMIN, "{\"type\":\"http_api\",\"name\":\"streaming\"}").json();
        String id = conversation.getString("id");
        String token = conversation.getString("api_token");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"4040\",\"conversation_id\":\"" + id + "\"}");

        int victim = 0;
        String before;
        try (StreamClient events = StreamClient.open(group.base(victim), key, id, token, "events.json")) {
            assertEquals(200, events.status);
            before = send(key, id, token, "before");
            assertEquals(before, events.next(WAIT).getString("user_message_id"), "the stream works on " + victim);
            group.kill(victim);
            Platform.eventually(Duration.ofSeconds(30), events::ended, Boolean::booleanValue,
                    "the stream to end with its instance");
        }
        // nobody listens: the ack waits on the broker, in the stream's ring
        String meanwhile = send(key, id, token, "meanwhile");
        try (StreamClient events = StreamClient.open(Platform.BASE, key, id, token, "events.json")) {
            assertEquals(200, events.status);
            assertEquals(meanwhile, events.next(WAIT).getString("user_message_id"),
                    "the other instance sends the backlog first");
        }
        group.start(victim);
    }

    @Test
    @Order(6)
    void aUiSessionOutlivesTheInstanceThatServedIt() throws Exception {
        bothBehindTheBalancer(); // the instance the last test restarted is in the balancer's rotation again
        Platform.TestAccount account = Platform.account("group sessions");
        String email = "ops+" + System.nanoTime() + "@group.example";
        Platform.Answer user = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/users",
                Platform.ADMIN, "{\"email\":" + Platform.quote(email)
                        + ",\"password\":\"a long enough password\",\"role\":\"owner\"}");
        assertEquals(201, user.status(), user.body());
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = page(browser, "/ui/login.xhtml").body();
        Matcher state = VIEW_STATE.matcher(form);
        assertTrue(state.find(), "the login page has a view state");
        String body = "login=login&login%3Aemail=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&login%3Apassword=a+long+enough+password&login%3Asubmit=&jakarta.faces.ViewState="
                + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(Platform.BASE + "/ui/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("/ui/home.xhtml", home.uri().getPath(), "logged in");
        String served = instanceCookie(cookies);
        int victim = served.equals("i1") ? 0 : 1;

        group.kill(victim);
        HttpResponse<String> after = page(browser, "/ui/home.xhtml");
        assertEquals("/ui/home.xhtml", after.uri().getPath(), "still logged in after " + served + " died");
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains(email), "the home page names the user the session belongs to");
        assertEquals(Group.name(1 - victim), instanceCookie(cookies), "the other instance served it");
        group.start(victim);
    }

    private static final Pattern VIEW_STATE = Pattern
            .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(Platform.BASE + path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The instance HAProxy's cookie names: the one that served the last request. */
    private static String instanceCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SWITCHBOARD_INSTANCE"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no balancer cookie"));
    }

    /** A send through the balancer with Vumi Go's HTTP API, tried until one is accepted; its message id. */
    private static String send(String key, String conversation, String token, String content) {
        return Platform.eventually(WAIT, () -> Platform.requestAt(Platform.BASE, "PUT",
                "/api/v1/go/http_api_nostream/" + conversation + "/messages.json", basic(key, token),
                "{\"to_addr\": \"+27831000077\", \"content\": \"" + content + "\"}"),
                answer -> answer.status() == 200, "a send to be accepted").json().getString("message_id");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
