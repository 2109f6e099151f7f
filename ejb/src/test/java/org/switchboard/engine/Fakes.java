package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.switchboard.accounts.Ids;
import org.switchboard.messages.Message;

/** What the engine's unit tests hand its beans in place of the container's: threads, and collaborators that record. */
final class Fakes {

    private Fakes() {
    }

    /** The container's thread factory: plain daemon threads. */
    static ManagedThreadFactory threads() {
        return new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task);
                thread.setDaemon(true);
                return thread;
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** The engine's threads: a small scheduled pool. */
    static EngineExecutor executor() {
        return executor(2);
    }

    /** The engine's threads, as many as asked for. */
    static EngineExecutor executor(int threads) {
        ScheduledExecutorService pool = new ScheduledThreadPoolExecutor(threads, threads());
        return new EngineExecutor() {
            @Override
            public ScheduledExecutorService get() {
                return pool;
            }
        };
    }

    /** Channel activity that keeps its log lines in memory instead of the database. */
    static final class Activity extends ChannelActivity {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void log(String channelId, int level, String message, Throwable failure) {
            lines.add(message);
        }
    }

    static Message outbound(String channelId, String to) {
        Message message = new Message(Ids.ordered(), "account-1", channelId, Message.Direction.OUTBOUND,
                Message.Status.QUEUED);
        message.setToAddr(to);
        message.setContent("hello");
        return message;
    }

    /** Waits until the condition holds; fails the test after {@code millis}. */
    static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "not within " + millis + " ms");
            Thread.sleep(5);
        }
    }
}
