/**
 * Operations the application runs on itself as Jakarta Batch jobs (backup, restore-verify, and the
 * payouts and reconciliation jobs): what an admin may start by name ({@link com.solduel.ops.AdminJobs}),
 * and what an execution looks like to an admin ({@link com.solduel.ops.JobRun}). The jobs live in
 * the batch-jobs module; docs/operations.md says how they run.
 */
package com.solduel.ops;
