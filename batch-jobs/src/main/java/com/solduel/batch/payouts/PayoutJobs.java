package com.solduel.batch.payouts;

import com.solduel.game.live.NodeIdentity;
import com.solduel.payout.PayoutBook;
import com.solduel.payout.PayoutFeePayer;
import com.solduel.payout.PayoutMetrics;
import com.solduel.ops.ChainCheck;
import com.solduel.payout.PayoutsOwed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the {@code payouts} job on this node: right after a transaction that owes a payout
 * commits, and every {@code solduel.payouts.sweep-seconds} while any payout is open (so a payout
 * left by a crash, a dropped transfer or an outage is picked up again). At most one execution runs
 * per node; a request while it runs makes it run once more. At the first sweep after a start, the
 * last execution of the job, when it FAILED or STOPPED (a crash, a server stop), is restarted from
 * its checkpoint. Jobs are started from timer threads only, so every execution has the same submitter.
 */
@Singleton
@Startup
public class PayoutJobs {

    private static final Logger LOG = Logger.getLogger(PayoutJobs.class.getName());
    static final String JOB = "payouts";

    @Resource
    TimerService timers;

    @EJB
    PayoutBook book;

    @Inject
    PayoutFeePayer feePayer;

    @Inject
    NodeIdentity node;

    @Inject
    PayoutMetrics metrics;

    @Inject
    @ConfigProperty(name = "solduel.payouts.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "solduel.payouts.sweep-seconds", defaultValue = "10")
    int sweepSeconds;

    @Inject
    @ConfigProperty(name = "solduel.payouts.chunk-size", defaultValue = "100")
    int chunkSize;

    private Long running;
    private boolean again;
    private boolean recovered;

    @PostConstruct
    void schedule() {
        if (!enabled) {
            LOG.info("payouts job disabled on this node (solduel.payouts.enabled=false)");
            return;
        }
        if (sweepSeconds > 0) {
            timers.createIntervalTimer(Math.min(5_000L, sweepSeconds * 1_000L), sweepSeconds * 1_000L, new TimerConfig(null, false));
        }
    }

    /** A transaction that owes a payout committed: run the job now (from a timer thread). */
    public void owed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PayoutsOwed owed) {
        if (enabled) {
            timers.createSingleActionTimer(1, new TimerConfig(null, false));
        }
    }

    /** The listener's call when an execution ends: runs again at once if payouts were owed meanwhile. */
    public void finished(long executionId) {
        if (running != null && running == executionId) {
            running = null;
            if (again) {
                again = false;
                timers.createSingleActionTimer(1, new TimerConfig(null, false));
            }
        }
    }

    @Timeout
    void run(Timer timer) {
        // Moves money: only once this node has checked it talks to the chain its profile allows (a
        // cross-module @DependsOn on ChainCheck kept this bean from starting eagerly, and its sweeps with it).
        if (!enabled || !feePayer.available() || !ChainCheck.passed()) {
            return;
        }
        metrics.refresh();
        try {
            JobOperator jobs = BatchRuntime.getJobOperator();
            if (running != null && isActive(jobs.getJobExecution(running).getBatchStatus())) {
                again = true;
                return;
            }
            if (!recovered) {
                recovered = true;
                if (restartLast(jobs)) {
                    return;
                }
            }
            if (book.open(0, 1, node.id()).isEmpty()) {
                running = null;
                return;
            }
            Properties parameters = new Properties();
            parameters.setProperty("chunkSize", Integer.toString(chunkSize));
            running = jobs.start(JOB, parameters);
        } catch (RuntimeException e) {
            // The next sweep tries again; payouts stay owed in PostgreSQL whatever happens here.
            LOG.warning("payouts job not started now (" + e + "); the next sweep in " + sweepSeconds + " s tries again");
            running = null;
        }
    }

    /** Restarts this job's newest execution from its checkpoint when it FAILED or STOPPED; true when it did. */
    private boolean restartLast(JobOperator jobs) {
        if (!jobs.getJobNames().contains(JOB)) {
            return false;
        }
        List<JobInstance> instances = jobs.getJobInstances(JOB, 0, 1);
        if (instances.isEmpty()) {
            return false;
        }
        List<JobExecution> executions = jobs.getJobExecutions(instances.get(0));
        JobExecution last = executions.stream().max(java.util.Comparator.comparingLong(JobExecution::getExecutionId)).orElse(null);
        if (last == null || (last.getBatchStatus() != BatchStatus.FAILED && last.getBatchStatus() != BatchStatus.STOPPED)) {
            return false;
        }
        Properties parameters = new Properties();
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        running = jobs.restart(last.getExecutionId(), parameters);
        LOG.info("payouts job execution " + last.getExecutionId() + " (" + last.getBatchStatus() + ") restarted from its "
                + "checkpoint as execution " + running);
        return true;
    }

    private static boolean isActive(BatchStatus status) {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }
}
