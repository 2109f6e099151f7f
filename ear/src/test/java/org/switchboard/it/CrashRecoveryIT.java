package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
