package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * Nothing accepted is lost: the Payara JVM is killed with SIGKILL while an accepted message is still on its way to
 * the vendor, restarted, and the message is then delivered and its event posted exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    private static final Path RUNTIME = Path.of(System.getProperty("switchboard.runtime"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void messageAcceptedBeforeACrashIsDeliveredOnceAfterTheRestart() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestAccount account = Platform.account("crash");
            String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4321\"}");
            // the fake vendor holds "delayNNN" messages, so the consumer is still in its transaction when we kill
            Answer accepted = account.post("/channels/" + channel + "/messages",
                    "{\"to\":\"+27832220000\",\"content\":\"survive delay6000\",\"event_url\":"
                            + Platform.quote(receiver.url("/events")) + "}");
            assertEquals(201, accepted.status(), accepted.body());
            String id = accepted.json().getJsonObject("result").getString("message_id");

            Platform.sleep(1500);
            Chaos.killPayara(RUNTIME);
            assertEquals(0, receiver.matching(r -> true).size(), "no event may have been posted before the crash");
            Chaos.startPayara(RUNTIME);

            receiver.await(r -> r.body().getString("message_id").equals(id), Duration.ofSeconds(180),
                    "the event of " + id + " after the restart");
            Platform.sleep(8000); // time for a duplicate to show up, if there were one
            assertEquals(1, receiver.matching(r -> r.body().getString("message_id").equals(id)).size());
            assertEquals("submitted", receiver.matching(r -> true).get(0).body().getString("event_type"));
            long atVendor = account.get("/api/fake/channels/" + channel + "/outbox").json()
                    .getJsonArray("messages").stream()
                    .filter(m -> m.asJsonObject().getString("message_id").equals(id))
                    .count();
            assertEquals(1, atVendor, "the fake vendor must have been sent the message exactly once");
        }
    }

    /**
     * A bulk send killed in the middle (Payara with SIGKILL while its messages are being stored and sent) finishes
     * after the restart with every contact given exactly one message: one message id per number, each at the vendor,
     * the only repeats at the vendor being of the same message id (the engine's at-least-once to a vendor, at most
     * the channel's max_in_flight per kill).
     */
    @Test
    void bulkSendKilledInTheMiddleMessagesEveryContactOnce() throws Exception {
        TestAccount account = Platform.account("crash bulk");
        String bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"crash\"}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"4400\",\"rate_per_second\":50,"
                + "\"max_in_flight\":20,\"conversation_id\":\"" + bulk + "\"}");
        String group = CampaignsIT.group(account, "everyone");
        int contacts = 1000;
        for (int i = 0; i < contacts; i++) {
            CampaignsIT.addContact(account, "+2784" + String.format("%07d", i), java.util.List.of(group));
        }
        String base = "/api/admin/accounts/" + account.id() + "/conversations/" + bulk + "/bulk_sends";
        Answer created = CampaignsIT.admin("POST", base, "{\"message\":\"once only\",\"group_keys\":[\"" + group
                + "\"]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        jakarta.json.JsonObject before = Platform.eventually(Duration.ofSeconds(60),
                () -> CampaignsIT.admin("GET", base + "/" + id, null).json(),
                s -> s.getJsonObject("counts").getInt("sent") >= 200, "the send to be under way");
        Chaos.killPayara(RUNTIME);
        int storedBefore = before.getJsonObject("counts").getInt("accepted");
        Chaos.startPayara(RUNTIME);

        jakarta.json.JsonObject done = Platform.eventually(Duration.ofSeconds(240),
                () -> CampaignsIT.admin("GET", base + "/" + id, null).json(),
                s -> s.getString("state").equals("completed") && s.getJsonObject("counts").getInt("queued") == 0,
                "the send to finish after the restart");
        assertEquals(contacts, done.getJsonObject("counts").getInt("accepted"), done.toString());
        assertEquals(contacts, done.getJsonObject("counts").getInt("sent"), done.toString());
        assertTrue(storedBefore < contacts, "the kill came while the send was storing (" + storedBefore + " stored)");
        java.util.List<jakarta.json.JsonObject> outbox = CampaignsIT.outbox(account, channel);
        java.util.Map<String, java.util.Set<String>> idsPerNumber = new java.util.HashMap<>();
        outbox.forEach(m -> idsPerNumber.computeIfAbsent(m.getString("to"), k -> new java.util.HashSet<>())
                .add(m.getString("message_id")));
        assertEquals(contacts, idsPerNumber.size(), "every contact reached");
        assertTrue(idsPerNumber.values().stream().allMatch(ids -> ids.size() == 1),
                "one message per contact, never a second one");
        long repeats = outbox.size() - contacts;
        assertTrue(repeats <= 20, repeats + " repeats at the vendor; at most max_in_flight for one kill");
    }
}
