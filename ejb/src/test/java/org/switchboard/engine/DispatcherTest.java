package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageChannel;

/** The dispatcher's lanes with a fake vendor behind the channel port: rate, sends at once, retries, giving up. */
class DispatcherTest {

    private final Dispatcher dispatcher = new Dispatcher();
    private final FakeChannels channels = new FakeChannels();
    private final Map<String, SendResult> recorded = new ConcurrentHashMap<>();
    private final FakeLeases leases = new FakeLeases();
    private final List<String> forwarded = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the database has queued. */
    private final List<Message> queued = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void wire() {
        dispatcher.channels = channels;
        dispatcher.activity = new Fakes.Activity();
        dispatcher.stats = new EngineStats();
        dispatcher.executor = Fakes.executor();
        dispatcher.laneCapacity = 100;
        dispatcher.vendorAttempts = 3;
        dispatcher.vendorBatch = 100;
        dispatcher.leases = leases;
        dispatcher.queries = new EngineQueries() {
            @Override
            public List<Message> queued(String channelId, java.time.Instant before, int limit) {
                return List.copyOf(queued);
            }

            @Override
            public List<Message> queued(java.util.Collection<String> ids) {
                return queued.stream().filter(m -> ids.contains(m.getId())).toList();
            }
        };
        dispatcher.notices = new LaneNotices() {
            @Override
            public void forward(String channelId, List<String> ids) {
                ids.forEach(id -> forwarded.add(channelId + " " + id));
            }
        };
        dispatcher.events = new EventRecorder() {
            @Override
            public CompletableFuture<Void> record(Message message, SendResult result) {
                recorded.put(message.getId(), result);
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Test
    void aChannelsRateSpacesItsSendsEvenly() throws Exception {
        channels.lane = lane(20.0, 10); // one every 50 ms
        List<Message> messages = submit(8);
        Fakes.await(() -> recorded.size() == 8, 5000);
        // the permits are on a fixed schedule (a send that ran late does not push the next ones back, so one gap
        // may be short): no send is ahead of its place, first + i * 50 ms (10 ms for the first one's own lateness)
        List<Long> at = channels.sentAt();
        for (int i = 1; i < at.size(); i++) {
            long since = TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(0));
            assertTrue(since >= i * 50L - 10,
                    "send " + i + " came " + since + " ms after the first, before its place at "
                            + i * 50 + " ms");
        }
        assertEquals(messages.stream().map(Message::getId).toList(), channels.sentIds(), "in the order accepted");
    }

    @Test
    void aBatchGoesToTheVendorInCallsOfAtMostTheVendorBatchWithinMaxInFlight() throws Exception {
        channels.lane = lane(null, 50);
        dispatcher.vendorBatch = 20;
        dispatcher.executor = Fakes.executor(1);
        channels.answer = message -> new CompletableFuture<>(); // the vendor has not answered yet
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            messages.add(Fakes.outbound("ch-1", "+277100000" + i));
        }
        dispatcher.submitAll(messages);
        Fakes.await(() -> channels.sent.size() == 50, 2000);
        assertEquals(List.of(20, 20, 10), channels.calls, "50 under way, in three calls");
        // the vendor answers 30 at once: on one of the engine's threads, so the pump its answers ask for runs after
        // the last of them (on a busy machine, answers completed from another thread may each be pumped alone)
        dispatcher.executor.get().submit(() -> channels.pending.subList(0, 30)
                .forEach(f -> f.complete(SendResult.accepted("v")))).get(2, TimeUnit.SECONDS);
        Fakes.await(() -> channels.sent.size() == 70, 2000);
        assertEquals(List.of(20, 20, 10, 20), channels.calls, "the 30 freed slots are filled in one shared call");
        assertEquals(messages.stream().map(Message::getId).toList(), channels.sentIds(), "in the order accepted");
    }

    @Test
    void noMoreThanMaxInFlightSendsAreUnderWayAtOnce() throws Exception {
        channels.lane = lane(null, 2);
        channels.answer = message -> new CompletableFuture<>(); // the vendor has not answered yet
        submit(5);
        Fakes.await(() -> channels.sent.size() == 2, 2000);
        Thread.sleep(100);
        assertEquals(2, channels.sent.size(), "two under way; three wait");
        channels.pending.get(0).complete(SendResult.accepted("v1"));
        Fakes.await(() -> channels.sent.size() == 3, 2000);
        assertEquals(3, channels.sent.size(), "an answer lets exactly one more go");
    }

    @Test
    void aTransientErrorIsTriedAgainAfterTheBackOffThenRecordedOnce() throws Exception {
        channels.lane = lane(null, 10);
        List<SendResult> answers = new CopyOnWriteArrayList<>(List.of(SendResult.retry("busy", null),
                SendResult.retry("busy", null), SendResult.accepted("v9")));
        channels.answer = message -> CompletableFuture.completedFuture(answers.remove(0));
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 5000);
        assertEquals(3, channels.sent.size());
        assertTrue(recorded.get(message.getId()).accepted());
        List<Long> at = channels.sentAt();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(at.get(1) - at.get(0)) >= 100, "the first retry waits 100-200 ms");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(at.get(2) - at.get(1)) >= 200, "the second 200-400 ms");
    }

    @Test
    void afterTheLastAttemptTheMessageIsRefusedWithTheReason() throws Exception {
        channels.lane = lane(null, 10);
        channels.answer = message -> CompletableFuture.completedFuture(SendResult.retry("vendor down", null));
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 5000);
        assertEquals(3, channels.sent.size(), "vendorAttempts");
        SendResult last = recorded.get(message.getId());
        assertEquals(SendResult.Kind.REFUSED, last.kind());
        assertEquals("Gave up after 3 attempts: vendor down", last.reason());
    }

    @Test
    void aVendorThatThrowsIsATransientErrorAndAnOptOutIsRecordedForTheAccount() throws Exception {
        channels.lane = lane(null, 10);
        List<Function<Message, CompletionStage<SendResult>>> answers = new CopyOnWriteArrayList<>(List.of(
                m -> {
                    throw new IllegalStateException("connection reset");
                },
                m -> CompletableFuture.completedFuture(SendResult.refused(new VendorError("21610", "Unsubscribed",
                        null), true))));
        channels.answer = message -> answers.remove(0).apply(message);
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 5000);
        assertEquals(2, channels.sent.size());
        assertEquals(List.of(message.getId()), channels.optedOut);
    }

    /** A setting the platform refuses (an api_base_url the guard does not let through) cannot succeed later. */
    @Test
    void aSendThePlatformRefusesIsRefusedAtOnceInWords() throws Exception {
        channels.lane = lane(null, 10);
        channels.answer = message -> {
            throw new IllegalArgumentException("Host 'metadata' is at 169.254.169.254, not a public address");
        };
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 5000);
        assertEquals(1, channels.sent.size(), "tried once, not again");
        SendResult result = recorded.get(message.getId());
        assertEquals(SendResult.Kind.REFUSED, result.kind());
        assertEquals("Host 'metadata' is at 169.254.169.254, not a public address", result.reason());
    }

    @Test
    void aVendorThatCannotBeReachedIsSaidInWords() throws Exception {
        channels.lane = lane(null, 10);
        channels.answer = message -> CompletableFuture.failedFuture(new java.net.ConnectException());
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 5000);
        assertEquals("Gave up after 3 attempts: the connection was refused", recorded.get(message.getId()).reason());
    }
    @Test
    void theMessagesOfADeletedChannelAreRefused() throws Exception {
        channels.lane = null;
        Message message = submit(1).get(0);
        Fakes.await(() -> recorded.containsKey(message.getId()), 2000);
        assertEquals("Channel ch-1 was deleted", recorded.get(message.getId()).reason());
        assertTrue(channels.sent.isEmpty());
    }

    @Test
    void aChannelWhoseLaneRunsOnAnotherInstanceGetsItsMessagesThereNotHere() throws Exception {
        channels.lane = lane(null, 10);
        leases.holders.put(Dispatcher.lease("ch-1"), "i2");
        List<Message> messages = submit(3);
        assertEquals(messages.stream().map(m -> "ch-1 " + m.getId()).toList(), forwarded, "told to the holder");
        Thread.sleep(100);
        assertTrue(channels.sent.isEmpty(), "nothing sent here");
        // the holder hears them: here, as i1 holding the lease, ids come in from the topic
        leases.holders.put(Dispatcher.lease("ch-1"), "i1");
        queued.addAll(messages);
        dispatcher.forwarded("ch-1", messages.stream().map(Message::getId).toList());
        Fakes.await(() -> recorded.size() == 3, 2000);
        assertEquals(messages.stream().map(Message::getId).toList(), channels.sentIds(), "in the order accepted");
    }

    @Test
    void theFirstMessageForAChannelNobodyRunsTakesItsLeaseAndWhatWaitsInTheDatabase() throws Exception {
        channels.lane = lane(null, 10);
        Message left = Fakes.outbound("ch-1", "+27830000100"); // accepted on an instance that died
        queued.add(left);
        List<Message> messages = submit(1);
        assertEquals("i1", leases.holders.get(Dispatcher.lease("ch-1")));
        Fakes.await(() -> recorded.size() == 2, 2000);
        assertTrue(channels.sentIds().containsAll(List.of(left.getId(), messages.get(0).getId())),
                channels.sentIds().toString());
        assertTrue(forwarded.isEmpty());
    }

    @Test
    void aLaneWhoseLeaseLapsedLetsGoWhatWaitsAndSendsNoMore() throws Exception {
        channels.lane = lane(null, 2);
        channels.answer = message -> new CompletableFuture<>();
        submit(5);
        Fakes.await(() -> channels.sent.size() == 2, 2000);
        leases.lapsed.add(Dispatcher.lease("ch-1")); // this instance could not renew it: another may run the lane
        channels.pending.forEach(f -> f.complete(SendResult.accepted("v")));
        Fakes.await(() -> recorded.size() == 2, 2000);
        Thread.sleep(100);
        assertEquals(2, channels.sent.size(), "the three that waited are left to the lane's next holder");
        assertEquals(0, dispatcher.waiting("ch-1"));
    }

    private List<Message> submit(int n) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Message message = Fakes.outbound("ch-1", "+2783000000" + i);
            messages.add(message);
            dispatcher.submit(message);
        }
        return messages;
    }

    private static MessageChannel lane(Double rate, int maxInFlight) {
        return new MessageChannel() {
            public String getId() {
                return "ch-1";
            }

            public String getAccountId() {
                return "account-1";
            }

            public String getAddress() {
                return "1234";
            }

            public String getTransportType() {
                return "sms";
            }

            public String getConversationId() {
                return null;
            }

            public String getVendor() {
                return "fake";
            }

            public Double getRatePerSecond() {
                return rate;
            }

            public int getMaxInFlight() {
                return maxInFlight;
            }
        };
    }

    /** A channel port whose vendor answers as the test says, noting each send and when. */
    static final class FakeChannels implements ChannelPort {
        volatile MessageChannel lane;
        volatile Function<Message, CompletionStage<SendResult>> answer = m -> CompletableFuture
                .completedFuture(SendResult.accepted("v-" + m.getId()));
        final List<Object[]> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<SendResult>> pending = new CopyOnWriteArrayList<>();
        final List<String> optedOut = new CopyOnWriteArrayList<>();
        /** How many messages each vendor call carried. */
        final List<Integer> calls = new CopyOnWriteArrayList<>();

        @Override
        public MessageChannel channel(String channelId) {
            return lane;
        }

        @Override
        public CompletionStage<SendResult> send(MessageChannel channel, Message message) {
            sent.add(new Object[]{message.getId(), System.nanoTime()});
            CompletionStage<SendResult> result = answer.apply(message);
            if (result instanceof CompletableFuture<SendResult> future && !future.isDone()) {
                pending.add(future);
            }
            return result;
        }

        @Override
        public List<CompletionStage<SendResult>> sendAll(MessageChannel channel, List<Message> messages) {
            calls.add(messages.size());
            return messages.stream().map(m -> send(channel, m)).toList();
        }

        @Override
        public void optedOutAtVendor(Message message) {
            optedOut.add(message.getId());
        }

        List<Long> sentAt() {
            return sent.stream().map(s -> (Long) s[1]).toList();
        }

        List<String> sentIds() {
            return sent.stream().map(s -> (String) s[0]).toList();
        }
    }
}
