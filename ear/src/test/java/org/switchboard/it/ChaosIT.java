package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos test's short version ({@code config/bin/switchboard chaos} runs the long one): 600 sends under load while
 * the broker, Payara and the broker again are killed with SIGKILL; every accepted message reaches the vendor, its
 * event reaches the event_url with one event_id, and duplicates stay within what was in flight at the Payara kill.
 */
@ExtendWith(ArquillianExtension.class)
class ChaosIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void killsLoseNothingAcceptedAndCountTheirDuplicates() throws Exception {
        Chaos.Outcome outcome = Chaos.run(new Chaos.Settings(600, "bpb", 8,
                Path.of(System.getProperty("switchboard.runtime")), Integer.getInteger("it.broker.port")));
        System.out.println(outcome.report());
        assertTrue(outcome.accepted() >= 600, outcome.report()); // senders in flight when it got there add a few
        assertEquals(3, outcome.payaraKills() + outcome.brokerKills(), outcome.report());
        assertEquals(0, outcome.missingAtVendor(), outcome.report());
        assertEquals(0, outcome.withoutEvent(), outcome.report());
        assertEquals(0, outcome.unstableEventIds(), outcome.report());
        assertTrue(outcome.duplicates() <= outcome.duplicateBound(), outcome.report());
    }
}
