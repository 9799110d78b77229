package com.solduel.ops;

import java.util.List;
import java.util.Set;

/**
 * Starts and lists Jakarta Batch jobs for an admin (POST/GET /api/admin/jobs). Implemented in
 * batch-jobs, where every job is started from an EJB timer thread so that all executions have one
 * submitter (scheduled, recovered and admin-started alike) and stay visible to each other.
 */
public interface AdminJobs {

    /** The jobs an admin may start by name: the one place to add a job to POST /api/admin/jobs/{name}. */
    Set<String> STARTABLE = Set.of("backup", "restore-verify");

    /** Starts the job now; answers its execution id once the batch runtime has it. */
    long start(String jobName);

    /** The newest executions of the job (of every job when null), newest first. */
    List<JobRun> recent(String jobName, int limit);
}
