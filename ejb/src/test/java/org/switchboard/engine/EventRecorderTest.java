package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.streams.MemoryStreams;
import org.switchboard.streams.StreamHub;

/** What a vendor's answer becomes: the message's status and one event, then its push, the app's turn and the stream. */
class EventRecorderTest {

    private final EventRecorder recorder = new EventRecorder();
    private final Recorded recorded = new Recorded();
    private final MemoryStreams streams = new MemoryStreams();
    private EventAudience.Audience audience;
    /** How many rows the status update changes: 1 for the first answer, 0 for a message answered before. */
    private int rowsChanged = 1;

    @BeforeEach
    void wire() {
        recorder.commits = recorded.commits(() -> rowsChanged);
        recorder.pusher = recorded.pusher();
        recorder.relay = recorded.relay();
        recorder.stats = new EngineStats();
        recorder.activity = new Fakes.Activity();
        recorder.streams = streams;
        recorder.audiences = message -> audience;
    }

    @Test
    void anAcceptedMessagesEventIsStoredWithItsStatusThenPushedSignedToldToTheAppAndStreamed() throws Exception {
        audience = new EventAudience.Audience(true, true, "signing-secret", 5.0, true, "conv-1");
        StreamHub.Client client = streams.join("conv-1", StreamHub.Kind.EVENTS);
        Message message = withEventUrl(Fakes.outbound("ch-1", "+27830000001"));
        recorder.record(message, SendResult.accepted("vendor-7")).get(2, TimeUnit.SECONDS);

        assertEquals(EventRecorder.ANSWERED_SQL, recorded.updates.get(0).sql());
        assertEquals(List.of(Message.Status.SUBMITTED, "vendor-7", message.getId(), Message.Status.QUEUED),
                recorded.updates.get(0).parameters());
        MessageEvent event = (MessageEvent) recorded.persisted.get(0);
        assertEquals("submitted", event.getEventType());
        assertTrue(event.isAppPending(), "the app listens: its turn is kept in the row until it had it");

        Push push = recorded.pushed.get(0);
        assertEquals(event.getId(), push.getId(), "an event has one push, named by the event");
        assertEquals("http://receiver.example/events", push.getUrl());
        assertEquals("signing-secret", push.getSigningSecret());
        assertEquals(5.0, push.getTimeoutSeconds());
        assertEquals(List.of(push.getId()), recorded.expected, "held under the settled mark until delivered");
        assertEquals(List.of(Queues.EVENTS + " " + event.getId()), recorded.relayed);
        String streamed = client.next(1000);
        assertTrue(streamed != null && streamed.contains(event.getId()) && streamed.contains("ack"),
                "the http_api stream has the event as Vumi's ack: " + streamed);
    }

    @Test
    void aSecondAnswerForAMessageKeepsTheFirstEventAndPushesNothing() throws Exception {
        audience = new EventAudience.Audience(false, true, null, null, false, null);
        rowsChanged = 0; // the row is no longer queued: it was answered before (sent twice across a crash)
        Message message = withEventUrl(Fakes.outbound("ch-1", "+27830000002"));
        recorder.record(message, SendResult.accepted("vendor-8")).get(2, TimeUnit.SECONDS);
        assertTrue(recorded.persisted.isEmpty(), "no second event");
        assertTrue(recorded.pushed.isEmpty(), "no push");
        assertTrue(recorded.relayed.isEmpty());
        assertEquals(recorded.expected, recorded.unexpected, "the settled mark is let go of what was not pushed");
    }

    @Test
    void aRefusalCarriesTheVendorsErrorAndAClosedWindowStopsThePush() throws Exception {
        audience = new EventAudience.Audience(false, false, null, null, false, null);
        Message message = withEventUrl(Fakes.outbound("ch-1", "+27830000003"));
        recorder.record(message, SendResult.refused(new VendorError("21211", "Invalid 'To' Phone Number",
                "https://www.twilio.com/docs/errors/21211"), false)).get(2, TimeUnit.SECONDS);
        assertEquals(Message.Status.REJECTED, recorded.updates.get(0).parameters().get(0));
        MessageEvent event = (MessageEvent) recorded.persisted.get(0);
        assertEquals("rejected", event.getEventType());
        assertTrue(event.getDetails().contains("\"error_code\":\"21211\""), event.getDetails());
        assertTrue(event.getDetails().contains("\"link\":\"https://www.twilio.com/docs/errors/21211\""));
        assertTrue(recorded.pushed.isEmpty(), "the Junebug window is closed: its event_url is forgotten");
    }

