package org.switchboard.messages;

/**
 * What the message engine needs of a channel: whose it is, the address and transport it sends from, its vendor and
 * the pace of its lane. {@code channels.Channel} is the one implementation; the interface keeps the engine below the
 * channels feature.
 */
public interface MessageChannel {

    String getId();

    String getAccountId();

    String getAddress();

    String getTransportType();

    String getVendor();

    /** At most this many messages a second start (evenly spaced); null: no limit. */
    Double getRatePerSecond();

    /** At most this many sends are under way at once. */
    int getMaxInFlight();
}
