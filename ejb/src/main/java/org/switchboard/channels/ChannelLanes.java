package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
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
        return sendAll(lane, List.of(message)).get(0);
    }

    @Override
    public List<CompletionStage<SendResult>> sendAll(MessageChannel lane, List<Message> messages) {
        Channel channel = channel(lane.getId());
        if (channel == null) {
            return refused(messages, "Channel " + lane.getId() + " was deleted");
        }
        ServiceVendors.Ready ready = vendors.ready(channel);
        if (!ready.missing().isEmpty()) {
            return refused(messages, "The channel's vendor " + channel.getVendor() + " is not fully configured: "
                    + String.join(", ", ready.missing()) + " not set (by the channel, its account or the platform)");
        }
        return messages.size() == 1
                ? List.of(ready.vendor().send(ready.config(), channel, messages.get(0)))
                : ready.vendor().sendAll(ready.config(), channel, messages);
    }

    private static List<CompletionStage<SendResult>> refused(List<Message> messages, String reason) {
        SendResult refused = SendResult.refused(reason);
        return messages.stream().map(m -> (CompletionStage<SendResult>) CompletableFuture.completedFuture(refused))
                .toList();
    }

    @Override
    public void optedOutAtVendor(Message message) {
        optOuts.optOut(message.getAccountId(), "msisdn", message.getToAddr(), message.getId());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        channels.changed(change);
    }
}
