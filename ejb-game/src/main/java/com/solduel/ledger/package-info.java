/**
 * The double-entry ledger (SPEC §7, docs/money.md): immutable transfers whose postings sum to zero,
 * at most one per idempotency key, balances derived by summing postings. The database enforces
 * the invariants (changelog 006); this package only appends.
 */
package com.solduel.ledger;
