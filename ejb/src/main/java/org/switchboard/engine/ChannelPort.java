package org.switchboard.engine;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageChannel;

/**
 * What the engine asks of the channels feature (its one implementation, {@code channels.ChannelLanes}): a channel by
 * id, a send through the channel's vendor, and the opt-out a vendor reported. The engine keeps the lanes; the feature
 * knows vendors, their settings and the account's opt-outs.
 */
public interface ChannelPort {

    /** The channel as it is now (a change made through the platform is seen at once), or null if it was deleted. */
    MessageChannel channel(String channelId);

    /** Sends the message through the channel's vendor, outside any transaction; completes with its answer. */
    CompletionStage<SendResult> send(MessageChannel channel, Message message);

    /** Sends several of the channel's messages through its vendor at once; one answer each, in their order. */
    List<CompletionStage<SendResult>> sendAll(MessageChannel channel, List<Message> messages);

    /** The vendor said the recipient opted out there (Twilio's 21610): the account's opt-out is recorded. */
    void optedOutAtVendor(Message message);
}
