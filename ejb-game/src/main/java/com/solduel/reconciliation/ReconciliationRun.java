package com.solduel.reconciliation;

import java.time.Instant;

/** One reconciliation run: the vault's balance at a slot against the books; status OK or DRIFT. */
public record ReconciliationRun(long id, String node, Instant startedAt, Instant finishedAt, String vault, Drift figures,
                                String status, int scanned) {
}
