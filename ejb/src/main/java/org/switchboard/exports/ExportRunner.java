package org.switchboard.exports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.engine.JobLoop;
import org.switchboard.engine.Leases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.storage.PrivateFiles;

/**
 * Writes the exports: every few seconds (and at once when one is asked for) it takes up those queued, and those that
 * were running when the platform stopped (written again from the start: an export changes nothing), and removes the
 * files of those older than {@code switchboard.exports.keep-hours}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());

    @Inject
    ExportWork work;

    @Inject
    @ConfigProperty(name = "switchboard.exports.keep-hours", defaultValue = "24")
    long keepHours;

    @Inject
    @ConfigProperty(name = "switchboard.exports.dir")
    Optional<String> directory;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Leases leases;

    private JobLoop loop;

    @PostConstruct
    void start() {
        loop = new JobLoop("exports", this::due, this::run, scheduler, executor, leases, 3);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Looks for work now rather than at the next sweep. */
    public void wake() {
        loop.wake();
    }

    private void run(String id) {
        try {
            Export export = work.export(id);
            Path file = PrivateFiles.create(PrivateFiles.directory("exports", directory)
                    .resolve(id + "." + export.getFormat()));
            work.count(id);
            long rows = work.write(id, file, done -> work.progress(id, done));
            work.finish(id, file, rows, Instant.now().plus(Duration.ofHours(keepHours)));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Export " + id + " failed", e);
            work.fail(id, "The export could not be written: " + (e instanceof IllegalArgumentException
                    ? e.getMessage()
                    : "the server's disk or database failed; ask for it again"));
        }
    }

    /** Expires old exports (their files removed), then the ids of those to write. */
    private java.util.List<String> due() {
        work.expire(Instant.now()).forEach(file -> PrivateFiles.delete(Path.of(file)));
        return work.startable();
    }
}
