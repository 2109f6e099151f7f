package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * The ready-made apps over the fake vendor, end to end: static_reply, opt_out and subscription answer a phone;
 * a bulk_message send reaches each contact of its groups once (opted-out, address-less and repeated numbers
 * skipped and counted), is refused when repeated unless confirmed, and is scheduled, paused, resumed and cancelled;
 * a dialogue's poll runs a survey in the platform's dialogue app.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void readyMadeAppsAnswerAPhone() {
        TestAccount account = Platform.account("ready-made apps");
        String reply = account.createConversation("{\"type\":\"static_reply\",\"name\":\"hours\","
                + "\"config\":{\"reply_text\":\"We are open 9 to 5\"}}");
        String replyChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1001\",\"conversation_id\":\""
                + reply + "\"}");
        phone(account, replyChannel, "+27831110001", "hello");
        JsonObject answered = Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, replyChannel),
                list -> !list.isEmpty(), "the static reply").get(0);
        assertEquals("We are open 9 to 5", answered.getString("content"));
        assertEquals("+27831110001", answered.getString("to"));
        assertEquals("close", answered.getString("session_event"), "a static reply closes the session");

        String stop = account.createConversation("{\"type\":\"opt_out\",\"name\":\"stop\"}");
        String stopChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1002\",\"conversation_id\":\""
                + stop + "\"}");
        phone(account, stopChannel, "+27831110002", "STOP");
        assertEquals("You have opted out", Platform.eventually(Duration.ofSeconds(30),
                () -> outbox(account, stopChannel), list -> !list.isEmpty(), "the opt-out reply").get(0)
                .getString("content"));
        Answer optedOut = account.get("/api/v1/go/optouts/msisdn/%2B27831110002");
        assertEquals(200, optedOut.status(), optedOut.body());

        String news = account.createConversation("{\"type\":\"subscription\",\"name\":\"news\",\"config\":{"
                + "\"handlers\":[{\"keyword\":\"join\",\"operation\":\"subscribe\",\"campaign_name\":\"news\","
                + "\"reply_copy\":\"Welcome to the news\"},{\"keyword\":\"leave\",\"operation\":\"unsubscribe\","
                + "\"campaign_name\":\"news\",\"reply_copy\":\"Bye\"}]}}");
        String newsChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1003\",\"conversation_id\":\""
                + news + "\"}");
        phone(account, newsChannel, "+27831110003", "  JOIN please");
        Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, newsChannel),
                list -> list.size() == 1 && list.get(0).getString("content").equals("Welcome to the news"),
                "the subscribe reply");
        assertEquals("subscribed", contact(account, "+27831110003").getJsonObject("subscription").getString("news"));
        phone(account, newsChannel, "+27831110003", "leave");
        Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, newsChannel), list -> list.size() == 2,
                "the unsubscribe reply");
        assertEquals("unsubscribed", contact(account, "+27831110003").getJsonObject("subscription")
                .getString("news"));
        phone(account, newsChannel, "+27831110003", "what?");
        Platform.sleep(1500);
        assertEquals(2, outbox(account, newsChannel).size(), "a word no handler knows gets no reply");

        // a config is checked when it is stored, and the refusal names the key
        Answer unknown = conversation(account,
                "{\"type\":\"static_reply\",\"name\":\"x\",\"config\":{\"reply\":\"hi\"}}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("reply_text"), unknown.body());
        Answer badHandler = conversation(account, "{\"type\":\"subscription\",\"name\":\"x\",\"config\":{\"handlers\":"
                + "[{\"keyword\":\"a\",\"operation\":\"join\",\"campaign_name\":\"c\"}]}}");
        assertEquals(400, badHandler.status(), badHandler.body());
        assertTrue(badHandler.body().contains("handlers[0].operation"), badHandler.body());
        Answer code = conversation(account, "{\"type\":\"opt_out\",\"name\":\"x\",\"javascript\":\"1\"}");
        assertEquals(400, code.status(), code.body());
    }

    @Test
    void aDialoguePollRunsASurveyWithoutCode() {
        TestAccount account = Platform.account("dialogue");
        String members = group(account, "red fans");
        String poll = POLL.replace("GROUP", members);
        // a group step naming a group the account does not have is refused when the poll is stored
        assertRefused(conversation(account, "{\"type\":\"dialogue\",\"name\":\"x\",\"config\":{\"poll\":"
                + POLL.replace("GROUP", "no-such-group") + "}}"), 400, "no-such-group");
        assertRefused(conversation(account, "{\"type\":\"dialogue\",\"name\":\"x\",\"config\":{\"poll\":"
                + poll.replace("{\"uuid\": \"in-bye\"}}]}", "{\"uuid\": \"in-nowhere\"}}]}") + "}}"), 400,
                "poll.connections[3].target");
        String survey = account.createConversation("{\"type\":\"dialogue\",\"name\":\"colours\",\"config\":{"
                + "\"poll\":" + poll + "}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1004\",\"conversation_id\":\""
                + survey + "\"}");
        List<String> asked = survey(account, survey, channel, "+27831110004");
        assertTrue(asked.get(0).startsWith("Favourite colour?\n1. Red\n2. Blue"), asked.get(0));
        assertEquals(List.of("Your name?", "Thank you"), asked.subList(1, 3));
        JsonObject answered = contact(account, "+27831110004");
        assertEquals("red", answered.getJsonObject("extra").getString("colour"));
        assertEquals("red", answered.getJsonObject("extra").getString("colour-1"), "Vumi Go's numbered answer");
        assertEquals("Ada", answered.getJsonObject("extra").getString("name"));
        assertTrue(answered.getJsonArray("groups").toString().contains(members), answered.toString());

        // the group is deleted after the poll was stored: the survey goes on without it, and the app's log says so
        Answer deleted = account.delete("/api/v1/go/groups/" + members);
        assertTrue(deleted.status() < 300, deleted.toString());
        List<String> again = survey(account, survey, channel, "+27831110005");
        assertEquals(List.of("Your name?", "Thank you"), again.subList(1, 3), "the survey went on");
        assertTrue(admin("GET", "/api/admin/accounts/" + account.id() + "/conversations/" + survey + "/logs", null)
                .body().contains("the account has no group " + members), "the app logged the missing group");
    }

    /** A phone answers the survey: hello, 1 (Red), Ada; returns what the app said, in order. */
    private static List<String> survey(TestAccount account, String survey, String channel, String from) {
        int before = outbox(account, channel).size();
        String[] answers = {"hello", "1", "Ada"};
        for (int i = 0; i < answers.length; i++) {
            phone(account, channel, from, answers[i]);
            int expected = before + i + 1;
            try {
                Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, channel),
                        list -> list.size() >= expected, "the survey's message " + expected);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the app's log: " + admin("GET", "/api/admin/accounts/"
                        + account.id() + "/conversations/" + survey + "/logs", null).body(), e);
            }
        }
        return outbox(account, channel).stream().skip(before).map(m -> m.getString("content")).toList();
    }

    @Test
    void aDialoguePushAsksEachContactOfItsGroupsOnceAndTheirAnswersGoOn() {
        TestAccount account = Platform.account("dialogue push");
        String panel = group(account, "panel");
        String fans = group(account, "fans");
        List<String> numbers = List.of("+27833330001", "+27833330002", "+27833330003");
        numbers.forEach(number -> addContact(account, number, List.of(panel)));
        addContact(account, numbers.get(0), List.of(panel)); // the same number twice: asked once
        addContact(account, null, List.of(panel)); // no number: skipped
        String survey = account.createConversation("{\"type\":\"dialogue\",\"name\":\"panel survey\",\"config\":{"
                + "\"poll\":" + POLL.replace("GROUP", fans) + ",\"groups\":[\"" + panel + "\"]}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1006\",\"conversation_id\":\""
                + survey + "\"}");
        String base = "/api/admin/accounts/" + account.id() + "/conversations/" + survey + "/bulk_sends";
        assertRefused(admin("POST", base, "{\"message\":\"hi\"}"), 400, "'message' is not taken");

        Answer preview = admin("POST", base + "/preview", "{}");
        assertEquals(200, preview.status(), preview.body());
        assertEquals(3, preview.json().getInt("recipients"), preview.body());
        Answer pushed = admin("POST", base, "{}"); // the groups of the dialogue's config
        assertEquals(201, pushed.status(), pushed.body());
        assertEquals("trigger", pushed.json().getString("kind"));
        assertTrue(pushed.json().isNull("message"), pushed.body());
        String id = pushed.json().getString("id");
        JsonObject done = Platform.eventually(Duration.ofSeconds(60), () -> admin("GET", base + "/" + id, null).json(),
                json -> json.getString("state").equals("completed")
                        && json.getJsonObject("counts").getInt("sent") == 3,
                "the push to 3 numbers, all sent");
        assertEquals(Map.of("no_address", 1, "duplicate", 1, "opted_out", 0),
                skipped(done.getJsonObject("counts")), done.toString());

        List<JsonObject> asked = outbox(account, channel);
        assertEquals(numbers, asked.stream().map(m -> m.getString("to")).sorted().toList(),
                "each number asked once: " + asked);
        asked.forEach(m -> assertTrue(m.getString("content").startsWith("Favourite colour?\n1. Red"), m.toString()));

        // a contact answers the pushed question by SMS: the survey goes on from there
        phone(account, channel, numbers.get(1), "1");
        List<JsonObject> next = Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, channel),
                list -> list.size() == 4, "the survey's next question");
        assertEquals("Your name?", next.get(3).getString("content"));
        assertEquals(numbers.get(1), next.get(3).getString("to"));
        assertTrue(contact(account, numbers.get(1)).getJsonArray("groups").toString().contains(fans));

        // the same push again within the repeat window needs a confirmation
        assertRefused(admin("POST", base, "{}"), 409, "pushed to the same groups");
    }

    /** A survey: a choice (Red to a group step, Blue to the end), the group step, a question, the end. */
    static final String POLL = """
            {"start_state": {"uuid": "colour"}, "poll_metadata": {"repeatable": false},
             "states": [
              {"uuid": "colour", "type": "choice", "store_as": "colour", "text": "Favourite colour?",
               "choice_endpoints": [{"value": "red", "label": "Red", "uuid": "e-red"},
                                    {"value": "blue", "label": "Blue", "uuid": "e-blue"}]},
              {"uuid": "join", "type": "group", "group": {"key": "GROUP"},
               "entry_endpoint": {"uuid": "in-join"}, "exit_endpoint": {"uuid": "out-join"}},
              {"uuid": "name", "type": "freetext", "store_as": "name", "text": "Your name?",
               "entry_endpoint": {"uuid": "in-name"}, "exit_endpoint": {"uuid": "out-name"}},
              {"uuid": "bye", "type": "end", "text": "Thank you", "entry_endpoint": {"uuid": "in-bye"}}],
             "connections": [{"source": {"uuid": "e-red"}, "target": {"uuid": "in-join"}},
                             {"source": {"uuid": "out-join"}, "target": {"uuid": "in-name"}},
                             {"source": {"uuid": "e-blue"}, "target": {"uuid": "in-bye"}},
                             {"source": {"uuid": "out-name"}, "target": {"uuid": "in-bye"}}]}""";

    @Test
    void bulkSendReachesEachContactOnceAndSaysWhoItSkipped() {
        TestAccount account = Platform.account("bulk send");
        String stop = account.createConversation("{\"type\":\"opt_out\",\"name\":\"stop\"}");
        String stopChannel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"2002\",\"conversation_id\":\""
                + stop + "\"}");
        String bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"news\"}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"2001\",\"conversation_id\":\""
                + bulk + "\"}");
        String members = group(account, "members");
        String donors = group(account, "donors");
        String empty = group(account, "nobody");
        for (int i = 0; i < 20; i++) {
            addContact(account, "+2783222" + String.format("%04d", i), i < 15 ? List.of(members) : List.of(donors));
        }
        for (int i = 0; i < 5; i++) {
            addContact(account, "+2783222" + String.format("%04d", i), List.of(members, donors)); // the same numbers
        }
        addContact(account, null, List.of(members)); // no number
        addContact(account, "+27832229999", List.of(members, donors)); // in both groups: one recipient
        phone(account, stopChannel, "+27832220007", "stop");
        Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, stopChannel), list -> !list.isEmpty(),
                "the opt-out");

        String base = "/api/admin/accounts/" + account.id() + "/conversations/" + bulk + "/bulk_sends";
        String send = "{\"message\":\"Meeting at 6 \u20ac\",\"group_keys\":[\"" + members + "\",\"" + donors
                + "\"],\"dedupe\":true}";
        Answer preview = admin("POST", base + "/preview", send);
        assertEquals(200, preview.status(), preview.body());
        // 27 contacts: 21 numbers once, 5 repeated, 1 without; +27832220007 opted out
        assertEquals(27, preview.json().getInt("contacts"), preview.body());
        assertEquals(20, preview.json().getInt("recipients"), preview.body());
        assertEquals(Map.of("no_address", 1, "duplicate", 5, "opted_out", 1), skipped(preview.json()));
        assertEquals("GSM-7", preview.json().getString("encoding"));
        assertEquals(15, preview.json().getInt("characters"), "the euro sign takes two septets");

        Answer created = admin("POST", base, send);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        JsonObject done = Platform.eventually(Duration.ofSeconds(60), () -> admin("GET", base + "/" + id, null).json(),
                s -> s.getString("state").equals("completed") && s.getJsonObject("counts").getInt("sent") == 20,
                "the send to complete");
        JsonObject counts = done.getJsonObject("counts");
        assertEquals(21, counts.getInt("recipients"));
        assertEquals(20, counts.getInt("accepted"));
        assertEquals(100, done.getInt("progress"));
        assertEquals(Map.of("no_address", 1, "duplicate", 5, "opted_out", 1), skipped(counts));
        Map<String, Long> perAddress = outbox(account, channel).stream()
                .collect(Collectors.groupingBy(m -> m.getString("to"), Collectors.counting()));
        assertEquals(20, perAddress.size(), perAddress.toString());
        assertTrue(perAddress.values().stream().allMatch(n -> n == 1), perAddress.toString());
        assertTrue(!perAddress.containsKey("+27832220007"), "the opted-out number got nothing");
        assertEquals("Meeting at 6 \u20ac", outbox(account, channel).get(0).getString("content"));

        // the same again is refused unless confirmed
        Answer again = admin("POST", base, send);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("confirm") && again.body().contains(id), again.body());
        Answer confirmed = admin("POST", base, send.replace("}", ",\"confirm\":true}"));
        assertEquals(201, confirmed.status(), confirmed.body());

        // what cannot be sent is refused with what is wrong, and nothing is stored
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"group_keys\":[\"" + empty + "\"]}"), 400,
                "no contacts");
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"group_keys\":[\"nope\"]}"), 400, "nope");
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"group_keys\":[\"" + members
                + "\"],\"delivery_class\":\"ussd\"}"), 400, "No ussd channel");
        assertRefused(admin("POST", base, "{\"message\":\"\",\"group_keys\":[\"" + members + "\"]}"), 400,
                "'message'");
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"groups\":[]}"), 400, "Unknown field 'groups'");
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"group_keys\":\"" + members + "\"}"), 400,
                "'group_keys'");
        assertRefused(admin("POST", base, "{\"message\":\"hi\",\"group_keys\":[\"" + members
                + "\"],\"scheduled_for\":\"tomorrow\"}"), 400, "'scheduled_for'");
        assertRefused(admin("POST", "/api/admin/accounts/" + account.id() + "/conversations/" + stop
                + "/bulk_sends", "{\"message\":\"hi\",\"group_keys\":[\"" + members + "\"]}"), 400, "opt_out");
        assertEquals(2, admin("GET", base, null).json().getJsonArray("bulk_sends").size());
        // another account sees none of it
        TestAccount other = Platform.account("bulk other");
        assertEquals(404, admin("GET", "/api/admin/accounts/" + other.id() + "/conversations/" + bulk
                + "/bulk_sends/" + id, null).status());
    }

    @Test
    void aSendIsScheduledPausedResumedAndCancelled() {
        TestAccount account = Platform.account("bulk states");
        String bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"later\","
                + "\"config\":{\"delivery_class\":\"sms\"}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3001\",\"conversation_id\":\""
                + bulk + "\"}");
        String group = group(account, "later");
        for (int i = 0; i < 5; i++) {
            addContact(account, "+2783333000" + i, List.of(group));
        }
        String base = "/api/admin/accounts/" + account.id() + "/conversations/" + bulk + "/bulk_sends";
        Answer scheduled = admin("POST", base, "{\"message\":\"first\",\"group_keys\":[\"" + group
                + "\"],\"scheduled_for\":\"" + Instant.now().plusSeconds(4) + "\"}");
        assertEquals(201, scheduled.status(), scheduled.body());
        assertEquals("scheduled", scheduled.json().getString("state"));
        String first = scheduled.json().getString("id");
        Platform.eventually(Duration.ofSeconds(40), () -> admin("GET", base + "/" + first, null).json(),
                s -> s.getString("state").equals("completed"), "the scheduled send to run at its time");
        assertEquals(5, outbox(account, channel).size());

        Answer later = admin("POST", base, "{\"message\":\"second\",\"group_keys\":[\"" + group
                + "\"],\"scheduled_for\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        String second = later.json().getString("id");
        assertEquals("paused", admin("POST", base + "/" + second + "/pause", null).json().getString("state"));
        assertRefused(admin("POST", base + "/" + second + "/pause", null), 409, "paused");
        assertEquals("running", admin("POST", base + "/" + second + "/resume", null).json().getString("state"));
        Platform.eventually(Duration.ofSeconds(40), () -> admin("GET", base + "/" + second, null).json(),
                s -> s.getString("state").equals("completed"), "the resumed send to complete");
        assertRefused(admin("POST", base + "/" + second + "/cancel", null), 409, "completed");

        Answer third = admin("POST", base, "{\"message\":\"third\",\"group_keys\":[\"" + group
                + "\"],\"scheduled_for\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        assertEquals("cancelled", admin("POST", base + "/" + third.json().getString("id") + "/cancel", null).json()
                .getString("state"));
        Platform.sleep(3000);
        assertEquals(10, outbox(account, channel).size(), "a cancelled send sends nothing");
        assertEquals(404, admin("GET", base + "/nope", null).status());
    }

    /**
     * A sequential_send runs at each time its schedule names: every contact of its groups gets the message of their
     * own place, once a slot, and a contact who has had them all gets nothing more.
     */
    @Test
    void aSequentialSendGivesEachContactTheNextMessage() {
        TestAccount account = Platform.account("sequential send");
        String course = group(account, "course");
        for (int i = 0; i < 3; i++) {
            addContact(account, "+2783555000" + i, List.of(course));
        }
        String sequence = account.createConversation("{\"type\":\"sequential_send\",\"name\":\"lessons\","
                + "\"config\":" + sequenceConfig(course, Instant.now().plusSeconds(3)) + "}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4040\",\"conversation_id\":\""
                + sequence + "\"}");
        List<JsonObject> first = Platform.eventually(Duration.ofSeconds(60), () -> outbox(account, channel),
                list -> list.size() >= 3, "the first slot's messages");
        Platform.sleep(2000);
        assertEquals(3, outbox(account, channel).size(), "one message each in a slot");
        assertTrue(first.stream().allMatch(m -> m.getString("content").equals("Lesson 1")), first.toString());
        assertEquals(3, first.stream().map(m -> m.getString("to")).distinct().count());

        // the next slot: each contact's next message
        Answer later = admin("PUT", "/api/admin/accounts/" + account.id() + "/conversations/" + sequence + "/config",
                sequenceConfig(course, Instant.now().plusSeconds(3)));
        assertEquals(200, later.status(), later.body());
        List<JsonObject> second = Platform.eventually(Duration.ofSeconds(60), () -> outbox(account, channel),
                list -> list.size() >= 6, "the second slot's messages");
        assertTrue(second.subList(3, 6).stream().allMatch(m -> m.getString("content").equals("Lesson 2")),
                second.toString());

        // a third slot: everybody has had both lessons, nobody gets a third
        assertEquals(200, admin("PUT", "/api/admin/accounts/" + account.id() + "/conversations/" + sequence
                + "/config", sequenceConfig(course, Instant.now().plusSeconds(3))).status());
        String runs = "/api/admin/accounts/" + account.id() + "/conversations/" + sequence + "/bulk_sends";
        JsonObject last = Platform.eventually(Duration.ofSeconds(60), () -> admin("GET", runs, null).json()
                .getJsonArray("bulk_sends"),
                list -> list.size() == 3
                        && list.getJsonObject(0).getString("state").equals("completed"),
                "the third run")
                .getJsonObject(0);
        assertEquals(0, last.getJsonObject("counts").getInt("recipients"), last.toString());
        Platform.sleep(1500);
        assertEquals(6, outbox(account, channel).size(), "nothing past the last lesson");
    }

    private static String sequenceConfig(String group, Instant at) {
        return "{\"schedule\":{\"recurring\":\"daily\",\"time\":\"" + java.time.LocalTime.ofInstant(at,
                java.time.ZoneOffset.UTC).withNano(0) + "\"},\"messages\":[\"Lesson 1\",\"Lesson 2\"],"
                + "\"groups\":[\"" + group + "\"]}";
    }

    static Answer admin(String method, String path, String body) {
        return Platform.request(method, path, Platform.ADMIN, body);
    }

    private static Answer conversation(TestAccount account, String json) {
        return admin("POST", "/api/admin/accounts/" + account.id() + "/conversations", json);
    }

    static void assertRefused(Answer answer, int status, String says) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.body().contains(says), answer.body() + " should say " + says);
    }

    private static Map<String, Integer> skipped(JsonObject json) {
        JsonObject skipped = json.getJsonObject("skipped");
        return skipped.keySet().stream().collect(Collectors.toMap(Function.identity(), skipped::getInt));
    }

    static void phone(TestAccount account, String channel, String from, String content) {
        Answer sent = account.post("/api/fake/channels/" + channel + "/inbound", "{\"from\":" + Platform.quote(from)
                + ",\"content\":" + Platform.quote(content) + "}");
        assertEquals(201, sent.status(), sent.body());
    }

    static List<JsonObject> outbox(TestAccount account, String channel) {
        return account.get("/api/fake/channels/" + channel + "/outbox").json().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    static String group(TestAccount account, String name) {
        Answer group = account.post("/api/v1/go/groups/", "{\"name\":" + Platform.quote(name) + "}");
        assertEquals(200, group.status(), group.body());
        return group.json().getString("key");
    }

    static void addContact(TestAccount account, String msisdn, List<String> groups) {
        List<String> quoted = new ArrayList<>();
        groups.forEach(g -> quoted.add(Platform.quote(g)));
        Answer contact = account.post("/api/v1/go/contacts/", "{" + (msisdn == null
                ? ""
                : "\"msisdn\":"
                        + Platform.quote(msisdn) + ",")
                + "\"groups\":[" + String.join(",", quoted) + "]}");
        assertTrue(contact.status() == 200 || contact.status() == 201, contact.toString());
    }

    private static JsonObject contact(TestAccount account, String msisdn) {
        Answer found = account.get("/api/v1/go/contacts/?query=msisdn=" + msisdn.replace("+", "%2B"));
        assertEquals(200, found.status(), found.body());
        return found.json().getJsonArray("data").getJsonObject(0);
    }
}
