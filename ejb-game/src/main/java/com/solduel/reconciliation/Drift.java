package com.solduel.reconciliation;

/**
 * The vault at one slot: its balance on-chain against what the books explain. {@code ledger} is the
 * SUM of the {@code vault} account's postings for transactions up to the slot; {@code inFlight} the
 * balance changes of transactions that landed but are not booked yet (a payout the job has not marked,
 * a deposit not yet credited). drift = onChain − (ledger + inFlight): 0 when every lamport is explained.
 */
public record Drift(long slot, long onChain, long ledger, long inFlight) {

    /** Lamports on-chain that nothing explains (negative: lamports the books hold that the vault does not). */
    public long drift() {
        return Math.subtractExact(onChain, Math.addExact(ledger, inFlight));
    }

    /** What the books say the vault holds. */
    public long explained() {
        return Math.addExact(ledger, inFlight);
    }

    public boolean ok() {
        return drift() == 0;
    }
}
