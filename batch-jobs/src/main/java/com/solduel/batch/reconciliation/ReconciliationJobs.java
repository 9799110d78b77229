package com.solduel.batch.reconciliation;

import com.solduel.reconciliation.ReconciliationRequested;
import com.solduel.wager.EscrowVault;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the {@code reconciliation} job on this node every {@code solduel.reconciliation.interval-seconds}
 * and when an admin asks ({@link ReconciliationRequested}). Every node with a vault starts it; the
 * job's lease lets one node reconcile at a time, the others end at once. One execution per node at a
 * time; jobs are started from timer threads only, so every execution has the same submitter.
 */
@Singleton
@Startup
public class ReconciliationJobs {

    private static final Logger LOG = Logger.getLogger(ReconciliationJobs.class.getName());
    static final String JOB = "reconciliation";

    @Resource
    TimerService timers;

    @Inject
    EscrowVault vault;

    @Inject
    @ConfigProperty(name = "solduel.reconciliation.interval-seconds", defaultValue = "300")
    long intervalSeconds;

    private Long running;

    @PostConstruct
    void schedule() {
        if (intervalSeconds > 0) {
            timers.createIntervalTimer(Math.min(5_000L, intervalSeconds * 1_000L), intervalSeconds * 1_000L, new TimerConfig(null, false));
        }
    }

    /** An admin asked for a run now: start it from a timer thread. */
    public void requested(@Observes ReconciliationRequested request) {
        LOG.info(() -> "reconciliation requested by admin " + request.admin());
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    void run() {
        if (!vault.available()) {
            return;
        }
        try {
            JobOperator jobs = BatchRuntime.getJobOperator();
            if (running != null) {
                BatchStatus status = jobs.getJobExecution(running).getBatchStatus();
                if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING) {
                    return; // the running one reads the chain afresh; a second one would only wait for the lease
                }
            }
            running = jobs.start(JOB, new Properties());
        } catch (RuntimeException e) {
            LOG.warning("reconciliation job not started now (" + e + "); the next run in " + intervalSeconds + " s tries again");
            running = null;
        }
    }
}
