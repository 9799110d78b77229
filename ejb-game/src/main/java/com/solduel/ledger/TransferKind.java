package com.solduel.ledger;

/** Why lamports moved between ledger accounts; the database's {@code ledger_transfers.kind}. */
public enum TransferKind {
    /** Lamports arrived in the vault from a player's wallet. */
    DEPOSIT,
    /** A player's deposit became their stake in a game's pot. */
    STAKE,
    /** A game's pot went to its winner. */
    POT,
    /** The house's fee taken from a pot. */
    HOUSE_FEE,
    /** A payout left the vault on-chain. */
    PAYOUT,
    /** Lamports became owed back to the player who paid them. */
    REFUND,
    /** The network fee the vault paid for a transaction it sent. */
    NETWORK_FEE,
    /** Lamports reached the vault that no deposit explains (booked once by the reconciliation). */
    UNATTRIBUTED
}
