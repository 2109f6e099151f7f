package org.switchboard.channels.fake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.channels.VendorConnector;
import org.switchboard.engine.EngineExecutor;
import org.switchboard.engine.EventRecorder;
import org.switchboard.engine.GroupCommit;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageIntake;
import org.switchboard.validation.Checks;

/**
 * The fake vendor's connector. It answers like a vendor across the internet: after the channel's {@code latency_ms}
 * (plus a {@code delayNNN} in the text), throttled ({@code 429}, tried again) at the channel's {@code error_rate},
 * refused for {@code errorNNN} texts; what it accepts it keeps (committed before it answers, so a message it took
 * before a crash is counted if it is sent again), and {@code autorespond} texts get an answer from the phone.
 */
@ApplicationScoped
public class FakeVendorConnector implements VendorConnector {

    public static final String NAME = "fake";

    @Inject
    private GroupCommit commits;

    @Inject
    private MessageIntake messages;

    @Inject
    private EngineExecutor executor;

    @Inject
    private EventRecorder events;

    @Override
    public CompletionStage<Result> send(Channel channel, Message message) {
        FakeVendorSettings settings = FakeVendorSettings.of(channel.getSettings());
        String text = message.getContent();
        long latency = settings.latencyMillis() + FakeVendorRules.delayMillis(text);
        CompletableFuture<Result> answer = new CompletableFuture<>();
        Runnable respond = () -> respond(channel, message, settings, answer);
        if (latency <= 0) {
            respond.run();
        } else {
            executor.get().schedule(respond, latency, TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private void respond(Channel channel, Message message, FakeVendorSettings settings,
            CompletableFuture<Result> answer) {
        try {
            String text = message.getContent();
            if (settings.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.errorRate()) {
                answer.complete(Result.retry("429 Too Many Requests: the fake vendor throttled the message",
                        Duration.ofMillis(100)));
                return;
            }
            Optional<String> error = FakeVendorRules.errorCode(text);
            if (error.isPresent()) {
                answer.complete(Result.refused("error" + error.get()
                        + ": the fake vendor refused the message as asked"));
                return;
            }
            FakeVendorMessage received = Checks.valid(new FakeVendorMessage("fake-" + Ids.ordered(), channel.getId(),
                    message.getId(), message.getToAddr(), message.getFromAddr(), text, message.getSessionEvent()));
            // a reply never triggers another response, or an app that echoes would talk to the fake phone for ever
            boolean respond = FakeVendorRules.autorespond(text) && message.getInReplyTo() == null;
            commits.submit(em -> em.persist(received), null).whenComplete((done, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                    return;
                }
                answer.complete(Result.accepted(received.getId()));
                if (settings.deliveryReport() != null) {
                    // later than the answer's own event: the engine stores that within milliseconds
                    executor.get().schedule(() -> events.report(message, settings.deliveryReport(),
                            settings.deliveryReport() == EventRecorder.DeliveryStatus.FAILED
                                    ? "the fake vendor failed the delivery as its settings ask"
                                    : null),
                            Math.max(100, settings.deliveryReportDelayMillis()), TimeUnit.MILLISECONDS);
                }
                if (respond) {
                    messages.receive(channel, message.getToAddr(), message.getFromAddr(),
                            FakeVendorRules.response(text), null);
                }
            });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }
}
