package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.it.CampaignsIT.addContact;
import static org.switchboard.it.CampaignsIT.admin;
import static org.switchboard.it.CampaignsIT.assertRefused;
import static org.switchboard.it.CampaignsIT.group;
import static org.switchboard.it.CampaignsIT.outbox;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * Routers and the routing table over the fake vendor, end to end: a keyword router, a group router and an app
 * multiplexer (a USSD menu, its session kept) in front of ready-made apps; a conversation's sends found through a
 * router; the table read, replaced and followed by the next message; a binding made on a channel shown as its two
 * entries; and every kind of wrong table refused with the entry named and nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
class RoutingIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void keywordAndGroupRoutersChooseTheConversation() {
        TestAccount account = Platform.account("keyword router");
        String quiz = reply(account, "quiz", "Quiz starts now");
        String help = reply(account, "help", "How can we help?");
        String news = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"news\"}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3001\"}");
        String router = router(account, "{\"type\":\"keyword\",\"name\":\"keywords\",\"config\":"
                + "{\"keyword_endpoint_mapping\":{\"Quiz\":\"quiz\",\"news\":\"news\"}}}");
        Answer table = table(account, "{"
                + entry("CHANNEL:" + channel, "default", "ROUTER:" + router + ":INBOUND", "default") + ","
                + "\"ROUTER:" + router + ":OUTBOUND\":{\"quiz\":[\"CONVERSATION:" + quiz + "\",\"default\"],"
                + "\"default\":[\"CONVERSATION:" + help + "\",\"default\"]},"
                + entry("CONVERSATION:" + news, "default", "ROUTER:" + router + ":OUTBOUND", "news") + ","
                + entry("ROUTER:" + router + ":INBOUND", "default", "CHANNEL:" + channel, "default") + "}");
        assertEquals(200, table.status(), table.body());
        assertTrue(table.json().getJsonArray("warnings").toString().contains("endpoint 'news'"),
                "the router's news endpoint routes to nothing inbound: " + table.body());
        assertEquals(table.json().getJsonObject("routing_table"), routing(account).getJsonObject("routing_table"),
                "the table reads back as stored");

        phone(account, channel, "+27833330001", "QUIZ me", null);
        phone(account, channel, "+27833330002", "hello", null);
        phone(account, channel, "+27833330003", "quizzes", null);
        List<JsonObject> sent = Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, channel),
                list -> list.size() == 3, "three replies");
        assertEquals("Quiz starts now", to(sent, "+27833330001"));
        assertEquals("How can we help?", to(sent, "+27833330002"), "no keyword: the default endpoint");
        assertEquals("How can we help?", to(sent, "+27833330003"), "a keyword is a whole word");

        // a bulk send of a conversation behind the router finds its channel through it
        String members = group(account, "members");
        addContact(account, "+27833339001", List.of(members));
        Answer bulk = admin("POST", "/api/admin/accounts/" + account.id() + "/conversations/" + news
                + "/bulk_sends", "{\"message\":\"Big news\",\"group_keys\":[\"" + members + "\"]}");
        assertEquals(201, bulk.status(), bulk.body());
        assertEquals(channel, bulk.json().getString("channel_id"));
        Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, channel),
                list -> list.stream().anyMatch(m -> m.getString("content").equals("Big news")), "the bulk message");

        // the next message follows a changed table: the channel straight to help
        assertEquals(200, table(account, "{" + entry("CHANNEL:" + channel, "default", "CONVERSATION:" + help,
                "default") + "}").status());
        phone(account, channel, "+27833330004", "quiz", null);
        assertEquals("How can we help?", to(Platform.eventually(Duration.ofSeconds(30),
                () -> outbox(account, channel), list -> list.size() == 5, "the reply after the change"),
                "+27833330004"));

        // a group router: the first rule whose group the sender is in
        String vip = group(account, "vip");
        String vipReply = reply(account, "vip", "Welcome back, VIP");
        addContact(account, "+27833331001", List.of(members, vip));
        String groups = router(account, "{\"type\":\"group\",\"name\":\"by group\",\"config\":{\"rules\":"
                + "[{\"group\":\"" + vip + "\",\"endpoint\":\"vip\"}]}}");
        String second = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3002\"}");
        assertEquals(200, table(account, "{"
                + entry("CHANNEL:" + second, "default", "ROUTER:" + groups + ":INBOUND", "default") + ","
                + "\"ROUTER:" + groups + ":OUTBOUND\":{\"vip\":[\"CONVERSATION:" + vipReply + "\",\"default\"],"
                + "\"default\":[\"CONVERSATION:" + help + "\",\"default\"]}}").status());
        phone(account, second, "+27833331001", "hi", null);
        phone(account, second, "+27833331999", "hi", null);
        List<JsonObject> answered = Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, second),
                list -> list.size() == 2, "the group router's two replies");
        assertEquals("Welcome back, VIP", to(answered, "+27833331001"));
        assertEquals("How can we help?", to(answered, "+27833331999"), "an unknown sender: default");

        // a router whose endpoint the table routes from keeps it, and a deleted router takes its entries along
        assertRefused(admin("PUT", routerPath(account, groups), "{\"config\":{\"rules\":[]}}"), 400,
                "no endpoint 'vip'");
        assertEquals(204, admin("DELETE", routerPath(account, groups), null).status());
        assertEquals(404, admin("GET", routerPath(account, groups), null).status());
        assertEquals(List.of(), List.copyOf(routing(account).getJsonObject("routing_table").keySet()));
    }

    @Test
    void anAppMultiplexerKeepsTheChoiceForTheSession() {
        TestAccount account = Platform.account("app multiplexer");
        String quiz = reply(account, "quiz", "Quiz: what is 2+2?");
        String info = reply(account, "info", "Open 9 to 5");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"*120*77#\","
                + "\"transport_type\":\"ussd\"}");
        String menu = router(account, "{\"type\":\"app_multiplexer\",\"name\":\"menu\",\"config\":{"
                + "\"menu_title\":{\"content\":\"Pick one\"},\"entries\":[{\"label\":\"Quiz\",\"endpoint\":\"quiz\"},"
                + "{\"label\":\"Info\",\"endpoint\":\"info\"}]}}");
        assertEquals(200, table(account, "{"
                + entry("CHANNEL:" + channel, "default", "ROUTER:" + menu + ":INBOUND", "default") + ","
                + "\"ROUTER:" + menu + ":OUTBOUND\":{\"quiz\":[\"CONVERSATION:" + quiz + "\",\"default\"],"
                + "\"info\":[\"CONVERSATION:" + info + "\",\"default\"]}}").status());
        String phone = "+27834440001";
        assertEquals("Pick one\n1) Quiz\n2) Info", talk(account, channel, phone, null, "new", 1));
        assertTrue(talk(account, channel, phone, "7", "resume", 2).startsWith("That is an incorrect choice"));
        assertEquals("Pick one\n1) Quiz\n2) Info", talk(account, channel, phone, "1", "resume", 3),
                "1) Try Again shows the menu again");
        assertEquals("Open 9 to 5", talk(account, channel, phone, "2", "resume", 4), "the chosen app answers");
        assertEquals("close", outbox(account, channel).get(3).getString("session_event"));
        assertEquals("Pick one\n1) Quiz\n2) Info", talk(account, channel, phone, null, "new", 5),
                "a new session starts at the menu");
        assertEquals("Quiz: what is 2+2?", talk(account, channel, phone, "1", "resume", 6));
    }

    @Test
    void aWrongTableIsRefusedNamingTheEntryAndNothingChanges() {
        TestAccount account = Platform.account("wrong tables");
        TestAccount other = Platform.account("someone else");
        String conversation = reply(account, "hi", "Hi");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3101\",\"conversation_id\":\""
                + conversation + "\"}");
        String theirs = other.createChannel("{\"vendor\":\"fake\",\"address\":\"3102\"}");
        String a = router(account, "{\"type\":\"keyword\",\"name\":\"a\",\"config\":{\"keyword_endpoint_mapping\":"
                + "{\"x\":\"x\"}}}");
        String b = router(account, "{\"type\":\"keyword\",\"name\":\"b\"}");
        JsonObject before = routing(account);
        // the binding made on the channel is two entries of the table
        assertEquals(new Answer(200, "{" + entry("CHANNEL:" + channel, "default", "CONVERSATION:" + conversation,
                "default") + "," + entry("CONVERSATION:" + conversation, "default", "CHANNEL:" + channel, "default")
                + "}").json(), before.getJsonObject("routing_table"));

        assertRefused(table(account, "{" + entry("CHANNEL:" + channel, "default", "CHANNEL:" + channel, "default")
                + "}"), 400, "cannot route to");
        assertRefused(table(account, "{" + entry("CHANNEL:" + channel, "default", "CONVERSATION:nope", "default")
                + "}"), 400, "routing_table[\\\"CHANNEL:" + channel + "\\\"][\\\"default\\\"]: the account has no"
                        + " conversation 'nope'");
        assertRefused(table(account, "{" + entry("CHANNEL:" + theirs, "default", "CONVERSATION:" + conversation,
                "default") + "}"), 400, "has no channel '" + theirs + "'");
        assertRefused(table(account, "{" + entry("ROUTER:" + a + ":OUTBOUND", "y", "CONVERSATION:" + conversation,
                "default") + "}"), 400, "has no endpoint 'y'");
        assertRefused(table(account, "{" + entry("CHANNEL:" + channel, "sms", "CONVERSATION:" + conversation,
                "default") + "}"), 400, "one endpoint, 'default'");
        assertRefused(table(account, "{" + entry("TAG:1", "default", "CONVERSATION:" + conversation, "default")
                + "}"), 400, "is not a connector");
        assertRefused(table(account, "{\"CHANNEL:" + channel + "\":{\"default\":\"CONVERSATION:" + conversation
                + "\"}}"), 400, "[target connector, target endpoint]");
        assertRefused(admin("PUT", "/api/admin/accounts/" + account.id() + "/routing_table", "{\"table\":{}}"), 400,
                "Unknown key 'table'");
        assertRefused(table(account, "{" // a → b → a
                + "\"ROUTER:" + a + ":OUTBOUND\":{\"x\":[\"ROUTER:" + b + ":INBOUND\",\"default\"]},"
                + "\"ROUTER:" + b + ":OUTBOUND\":{\"default\":[\"ROUTER:" + a + ":INBOUND\",\"default\"]}}"),
                400, "loop through routers");
        assertEquals(before, routing(account), "a refused table changes nothing");

        assertRefused(admin("POST", "/api/admin/accounts/" + account.id() + "/routers",
                "{\"type\":\"regex\",\"name\":\"r\"}"), 400, "keyword, group or app_multiplexer");
        assertRefused(admin("POST", "/api/admin/accounts/" + account.id() + "/routers",
                "{\"type\":\"group\",\"name\":\"r\",\"config\":{\"rules\":[{\"group\":\"nope\",\"endpoint\":\"e\"}]}}"),
                400, "rules[0].group");
        assertEquals(404, admin("GET", routerPath(other, a), null).status(), "another account's router");
    }

    private static String reply(TestAccount account, String name, String text) {
        return account.createConversation("{\"type\":\"static_reply\",\"name\":\"" + name + "\",\"config\":"
                + "{\"reply_text\":" + Platform.quote(text) + "}}");
    }

    private static String router(TestAccount account, String json) {
        Answer made = admin("POST", "/api/admin/accounts/" + account.id() + "/routers", json);
        assertEquals(201, made.status(), made.body());
        return made.json().getString("id");
    }

    private static String routerPath(TestAccount account, String router) {
        return "/api/admin/accounts/" + account.id() + "/routers/" + router;
    }

    private static String entry(String from, String fromEndpoint, String to, String toEndpoint) {
        return "\"" + from + "\":{\"" + fromEndpoint + "\":[\"" + to + "\",\"" + toEndpoint + "\"]}";
    }

    private static Answer table(TestAccount account, String entries) {
        return admin("PUT", "/api/admin/accounts/" + account.id() + "/routing_table",
                "{\"routing_table\":" + entries + "}");
    }

    private static JsonObject routing(TestAccount account) {
        Answer table = admin("GET", "/api/admin/accounts/" + account.id() + "/routing_table", null);
        assertEquals(200, table.status(), table.body());
        return table.json();
    }

    private static void phone(TestAccount account, String channel, String from, String content, String event) {
        Answer sent = account.post("/api/fake/channels/" + channel + "/inbound", "{\"from\":" + Platform.quote(from)
                + (content == null ? "" : ",\"content\":" + Platform.quote(content))
                + (event == null ? "" : ",\"session_event\":\"" + event + "\"") + "}");
        assertEquals(201, sent.status(), sent.body());
    }

    /** What the phone is answered, the {@code n}th message the channel sent. */
    private static String talk(TestAccount account, String channel, String from, String content, String event,
            int n) {
        phone(account, channel, from, content, event);
        return Platform.eventually(Duration.ofSeconds(30), () -> outbox(account, channel), list -> list.size() >= n,
                "answer " + n).get(n - 1).getString("content");
    }

    private static String to(List<JsonObject> sent, String phone) {
        return sent.stream().filter(m -> m.getString("to").equals(phone)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing to " + phone + " in " + sent)).getString("content");
    }
}
