package org.switchboard.channels;

import org.switchboard.messages.MessageChannel;
import org.switchboard.routes.RoutingTable;

/**
 * A channel as the edges see it, with every field as stored ({@code settings} and {@code metadata} as JSON text; the
 * edges mask the settings' secrets) and the conversation it is bound to straight, if any ({@code conversationId} and
 * its {@code endpoint}, from the routing table). A {@link MessageChannel}, so a send can be made on it.
 */
public record ChannelView(String id, String accountId, String vendor, String address, String transportType,
        String conversationId, String endpoint, String moMessageUrl, String moMessageUrlAuthToken,
        Double ratePerSecond, int maxInFlight, String settings, String label, String metadata,
        Integer characterLimit) implements MessageChannel {

    /** The channel, with the conversation its inbound goes to straight in the account's table (or none). */
    static ChannelView of(Channel channel, RoutingTable table) {
        var bound = table.conversationOf(channel.getId());
        return new ChannelView(channel.getId(), channel.getAccountId(), channel.getVendor(), channel.getAddress(),
                channel.getTransportType(), bound.map(end -> end.connector().id()).orElse(null),
                bound.map(RoutingTable.End::endpoint).orElse(null),
                channel.getMoMessageUrl(), channel.getMoMessageUrlAuthToken(), channel.getRatePerSecond(),
                channel.getMaxInFlight(), channel.getSettings(), channel.getLabel(), channel.getMetadata(),
                channel.getCharacterLimit());
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getAccountId() {
        return accountId;
    }

    @Override
    public String getAddress() {
        return address;
    }

    @Override
    public String getTransportType() {
        return transportType;
    }

    @Override
    public String getVendor() {
        return vendor;
    }

    @Override
    public Double getRatePerSecond() {
        return ratePerSecond;
    }

    @Override
    public int getMaxInFlight() {
        return maxInFlight;
    }
}
