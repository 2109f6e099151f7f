package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.accounts.Ids;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;

/** What a recovery sweep takes up from the rows, and what it leaves to the consumers that already have it. */
class RecoveryTest {

    private final Recovery recovery = new Recovery();
    private final EventRecorderTest.Recorded recorded = new EventRecorderTest.Recorded();
    private final List<String> refilled = new CopyOnWriteArrayList<>();
    private final Message unrouted = inbound();
    private final Message relayedLately = inbound();
    private final MessageEvent forApp = new MessageEvent(Ids.ordered(), "m-1", "submitted", "{}");
    private final Push due = new Push("p-due", "account-1", null, "ch-1", Push.Kind.EVENT, "e-1", "http://x.example/",
            null, "{}");
    private final Push inHand = new Push("p-in-hand", "account-1", null, "ch-1", Push.Kind.EVENT, "e-2",
            "http://x.example/", null, "{}");
    private final Message withEventUrl = Fakes.outbound("ch-1", "+27830000009");
    private final MessageEvent unsettled = new MessageEvent(Ids.ordered(), withEventUrl.getId(), "submitted", "{}");

    @BeforeEach
    void wire() {
        withEventUrl.setEventUrl("http://receiver.example/events");
        recovery.relay = new Relay() {
            @Override
            public void send(String queue, String id, String group) {
                recorded.relay().send(queue, id, group);
            }

            @Override
            boolean waiting(String id) {
                return id.equals(relayedLately.getId()); // queued a moment ago: its consumer has it
            }
        };
        Pusher pusher = recorded.pusher();
        recovery.pusher = new Pusher() {
            @Override
            public void push(Push push) {
                pusher.push(push);
            }

            @Override
            public void pushUnstored(Push push) {
                pusher.pushUnstored(push);
            }

            @Override
            public void expect(String pushId, Instant since) {
                pusher.expect(pushId, since);
            }

            @Override
            boolean inHand(String pushId) {
                return pushId.equals(inHand.getId());
            }

            @Override
            public boolean unsettled(String pushId) {
                return stillOnItsWay.contains(pushId);
            }
        };
        recovery.dispatcher = new Dispatcher() {
            @Override
            void recover(String channelId, Duration olderThan) {
                refilled.add(channelId + " " + olderThan);
            }

            @Override
            void tidy() {
                // nothing remembered
            }
        };
        recovery.audiences = message -> new EventAudience.Audience(false, true, "secret", null, false, null);
        recovery.queries = new EngineQueries() {
            @Override
            public List<String> channelsWithQueued() {
                return List.of("ch-1", "ch-2");
            }

            @Override
            public List<Message> unrouted(Instant before, int limit) {
                return List.of(unrouted, relayedLately);
            }

            @Override
            public List<MessageEvent> eventsForApps(Instant before, int limit) {
                return List.of(forApp);
            }

            @Override
            public List<Push> pushesDue(Instant before, int limit) {
                return List.of(due, inHand);
            }

            @Override
            public Instant mark(String name) {
                return Instant.now().minusSeconds(60);
            }

            @Override
            public List<Object[]> eventsWithoutPush(Instant since, String afterId, String instance, int limit) {
                return afterId == null && instance.equals(unsettledBy)
                        ? List.<Object[]>of(new Object[]{unsettled, withEventUrl})
                        : List.of();
            }
        };
        recovery.leases = leases;
        recovery.commits = new GroupCommit() {
            @Override
            public void commit(Work work, Runnable afterCommit) {
                marked.add("committed");
            }
        };
    }

    /** Pushes neither delivered nor stored yet. */
    private final Set<String> stillOnItsWay = ConcurrentHashMap.newKeySet();
    /** The instance whose events' pushes are unsettled. */
    private String unsettledBy = "i1";
    private final List<String> marked = new CopyOnWriteArrayList<>();
    private final FakeLeases leases = new FakeLeases();

    @Test
    void theFirstSweepTakesUpEverythingTheRowsSayIsLeftAndSendsAgainTheUnsettledEventPushes() {
        recovery.sweepOnce();
        assertEquals(List.of("ch-1 PT0S", "ch-2 PT0S"), refilled, "every channel's queued messages, however new");
        assertEquals(Set.of(Queues.INBOUND + " " + unrouted.getId() + " ch-1 +27831111111",
                Queues.EVENTS + " " + forApp.getId()), Set.copyOf(recorded.relayed),
                "the unrouted inbound message (in its channel's and sender's group) and the app's event; not the"
                        + " one queued a moment ago");
        List<String> pushed = recorded.pushed.stream().map(Push::getId).toList();
        assertTrue(pushed.contains(due.getId()) && !pushed.contains(inHand.getId()),
                "due pushes not in hand: " + pushed);
        Push again = recorded.pushed.stream().filter(p -> p.getId().equals(unsettled.getId())).findFirst()
                .orElseThrow();
        assertEquals("http://receiver.example/events", again.getUrl());
        assertEquals("secret", again.getSigningSecret(), "signed as its conversation says");
        assertEquals(List.of(unsettled.getId()), recorded.expected, "held under the settled mark again");
    }

