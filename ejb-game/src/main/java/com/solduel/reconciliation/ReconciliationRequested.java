package com.solduel.reconciliation;

/**
 * CDI event: an admin asked for a reconciliation now. Observed by the batch module's
 * ReconciliationJobs, which starts the {@code reconciliation} job from a timer thread.
 */
public record ReconciliationRequested(String admin) {
}
