package org.switchboard.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ids of outbound messages accepted here for a channel whose lane runs on another instance, told to every instance
 * on the topic {@value Queues#LANES} ({@link LaneNoticeConsumer} hears them). A notice is not kept by the broker: one
 * lost (the broker failed over as it was sent) leaves its messages queued in the database, and the holder's recovery
 * sweep takes them up within {@link Recovery#STALE}.
 */
@ApplicationScoped
public class LaneNotices {

    private static final Logger LOG = Logger.getLogger(LaneNotices.class.getName());

    @Inject
    MessageBus bus;

    /** Tells the channel's holder of messages accepted here. */
    public void forward(String channelId, List<String> ids) {
        try {
            bus.publish(Queues.LANES, channelId, String.join(",", ids));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the lane of channel " + channelId + " of " + ids.size()
                    + " messages; its holder's recovery sweep takes them up", e);
        }
    }
}
