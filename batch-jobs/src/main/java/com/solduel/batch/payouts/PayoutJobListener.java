package com.solduel.batch.payouts;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells PayoutJobs an execution ended, so owed payouts that arrived meanwhile go at once. */
@Named("payoutJobListener")
@Dependent
public class PayoutJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    PayoutJobs jobs;

    @Override
    public void afterJob() {
        jobs.finished(job.getExecutionId());
    }
}
