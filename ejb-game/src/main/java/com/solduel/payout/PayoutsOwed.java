package com.solduel.payout;

/**
 * CDI event: a payout or refund row was written in the current transaction. Observed after a
 * successful commit by the batch module's PayoutJobs, which starts the payouts job at once.
 */
public record PayoutsOwed(long gameId) {
}