    @Test
    void aLaterSweepLeavesRecentWorkAndTheSettledPushesAlone() {
        unsettledBy = "nobody";
        recovery.sweepOnce();
        refilled.clear();
        unsettledBy = "i1";
        recovery.sweepOnce();
        assertEquals(List.of("ch-1 PT30S", "ch-2 PT30S"), refilled, "only what waited longer than a hand-over takes");
        assertTrue(recorded.pushed.stream().noneMatch(p -> p.getId().equals(unsettled.getId())),
                "unsettled event pushes are sent again after a start only");
    }

    @Test
    void anInstanceWhoseOwnWorkAnotherIsTakingOverWaits() {
        leases.holders.put(Leases.INSTANCE + "i1", "i2");
        recovery.sweepOnce();
        assertEquals(List.of(), refilled, "no sweep before it holds its own lease");
        assertTrue(recorded.pushed.isEmpty(), recorded.pushed.toString());
        leases.holders.remove(Leases.INSTANCE + "i1");
        recovery.sweepOnce();
        assertEquals(List.of("ch-1 PT0S", "ch-2 PT0S"), refilled, "then the first sweep, whole");
        assertTrue(recorded.pushed.stream().anyMatch(p -> p.getId().equals(unsettled.getId())));
    }

    @Test
    void theGroupsSweepsAreTheirLeaseHoldersAlone() {
        leases.holders.put(Recovery.SWEEPS, "i2");
        recovery.sweepOnce();
        assertEquals(List.of("ch-1 PT0S", "ch-2 PT0S"), refilled, "each instance looks at the lanes (their leases"
                + " decide)");
        assertEquals(List.of(), recorded.relayed, "the inbound messages and app events are the sweeper's");
        assertTrue(recorded.pushed.stream().noneMatch(p -> p.getId().equals(due.getId())), "so are pushes due");
    }

    @Test
    void theUnsettledPushesOfAnInstanceThatDiedAreTakenOverOnceByTheSweeper() {
        unsettledBy = "nobody";
        recovery.sweepOnce();
        recorded.pushed.clear();
        unsettledBy = "i2";
        leases.holders.put(Leases.INSTANCE + "i2", "i2");
        leases.lapsed.add(Leases.INSTANCE + "i2");
        marked.clear();
        recovery.sweepOnce();
        assertEquals(List.of(unsettled.getId()), recorded.pushed.stream().map(Push::getId)
                .filter(unsettled.getId()::equals).toList(), "i2's unsettled push, sent again here");
        assertEquals(List.of("committed"), marked, "i2's settled mark moved on");
        assertEquals(null, leases.holders.get(Leases.INSTANCE + "i2"), "its lease let go for it to come back to");
        recorded.pushed.clear();
        recovery.sweepOnce();
        assertTrue(recorded.pushed.stream().noneMatch(p -> p.getId().equals(unsettled.getId())), "once");
    }

    @Test
    void aTakeOverMovesTheDeadInstancesMarkOnlyOnceWhatItSentAgainIsSettled() throws Exception {
        i2DiedWithAPushThatTheTakeOverSendsAgainAndThatStaysOnItsWay();
        Thread sweep = new Thread(recovery::sweepOnce);
        sweep.start();
        sweep.join(500);
        assertTrue(sweep.isAlive(), "the takeover waits while the push it sent again is on its way");
        assertEquals(List.of(), marked, "i2's mark stays where it was meanwhile");
        stillOnItsWay.clear();
        sweep.join(5000);
        assertEquals(List.of("committed"), marked, "delivered: i2's mark moves on");
        assertEquals(null, leases.holders.get(Leases.INSTANCE + "i2"));
    }

    @Test
    void aTakeOverWhosePushesDoNotSettleLeavesTheMarkForTheNextSweep() {
        recovery.settleWait = Duration.ofMillis(200);
        i2DiedWithAPushThatTheTakeOverSendsAgainAndThatStaysOnItsWay();
        recovery.sweepOnce();
        assertEquals(List.of(), marked, "the mark is not moved past a push that may still be lost");
        assertEquals(null, leases.holders.get(Leases.INSTANCE + "i2"), "the lease let go: a later sweep tries again");
    }

    /** After this instance's first sweep, i2's lease lapses; its event's push, sent again here, is not delivered. */
    private void i2DiedWithAPushThatTheTakeOverSendsAgainAndThatStaysOnItsWay() {
        unsettledBy = "nobody";
        recovery.sweepOnce();
        unsettledBy = "i2";
        leases.holders.put(Leases.INSTANCE + "i2", "i2");
        leases.lapsed.add(Leases.INSTANCE + "i2");
        marked.clear();
        stillOnItsWay.add(unsettled.getId()); // its event is i2's: this instance's own mark would not cover it
    }

    private static Message inbound() {
        Message message = new Message(Ids.ordered(), "account-1", "ch-1", Message.Direction.INBOUND,
                Message.Status.RECEIVED);
        message.setFromAddr("+27831111111");
        return message;
    }
}
