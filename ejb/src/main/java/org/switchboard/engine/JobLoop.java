package org.switchboard.engine;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop of a kind of long job (bulk sends, imports, exports): every few seconds, and at once when woken, it asks
 * which jobs are to run (their rows say so: after a restart, those that were running) and runs each on a container
 * thread unless a thread here runs it already. Where a job stands is in its row, never here.
 */
public final class JobLoop {

    private static final Logger LOG = Logger.getLogger(JobLoop.class.getName());

    private final String what;
    private final Supplier<List<String>> due;
    private final Consumer<String> run;
    private final ManagedScheduledExecutorService scheduler;
    private final ManagedExecutorService executor;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeps;
    private volatile boolean open = true;

    /**
     * Starts the loop.
     *
     * @param what the jobs' name, for the log
     * @param due the ids of the jobs to run now (it may start those whose time came)
     * @param run runs one job until it stops or is done
     */
    public JobLoop(String what, Supplier<List<String>> due, Consumer<String> run,
            ManagedScheduledExecutorService scheduler, ManagedExecutorService executor, long everySeconds) {
        this.what = what;
        this.due = due;
        this.run = run;
        this.scheduler = scheduler;
        this.executor = executor;
        this.sweeps = scheduler.scheduleWithFixedDelay(this::sweep, 3, everySeconds, TimeUnit.SECONDS);
    }

    /** Looks for work now rather than at the next sweep. */
    public void wake() {
        scheduler.execute(this::sweep);
    }

    /** Whether the platform is stopping: a job's loop ends at its next step. */
    public boolean open() {
        return open;
    }

    public void stop() {
        open = false;
        sweeps.cancel(false);
    }

    private void sweep() {
        try {
            for (String id : due.get()) {
                if (open && active.add(id)) {
                    executor.execute(() -> runOne(id));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A sweep of the " + what + " failed; the next one tries again", e);
        }
    }

    private void runOne(String id) {
        try {
            run.accept(id);
        } catch (RuntimeException e) {
            // a database that was away, a step that failed: the next sweep takes the job up again from its row
            LOG.log(Level.WARNING, "The " + what + " " + id + " stopped; it is taken up again", e);
        } finally {
            active.remove(id);
        }
    }
}
