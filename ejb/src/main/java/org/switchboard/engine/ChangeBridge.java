package org.switchboard.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.cache.Changed;

/**
 * Carries the {@link Changed} events of this instance to the others, so that a change made through one is used by the
 * next request on any: each committed change is published on the topic {@value Queues#CHANGES} with the name of the
 * instance it came from, and {@link ChangeConsumer} fires it again on every other instance, where the caches drop the
 * row. A change whose notice is lost (the broker failed over as it was sent) is seen there once the row's 5 s in the
 * cache are over.
 */
@ApplicationScoped
public class ChangeBridge {

    private static final Logger LOG = Logger.getLogger(ChangeBridge.class.getName());
    /** Set while a change heard from another instance is fired here: it is not published again. */
    private static final ThreadLocal<Boolean> RELAYING = new ThreadLocal<>();

    @Inject
    MessageBus bus;

    @Inject
    Event<Changed> changes;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        if (Boolean.TRUE.equals(RELAYING.get())) {
            return;
        }
        try {
            bus.publish(Queues.CHANGES, Leases.instanceName(), change.kind().name() + ' ' + change.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other instances of a change to " + change
                    + "; they see it within 5 s", e);
        }
    }

    /** Fires a change another instance published. */
    void relay(String from, String text) {
        if (Leases.instanceName().equals(from)) {
            return;
        }
        int space = text.indexOf(' ');
        Changed change;
        try {
            change = new Changed(Changed.Kind.valueOf(text.substring(0, space)), text.substring(space + 1));
        } catch (RuntimeException notAChange) {
            LOG.warning(() -> "Not a change: " + text);
            return;
        }
        RELAYING.set(true);
        try {
            changes.fire(change);
        } finally {
            RELAYING.remove();
        }
    }
}
