package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.engine.ChannelPort;
import org.switchboard.engine.SendResult;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageChannel;
import org.switchboard.optouts.OptOutService;

/**
 * The channels' side of the engine's lanes ({@link ChannelPort}): a channel read through a short cache that a change
 * to it empties, a send through its vendor once the vendor has the settings it requires, and the opt-out a vendor
 * reported recorded as the account's.
 */
@ApplicationScoped
public class ChannelLanes implements ChannelPort {

    private final RecentRows<Channel> channels = new RecentRows<>(Changed.Kind.CHANNEL, 10_000);

    @Inject
    private ChannelService service;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private OptOutService optOuts;

    @Override
    public Channel channel(String channelId) {
        return channels.get(channelId, service::byId);
    }

    @Override
    public CompletionStage<SendResult> send(MessageChannel lane, Message message) {
        Channel channel = channel(lane.getId());
        if (channel == null) {
            return CompletableFuture.completedFuture(SendResult.refused("Channel " + lane.getId() + " was deleted"));
        }
        ServiceVendors.Ready ready = vendors.ready(channel);
        if (!ready.missing().isEmpty()) {
            return CompletableFuture.completedFuture(SendResult.refused("The channel's vendor " + channel.getVendor()
                    + " is not fully configured: " + String.join(", ", ready.missing())
                    + " not set (by the channel, its account or the platform)"));
        }
        return ready.vendor().send(ready.config(), channel, message);
    }

    @Override
    public void optedOutAtVendor(Message message) {
        optOuts.optOut(message.getAccountId(), "msisdn", message.getToAddr(), message.getId());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        channels.changed(change);
    }
}
