package org.switchboard.channels;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What a request sets on a channel: only the fields it names, each to the value given (null clears one that may be
 * empty). {@link ChannelService} checks the channel as it would be, against its vendor too, before it stores any of
 * it, so a refused request changes nothing.
 */
public final class ChannelChange {

    /** A field a request may set. */
    public enum Field {
        VENDOR, ADDRESS, TRANSPORT_TYPE, CONVERSATION_ID, ENDPOINT, MO_MESSAGE_URL, MO_MESSAGE_URL_AUTH_TOKEN, RATE_PER_SECOND, MAX_IN_FLIGHT, SETTINGS, LABEL, METADATA, CHARACTER_LIMIT
    }

    private final Map<Field, Object> values = new EnumMap<>(Field.class);

    public static ChannelChange of() {
        return new ChannelChange();
    }

    /** The fields set, in their declared order. */
    public Set<Field> fields() {
        return values.keySet();
    }

    public ChannelChange vendor(String vendor) {
        return set(Field.VENDOR, vendor);
    }

    public ChannelChange address(String address) {
        return set(Field.ADDRESS, address);
    }

    public ChannelChange transportType(String transportType) {
        return set(Field.TRANSPORT_TYPE, transportType);
    }

    public ChannelChange conversation(String conversationId, String endpoint) {
        return set(Field.CONVERSATION_ID, conversationId).set(Field.ENDPOINT, endpoint);
    }

    public ChannelChange moMessageUrl(String url) {
        return set(Field.MO_MESSAGE_URL, url);
    }

    public ChannelChange moMessageUrlAuthToken(String token) {
        return set(Field.MO_MESSAGE_URL_AUTH_TOKEN, token);
    }

    /** Messages a second (null: unlimited) and sends in flight at once (null: the default). */
    public ChannelChange feeding(Double ratePerSecond, Integer maxInFlight) {
        return set(Field.RATE_PER_SECOND, ratePerSecond).set(Field.MAX_IN_FLIGHT, maxInFlight);
    }

    /** The vendor's own settings, a JSON object's text (null: none). */
    public ChannelChange settings(String settings) {
        return set(Field.SETTINGS, settings);
    }

    public ChannelChange label(String label) {
        return set(Field.LABEL, label);
    }

    /** Anything the client keeps with the channel, a JSON object's text (null: none). */
    public ChannelChange metadata(String metadata) {
        return set(Field.METADATA, metadata);
    }

    public ChannelChange characterLimit(Integer characterLimit) {
        return set(Field.CHARACTER_LIMIT, characterLimit);
    }

    String string(Field field) {
        return (String) values.get(field);
    }

    boolean has(Field field) {
        return values.containsKey(field);
    }

    /** Sets the named fields on the channel (not yet checked). */
    void applyTo(Channel channel) {
        values.forEach((field, value) -> {
            switch (field) {
                case VENDOR -> channel.setVendor((String) value);
                case ADDRESS -> channel.setAddress((String) value);
                case TRANSPORT_TYPE -> channel.setTransportType((String) value);
                case CONVERSATION_ID, ENDPOINT -> {
                    // the routing table's: ChannelService binds the channel there
                }
                case MO_MESSAGE_URL -> channel.setMoMessageUrl((String) value);
                case MO_MESSAGE_URL_AUTH_TOKEN -> channel.setMoMessageUrlAuthToken((String) value);
                case RATE_PER_SECOND -> channel.setRatePerSecond((Double) value);
                case MAX_IN_FLIGHT -> channel.setMaxInFlight((Integer) value);
                case SETTINGS -> channel.setSettings((String) value);
                case LABEL -> channel.setLabel((String) value);
                case METADATA -> channel.setMetadata((String) value);
                case CHARACTER_LIMIT -> channel.setCharacterLimit((Integer) value);
            }
        });
    }

    private ChannelChange set(Field field, Object value) {
        values.put(field, value);
        return this;
    }
}
