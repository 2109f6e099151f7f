package org.switchboard.channels;

import java.util.List;
import org.switchboard.engine.EventRecorder.DeliveryStatus;
import org.switchboard.engine.VendorError;

/**
 * What a vendor's webhook request carries and how to answer it: inbound messages (whole, or parts of a long one to
 * be put together), delivery reports of messages it accepted, and the answer the vendor expects (Twilio's empty TwiML,
 * Bandwidth's 200). A request that is not the vendor's is refused with {@link #forbidden}.
 */
public record WebhookResult(int status, String contentType, String body, List<Inbound> inbound, List<Part> parts,
        List<Report> reports) {

    /** A message from a phone; {@code vendorMessageId} makes a request the vendor sends again a no-op. */
    public record Inbound(String vendorMessageId, String from, String to, String content) {
    }

    /** Part {@code seq} (from 1) of {@code total} of a long message, the parts sharing {@code ref}. */
    public record Part(String ref, int total, int seq, Inbound message) {
    }

    /**
     * A delivery report of the message the vendor knows as {@code vendorMessageId}, or that the platform knows as
     * {@code messageId} when the vendor echoes it (Vonage's client-ref, Bandwidth's tag).
     */
    public record Report(String vendorMessageId, String messageId, DeliveryStatus status, VendorError error) {
    }

    public static WebhookResult answer(int status, String contentType, String body, List<Inbound> inbound,
            List<Part> parts, List<Report> reports) {
        return new WebhookResult(status, contentType, body, inbound, parts, reports);
    }

    /** Not the vendor's (a bad signature, wrong credentials): 403, and nothing is stored. */
    public static WebhookResult forbidden(String why) {
        return new WebhookResult(403, "text/plain", why, List.of(), List.of(), List.of());
    }

    /** Not a request the vendor sends (a field missing): 400, and nothing is stored. */
    public static WebhookResult badRequest(String why) {
        return new WebhookResult(400, "text/plain", why, List.of(), List.of(), List.of());
    }

    public boolean refused() {
        return status >= 400;
    }
}
