package org.switchboard.channels.fake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;
import org.switchboard.engine.EngineExecutor;
import org.switchboard.engine.EventRecorder;
import org.switchboard.engine.GroupCommit;
import org.switchboard.engine.SendResult;
import org.switchboard.engine.VendorError;
import org.switchboard.messages.Message;
import org.switchboard.engine.MessageIntake;
import org.switchboard.validation.Checks;

/**
 * The fake vendor (Spoke's fakeservice; {@code fakeservice} names it too). It answers like a vendor across the
 * internet: after the channel's {@code latency_ms} (plus a {@code delayNNN} in the text), throttled ({@code 429},
 * tried again) at the channel's {@code error_rate}, refused with error NNN for {@code errorNNN} texts; what it accepts
 * it keeps (committed before it answers, so a message it took before a crash is counted if it is sent again), and
 * {@code autorespond} texts get an answer from the phone. It also buys numbers (made up, in the area code), looks
 * numbers up (carrier {@code FakeCarrier}) and sends delivery reports when the channel's settings ask.
 */
@ApplicationScoped
public class FakeVendorConnector implements ServiceVendor {

    public static final String NAME = "fake";
    private static final Metadata METADATA = new Metadata(NAME, false, List.of("fakeservice"));
    private static final List<Setting> SETTINGS = List.of(
            new Setting("latency_ms", false, false, "How long the vendor takes to answer, 0 to 60000 ms"),
            new Setting("error_rate", false, false, "The share of sends throttled with a 429, 0 to 1"),
            new Setting("delivery_report", false, false, "delivered, failed or pending: the report it sends"),
            new Setting("delivery_report_delay_ms", false, false, "How long after accepting it reports"));
    /** Spoke's internal error codes (service_map.js), which the fake's texts can ask for too. */
    private static final Map<String, String> ERRORS = Map.of(
            "-1", "Failed on the first attempt; will be tried again",
            "-2", "Failed on the second attempt; will be tried again",
            "-3", "Failed on the third attempt; will be tried again",
            "-4", "Failed on the fourth attempt; will be tried again",
            "-5", "Failed, and will not be tried again",
            "-133", "Auto opt-out: the message was not sent",
            "-166", "Blocked by the profanity tagger",
            "-167", "Blocked by the initial-text guard");
    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    @Inject
    private GroupCommit commits;

    @Inject
    private MessageIntake messages;

    @Inject
    private EngineExecutor executor;

    @Inject
    private EventRecorder events;

    @Override
    public Metadata metadata() {
        return METADATA;
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public void checkSettings(JsonObject settings) {
        FakeVendorSettings.of(settings.toString());
    }

    @Override
    public Map<String, String> errorDescriptions() {
        return ERRORS;
    }

    @Override
    public VendorError errorDescription(String code) {
        return new VendorError(code, ERRORS.getOrDefault(code, "Fake error " + code + ", asked for with error"
                + code + " in the message's text"), errorLink(code));
    }

    @Override
    public String errorLink(String code) {
        return "https://github.com/MoveOnOrg/Spoke/blob/main/src/extensions/service-vendors/fakeservice/index.js";
    }

    @Override
    public WebhookResult webhook(VendorConfig config, Channel channel, Webhook request) {
        return WebhookResult.badRequest("The fake vendor has no webhooks: a phone writes to /api/fake/channels/"
                + channel.getId() + "/inbound");
    }

    @Override
    public ContactInfo contactInfo(VendorConfig config, String number, boolean lookupName) {
        return new ContactInfo(number, "FakeCarrier", FakeVendorRules.contactStatus(number), null,
                lookupName ? "Fake Name" : null, number != null && number.startsWith("+1") ? "US" : null);
    }

    @Override
    public List<OwnedNumber> buyNumbersInAreaCode(VendorConfig config, String areaCode, int limit) {
        List<OwnedNumber> bought = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String number = FakeVendorRules.number(areaCode, NUMBERS.getAndIncrement());
            bought.add(new OwnedNumber(number, areaCode, "fake-" + number.substring(1)));
        }
        sleep(25L * limit); // as Spoke's fakeservice: 25 ms a number, like a vendor's API
        return bought;
    }

    @Override
    public void deleteNumbers(VendorConfig config, List<OwnedNumber> numbers) {
        sleep(25L * numbers.size());
    }

