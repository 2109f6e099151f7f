package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.engine.ChannelLogLine;
import org.switchboard.engine.EventRecorder;
import org.switchboard.messages.Message;
import org.switchboard.engine.MessageIntake;

/**
 * Takes a request to a channel's vendor webhook: the vendor checks and reads it ({@link ServiceVendor#webhook}), and
 * what it carries is stored before the vendor is answered (a vendor that gets a 200 will not send it again): inbound
 * messages (one the vendor sends again is recognised by its id and kept once), parts of long messages until the last
 * comes, and delivery reports as events of the message they report on.
 */
@ApplicationScoped
public class VendorWebhooks {

    /** How long a report waits for its message's send to be recorded (a vendor can report before we stored its id). */
    private static final long REPORT_WAIT_MILLIS = 3_000;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private ChannelService channels;

    @Inject
    private VendorAccounts store;

    @Inject
    private MessageIntake messages;

    @Inject
    private EventRecorder events;

    @Inject
    private ChannelActivity activity;

    /** The answer to a request to {@code /vendors/<vendor>/<channel>[/<kind>]}. */
    public WebhookResult handle(String vendorName, String channelId, Webhook request) {
        Channel channel = channels.byId(channelId);
        Optional<ServiceVendor> vendor = vendors.find(vendorName);
        if (channel == null || vendor.isEmpty() || !vendor.get().metadata().name().equals(channel.getVendor())) {
            return new WebhookResult(404, "text/plain", "No " + vendorName + " channel " + channelId, List.of(),
                    List.of(), List.of());
        }
        WebhookResult result = vendor.get().webhook(vendors.config(channel), channel, request);
        if (result.refused()) {
            activity.log(channelId, ChannelLogLine.WARNING, "A request to the " + vendorName + " webhook "
                    + (request.kind().isEmpty() ? "" : "/" + request.kind() + " ") + "was refused ("
                    + result.status() + "): " + result.body(), null);
            return result;
        }
        Optional<String> oversized = oversized(result);
        if (oversized.isPresent()) {
            WebhookResult refused = WebhookResult.badRequest(oversized.get());
            activity.log(channelId, ChannelLogLine.WARNING, "A request to the " + vendorName + " webhook was refused"
                    + " (400): " + oversized.get(), null);
            return refused;
        }
        List<WebhookResult.Inbound> inbound = new ArrayList<>(result.inbound());
        for (WebhookResult.Part part : result.parts()) {
            store.assemble(channelId, part).ifPresent(inbound::add);
        }
        for (WebhookResult.Inbound message : inbound) {
            if (message.vendorMessageId() != null && store.byVendorId(channelId, message.vendorMessageId(),
                    Message.Direction.INBOUND).isPresent()) {
                continue; // the vendor sent it again: it is stored already
            }
            messages.receiveInbound(channel, message.from(), message.to(), message.content(), null,
                    message.vendorMessageId());
        }
        for (WebhookResult.Report report : result.reports()) {
            Optional<Message> message = reported(channelId, report);
            if (message.isEmpty()) {
                activity.log(channelId, ChannelLogLine.WARNING, "A delivery report (" + report.status()
                        + ") of " + report.vendorMessageId() + " matches no message of the channel", null);
                continue;
            }
            try {
                events.report(message.get(), report.status(), report.error() == null
                        ? null
                        : report.error().toString(), report.error()).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The delivery report of " + message.get().getId()
                        + " could not be stored", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while storing a delivery report", e);
            }
        }
        return result;
    }

    /** The most a vendor's id of a message, and an address, may have: the columns they are stored in. */
    static final int MAX_ID = 255;
    static final int MAX_ADDRESS = 255;
    /** The most characters a message's content may have, whichever API or vendor it came through. */
    static final int MAX_CONTENT = 65_535;

    /**
     * What a vendor sent that is larger than the platform stores, said as the refusal: one rule for every vendor's
     * fields, checked before anything is stored.
     */
    static Optional<String> oversized(WebhookResult result) {
        List<WebhookResult.Inbound> messages = new ArrayList<>(result.inbound());
        result.parts().forEach(part -> messages.add(part.message()));
        for (WebhookResult.Inbound message : messages) {
            Optional<String> refused = tooLong("the message id", message.vendorMessageId(), MAX_ID)
                    .or(() -> tooLong("the sender's address", message.from(), MAX_ADDRESS))
                    .or(() -> tooLong("the recipient's address", message.to(), MAX_ADDRESS))
                    .or(() -> tooLong("the message's text", message.content(), MAX_CONTENT));
            if (refused.isPresent()) {
                return refused;
            }
        }
        for (WebhookResult.Report report : result.reports()) {
            Optional<String> refused = tooLong("the message id", report.vendorMessageId(), MAX_ID);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tooLong(String what, String value, int max) {
        return value != null && value.length() > max
                ? Optional.of(what + " has " + value.length() + " characters; at most " + max + " are taken")
                : Optional.empty();
    }

    /** The message a report is about; waits a little for a send whose answer is still being recorded. */
    private Optional<Message> reported(String channelId, WebhookResult.Report report) {
        long until = System.currentTimeMillis() + REPORT_WAIT_MILLIS;
        while (true) {
            Optional<Message> found = report.messageId() != null
                    ? store.message(channelId, report.messageId())
                    : Optional.empty();
            if (found.isEmpty() && report.vendorMessageId() != null) {
                found = store.byVendorId(channelId, report.vendorMessageId(), Message.Direction.OUTBOUND);
            }
            if (found.isPresent() || System.currentTimeMillis() > until) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
