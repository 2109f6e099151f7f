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

    /** Thrown at the end of an invocation whose thread was lowered or demoted, so that the thread leaves the pool. */
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
        run(thread, "chrt", "--idle", "-p", "0");
    }

    /**
     * Lowers a thread that has run long to the lowest priority of Linux's normal class (nice 19): invocations that
     * end quickly, other tenants' among them, go first. The thread leaves the pool when its invocation ends, since
     * only a privileged process may raise a priority again.
     */
    static void lower(Thread thread) {
        run(thread, "renice", "-n", "19", "-p");
    }

    private static void run(Thread thread, String... command) {
        String id = thread == null ? null : NATIVE_IDS.get(thread);
        if (id == null) {
            return;
        }
        String[] withId = java.util.Arrays.copyOf(command, command.length + 1);
        withId[command.length] = id;
        try {
            Process process = new ProcessBuilder(withId).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    LOG.warning(() -> String.join(" ", withId) + " failed for sandbox thread " + thread.getName());
                }
            });
        } catch (IOException e) {
            LOG.warning(() -> "Sandbox thread " + thread.getName() + " keeps its priority (" + command[0]
                    + " is missing): " + e.getMessage());
        }
    }
}
