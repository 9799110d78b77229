package com.solduel.reconciliation;

/** What a reconciliation found that an operator must see (docs/money.md, runbook); {@code reconciliation_items.kind}. */
public enum ItemKind {
    /** Lamports reached the vault without being a credited deposit; booked once to {@code vault:unattributed}. */
    UNATTRIBUTED_INFLOW(false),
    /** Lamports left the vault in a transaction that is no payout attempt: the vault's key was used outside the server. */
    UNEXPLAINED_OUTFLOW(true),
    /** The vault's on-chain balance differs from what the ledger (and the transfers in flight) explain. */
    DRIFT(true),
    /** The ledger broke one of its own rules (postings not summing to zero, a payout or deposit without its transfer). */
    LEDGER_INVARIANT(true);

    private final boolean critical;

    ItemKind(boolean critical) {
        this.critical = critical;
    }

    /** Whether it means money may be lost or booked wrongly (a WARNING log line, an alert), not only unexplained. */
    public boolean critical() {
        return critical;
    }
}
