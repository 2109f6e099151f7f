package org.switchboard.channels;

import org.switchboard.messages.MessageChannel;

/**
 * A channel as the edges see it, with every field as stored ({@code settings} and {@code metadata} as JSON text; the
 * edges mask the settings' secrets). A {@link MessageChannel}, so a send can be made on it.
 */
public record ChannelView(String id, String accountId, String vendor, String address, String transportType,
        String conversationId, String endpoint, String moMessageUrl, String moMessageUrlAuthToken,
        Double ratePerSecond, int maxInFlight, String settings, String label, String metadata,
        Integer characterLimit) implements MessageChannel {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.getId(), channel.getAccountId(), channel.getVendor(), channel.getAddress(),
                channel.getTransportType(), channel.getConversationId(), channel.getEndpoint(),
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
    public String getConversationId() {
        return conversationId;
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
