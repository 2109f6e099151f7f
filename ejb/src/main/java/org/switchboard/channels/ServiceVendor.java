package org.switchboard.channels;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.engine.SendResult;
import org.switchboard.engine.VendorError;
import org.switchboard.messages.Message;

/**
 * A service vendor (Twilio, Bandwidth, Vonage, the fake vendor): the contract of Spoke's service vendors (seed 003).
 * An implementation is a CDI bean; {@link ServiceVendors} finds every one, so adding a vendor edits no list. Only
 * {@link #metadata}, {@link #send}, {@link #webhook} and {@link #errorDescriptions} are required; contact lookup, the
 * number inventory and messaging services are optional and say so with {@link Unsupported}.
 * <p>
 * A send is asynchronous and runs outside any transaction: the engine calls many at once, within each channel's
 * rate and concurrency, and records the answer as an event. Webhooks are answered by the platform from the vendor's
 * {@link WebhookResult}: the vendor checks the request is the vendor's and reads it; the platform stores what it
 * says.
 */
public interface ServiceVendor {

    /** {@code getMetadata()}: the vendor's name (a channel's {@code vendor}) and whether accounts configure it. */
    record Metadata(String name, boolean supportsOrgConfig, List<String> aliases) {
    }

    /** One of the vendor's settings; a secret one is stored encrypted and shown as {@code <Encrypted>}. */
    record Setting(String name, boolean secret, boolean required, String description) {
    }

    /**
     * {@code getContactInfo}: what the vendor knows of a number. {@code statusCode} 1 textable, -1 landline, -2 not a
     * number in service, -3 not of the country {@code PHONE_NUMBER_COUNTRY} names, -4 the lookup failed.
     * {@code country}: the number's ISO country, when the vendor says.
     */
    record ContactInfo(String contactNumber, String carrier, int statusCode, String lastErrorCode,
            String lookupName, String country) {

        public static final int TEXTABLE = 1;
        public static final int LANDLINE = -1;
        public static final int NOT_IN_SERVICE = -2;
        public static final int WRONG_COUNTRY = -3;
        public static final int LOOKUP_FAILED = -4;
    }

    /** A number the account rents from the vendor; {@code vendorId} is the vendor's own id of it (a Twilio PN sid). */
    record OwnedNumber(String number, String areaCode, String vendorId) {
    }

    /** The vendor cannot do this (a vendor with no contact lookup, no number buying). */
    class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unsupported(String vendor, String what) {
            super("The vendor '" + vendor + "' cannot " + what);
        }
    }

    /** The vendor's API answered with an error (or could not be reached) while the platform asked it something. */
    class VendorException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient VendorError error;

        public VendorException(String message, VendorError error) {
            super(message + (error == null ? "" : ": " + error));
            this.error = error;
        }

        public VendorError error() {
            return error;
        }
    }

    Metadata metadata();

    /** The settings the vendor reads (from the channel, the account or the platform: {@link VendorConfig}). */
    List<Setting> settings();

    /**
     * Checks settings given for a channel or an account: by default each must be one of {@link #settings} and a
     * string.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    default void checkSettings(JsonObject settings) {
        for (Map.Entry<String, JsonValue> entry : settings.entrySet()) {
            if (settings().stream().noneMatch(s -> s.name().equals(entry.getKey()))) {
                throw new IllegalArgumentException("Unknown setting '" + entry.getKey() + "' of the vendor '"
                        + metadata().name() + "'; known: " + String.join(", ",
                                settings().stream().map(Setting::name).toList()));
            }
            if (!(entry.getValue() instanceof JsonString) && entry.getValue() != JsonValue.NULL) {
                throw new IllegalArgumentException("Setting '" + entry.getKey() + "' must be a string");
            }
        }
    }

    /** {@code fullyConfigured}: whether a channel with these settings can send (its required settings are set). */
    default boolean fullyConfigured(VendorConfig config) {
        return missing(config).isEmpty();
    }

    /** The required settings that have no value. */
    default List<String> missing(VendorConfig config) {
        return settings().stream().filter(Setting::required).map(Setting::name)
                .filter(name -> config.string(name) == null).toList();
    }

    /** {@code sendMessage}: the stage completes with the vendor's answer (a failure counts as transient). */
    CompletionStage<SendResult> send(VendorConfig config, Channel channel, Message message);

    /**
     * Several of a channel's messages at once, one answer each in their order: a vendor whose API takes many in one
     * request (an SMPP window, a batch endpoint) overrides this; by default each is its own {@link #send}, so a slow
     * answer holds up no other.
     */
    default List<CompletionStage<SendResult>> sendAll(VendorConfig config, Channel channel, List<Message> messages) {
        return messages.stream().map(message -> send(config, channel, message)).toList();
    }

    /**
     * A request to the channel's webhook ({@code /vendors/<vendor>/<channel>[/<kind>]}): the vendor checks it is
     * signed (or carries the credentials) as the vendor signs, and says what it carries.
     */
    WebhookResult webhook(VendorConfig config, Channel channel, Webhook request);

    /** {@code errorDescriptions}: the vendor's error codes and what they mean. */
    Map<String, String> errorDescriptions();

    /** The page of the vendor's documentation about an error code. */
    String errorLink(String code);

    /** {@code errorDescription(code)}. */
    default VendorError errorDescription(String code) {
        return new VendorError(code, errorDescriptions().getOrDefault(code, "Unknown error"), errorLink(code));
    }

    /** {@code getContactInfo}: the vendor's (paid) lookup of a number. */
    default ContactInfo contactInfo(VendorConfig config, String number, boolean lookupName) {
        throw new Unsupported(metadata().name(), "look numbers up");
    }

    /** {@code getFreeContactInfo}: what can be known of the number at no cost; preferred when present. */
    default Optional<ContactInfo> freeContactInfo(VendorConfig config, String number) {
        return Optional.empty();
    }

    /** {@code buyNumbersInAreaCode}: rents up to {@code limit} numbers in the area code; the numbers bought. */
    default List<OwnedNumber> buyNumbersInAreaCode(VendorConfig config, String areaCode, int limit) {
        throw new Unsupported(metadata().name(), "buy numbers");
    }

    /** {@code deleteNumbersInAreaCode}: releases these numbers of the inventory (the platform picks them). */
    default void deleteNumbers(VendorConfig config, List<OwnedNumber> numbers) {
        throw new Unsupported(metadata().name(), "release numbers");
    }

    /** {@code addNumbersToMessagingService}. */
    default void addNumbersToMessagingService(VendorConfig config, List<OwnedNumber> numbers, String serviceSid) {
        throw new Unsupported(metadata().name(), "add numbers to a messaging service");
    }

    /** {@code clearMessagingServicePhones}: the numbers removed from the service. */
    default List<String> clearMessagingServicePhones(VendorConfig config, String serviceSid) {
        throw new Unsupported(metadata().name(), "clear a messaging service");
    }

    /** {@code getMessageServiceSid}: the messaging service a message to {@code to} goes through (null: none). */
    default String messageServiceSid(VendorConfig config, String to, String text) {
        return null;
    }
}