    @Override
    public void addNumbersToMessagingService(VendorConfig config, List<OwnedNumber> numbers, String serviceSid) {
        // the fake keeps no services; the platform's inventory records the membership
    }

    @Override
    public List<String> clearMessagingServicePhones(VendorConfig config, String serviceSid) {
        return List.of();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletionStage<SendResult> send(VendorConfig config, Channel channel, Message message) {
        return sendAll(config, channel, List.of(message)).get(0);
    }

    /**
     * Takes many at once, as an SMPP vendor's window does: those answered after the same delay are stored in one
     * commit, then answered together.
     */
    @Override
    public List<CompletionStage<SendResult>> sendAll(VendorConfig config, Channel channel, List<Message> messages) {
        FakeVendorSettings settings = FakeVendorSettings.of(channel.getSettings());
        List<CompletionStage<SendResult>> answers = new ArrayList<>(messages.size());
        Map<Long, List<Taken>> byLatency = new TreeMap<>();
        for (Message message : messages) {
            CompletableFuture<SendResult> answer = new CompletableFuture<>();
            answers.add(answer);
            long latency = settings.latencyMillis() + FakeVendorRules.delayMillis(message.getContent());
            byLatency.computeIfAbsent(latency, l -> new ArrayList<>()).add(new Taken(message, answer));
        }
        byLatency.forEach((latency, taken) -> {
            Runnable respond = () -> respond(channel, taken, settings);
            if (latency <= 0) {
                respond.run();
            } else {
                executor.get().schedule(respond, latency, TimeUnit.MILLISECONDS);
            }
        });
        return answers;
    }

    /** A message the fake took, and its answer to come. */
    private record Taken(Message message, CompletableFuture<SendResult> answer) {
    }

    private void respond(Channel channel, List<Taken> taken, FakeVendorSettings settings) {
        List<Taken> accepted = new ArrayList<>(taken.size());
        List<FakeVendorMessage> kept = new ArrayList<>(taken.size());
        for (Taken one : taken) {
            try {
                String text = one.message().getContent();
                if (settings.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.errorRate()) {
                    one.answer().complete(SendResult.retry("429 Too Many Requests: the fake vendor throttled the"
                            + " message", Duration.ofMillis(100)));
                    continue;
                }
                Optional<String> error = FakeVendorRules.errorCode(text);
                if (error.isPresent()) {
                    one.answer().complete(SendResult.refused(errorDescription(error.get()), false));
                    continue;
                }
                Message message = one.message();
                kept.add(Checks.valid(new FakeVendorMessage("fake-" + Ids.ordered(), channel.getId(),
                        message.getId(), message.getToAddr(), message.getFromAddr(), text,
                        message.getSessionEvent())));
                accepted.add(one);
            } catch (RuntimeException e) {
                one.answer().completeExceptionally(e);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        commits.submit(em -> kept.forEach(em::persist), null).whenComplete((done, failure) -> {
            for (int i = 0; i < accepted.size(); i++) {
                if (failure != null) {
                    accepted.get(i).answer().completeExceptionally(failure);
                } else {
                    answered(channel, accepted.get(i), kept.get(i), settings);
                }
            }
        });
    }

    /** Answers a message the fake stored: accepted, then its delivery report and a phone's answer when asked. */
    private void answered(Channel channel, Taken taken, FakeVendorMessage received, FakeVendorSettings settings) {
        Message message = taken.message();
        taken.answer().complete(SendResult.accepted(received.getId()));
        if (settings.deliveryReport() != null) {
            // later than the answer's own event: the engine stores that within milliseconds
            executor.get().schedule(() -> events.report(message, settings.deliveryReport(),
                    settings.deliveryReport() == EventRecorder.DeliveryStatus.FAILED
                            ? "the fake vendor failed the delivery as its settings ask"
                            : null),
                    Math.max(100, settings.deliveryReportDelayMillis()), TimeUnit.MILLISECONDS);
        }
        // a reply never triggers another response, or an app that echoes would talk to the fake phone for ever
        if (FakeVendorRules.autorespond(message.getContent()) && message.getInReplyTo() == null) {
            messages.receive(channel, message.getToAddr(), message.getFromAddr(),
                    FakeVendorRules.response(message.getContent()), null);
        }
    }
}
