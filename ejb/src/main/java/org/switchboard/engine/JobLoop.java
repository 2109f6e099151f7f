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
 * thread unless a thread here runs it already. Where a job stands is in its row, never here. With several instances a
 * job runs on one at a time: the one that holds its lease ({@code job:<what>:<id>}, {@link Leases}); when that instance
 * dies the lease lapses and another's sweep takes the job up from its row. A job checks {@link #open(String)} between
 * steps, so one whose lease lapsed here (the database was away too long) stops before another runs it too.
 */
public final class JobLoop {

    private static final Logger LOG = Logger.getLogger(JobLoop.class.getName());

    private final String what;
    private final Supplier<List<String>> due;
    private final Consumer<String> run;
    private final ManagedScheduledExecutorService scheduler;
    private final ManagedExecutorService executor;
    private final Leases leases;
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
            ManagedScheduledExecutorService scheduler, ManagedExecutorService executor, Leases leases,
            long everySeconds) {
        this.what = what;
        this.due = due;
        this.run = run;
        this.scheduler = scheduler;
        this.executor = executor;
        this.leases = leases;
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

    /** Whether the job may go on here: the platform is not stopping and this instance still holds the job's lease. */
    public boolean open(String id) {
        return open && leases.holds(lease(id));
    }

    private String lease(String id) {
        return "job:" + what + ":" + id;
    }

    public void stop() {
        open = false;
        sweeps.cancel(false);
    }

    private void sweep() {
        try {
            for (String id : due.get()) {
                if (open && !active.contains(id) && leases.take(lease(id)) && active.add(id)) {
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
            leases.release(lease(id));
        }
    }
}
