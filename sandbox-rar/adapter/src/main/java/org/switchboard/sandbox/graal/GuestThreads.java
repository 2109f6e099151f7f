package org.switchboard.sandbox.graal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** The sandbox's threads: daemons with a set stack, and the demotion of a guest thread that will not end. */
final class GuestThreads {

    private static final Logger LOG = Logger.getLogger(GuestThreads.class.getName());
    /** Linux thread ids of the sandbox's threads, as each read it of itself when it started. */
    private static final Map<Thread, String> NATIVE_IDS = new ConcurrentHashMap<>();

    /** Thrown at the end of an abandoned invocation, so that its demoted thread leaves the pool. */
    static final class Retired extends ThreadDeath {
        private static final long serialVersionUID = 1L;
    }

    private GuestThreads() {
    }

    static ThreadFactory factory(String name, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, () -> {
                nativeId().ifPresent(id -> NATIVE_IDS.put(Thread.currentThread(), id));
                try {
                    task.run();
                } finally {
                    NATIVE_IDS.remove(Thread.currentThread());
                }
            }, name + "-" + count.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> {
                if (!(e instanceof ThreadDeath)) {
                    LOG.severe(() -> t.getName() + " failed: " + e);
                }
            });
            return thread;
        };
    }

    private static java.util.Optional<String> nativeId() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // <pid>/task/<tid>
            return java.util.Optional.of(self.getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Moves a thread that will not end to Linux's SCHED_IDLE class (chrt), where it runs only on a core that nothing
     * else wants: what it still burns no longer slows the server.
     */
    static void demote(Thread thread) {
        String id = thread == null ? null : NATIVE_IDS.get(thread);
        if (id == null) {
            return;
        }
        try {
            Process chrt = new ProcessBuilder("chrt", "--idle", "-p", "0", id).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            chrt.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    LOG.warning("chrt could not demote abandoned sandbox thread " + id);
                }
            });
        } catch (IOException e) {
            LOG.warning("Abandoned sandbox thread " + id + " not demoted (no chrt): " + e.getMessage());
        }
    }
}