    @Test
    void aDeliveryReportIsAnEventOfItsOwn() throws Exception {
        audience = EventAudience.Audience.EVENT_URL_ONLY;
        Message message = Fakes.outbound("ch-1", "+27830000004");
        recorder.report(message, EventRecorder.DeliveryStatus.DELIVERED, null).get(2, TimeUnit.SECONDS);
        MessageEvent event = (MessageEvent) recorded.persisted.get(0);
        assertEquals("delivery_succeeded", event.getEventType());
        assertTrue(recorded.updates.isEmpty(), "the message's status stays as the vendor's first answer left it");
        assertNull(message.getEventUrl());
        assertTrue(recorded.pushed.isEmpty(), "no event_url, no push");
    }

    @Test
    void theAudienceIsAskedBeforeTheEventIsMadeSoNothingSlowComesBetweenItsTimeAndItsHold() throws Exception {
        Instant[] answered = new Instant[1];
        recorder.audiences = message -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // a conversation's row read from the database
            answered[0] = Instant.now();
            return EventAudience.Audience.EVENT_URL_ONLY;
        };
        Message message = withEventUrl(Fakes.outbound("ch-1", "+27830000005"));
        recorder.record(message, SendResult.accepted("vendor-9")).get(2, TimeUnit.SECONDS);
        MessageEvent event = (MessageEvent) recorded.persisted.get(0);
        assertTrue(!event.getTimestamp().isBefore(answered[0].truncatedTo(ChronoUnit.MICROS)),
                "the event's time (" + event.getTimestamp() + ") is after the audience's answer (" + answered[0]
                        + "): the settled mark allows seconds between an event's time and its hold, not a read");
    }

    private static Message withEventUrl(Message message) {
        message.setEventUrl("http://receiver.example/events");
        return message;
    }

    /** Fakes of the engine's beans around the recorder that note what they were asked to do. */
    static final class Recorded {
        final List<GroupCommit.Update> updates = new CopyOnWriteArrayList<>();
        final List<Object> persisted = new CopyOnWriteArrayList<>();
        final List<Push> pushed = new CopyOnWriteArrayList<>();
        final List<String> expected = new CopyOnWriteArrayList<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final List<String> relayed = new CopyOnWriteArrayList<>();

        /** An entity manager that only keeps what is persisted. */
        EntityManager em() {
            return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{EntityManager.class}, (proxy, method, args) -> {
                        if (method.getName().equals("persist") || method.getName().equals("merge")) {
                            persisted.add(args[0]);
                            return args[0];
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** Runs each write at once, as if its group committed: an update hears how many rows it changed. */
        GroupCommit commits(java.util.function.IntSupplier rows) {
            EntityManager em = em();
            return new GroupCommit() {
                @Override
                public CompletableFuture<Void> submit(Work work, Runnable afterCommit) {
                    work.write(em);
                    return committed(afterCommit);
                }

                @Override
                public CompletableFuture<Void> submit(Update update, Runnable afterCommit) {
                    updates.add(update);
                    if (update.then() != null) {
                        update.then().rows(rows.getAsInt(), em);
                    }
                    return committed(afterCommit);
                }

                @Override
                public void commit(Work work, Runnable afterCommit) {
                    submit(work, afterCommit).join();
                }

                private CompletableFuture<Void> committed(Runnable afterCommit) {
                    if (afterCommit != null) {
                        afterCommit.run();
                    }
                    return CompletableFuture.completedFuture(null);
                }
            };
        }

        Pusher pusher() {
            return new Pusher() {
                @Override
                public void expect(String pushId, Instant since) {
                    expected.add(pushId);
                }

                @Override
                public void unexpect(String pushId) {
                    unexpected.add(pushId);
                }

                @Override
                public void pushUnstored(Push push) {
                    pushed.add(push);
                }

                @Override
                public void push(Push push) {
                    pushed.add(push);
                }
            };
        }

        Relay relay() {
            return new Relay() {
                @Override
                public void send(String queue, String id, String group) {
                    relayed.add(queue + " " + id + (group == null ? "" : " " + group));
                }
            };
        }
    }
}
