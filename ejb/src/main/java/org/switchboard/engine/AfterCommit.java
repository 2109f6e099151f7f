package org.switchboard.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs a step once the caller's transaction has committed (never if it rolls back). */
@ApplicationScoped
public class AfterCommit {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public void run(Runnable step) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    step.run();
                }
            }
        });
    }
}
