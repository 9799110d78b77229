/**
 * Reconciliation (docs/money.md): the escrow vault's on-chain balance and signatures against the
 * ledger. {@link com.solduel.reconciliation.VaultTransactionClass} and
 * {@link com.solduel.reconciliation.Drift} are the pure rules; {@link com.solduel.reconciliation.Reconciler}
 * reads the chain and {@link com.solduel.reconciliation.ReconciliationBook} keeps what it found in
 * PostgreSQL. The batch module's {@code reconciliation} job runs it on one node at a time.
 */
package com.solduel.reconciliation;
