package com.solduel.ledger;

import java.util.regex.Pattern;

/** The ledger's account names (docs/money.md lists them with their meaning). */
public final class LedgerAccounts {

    /** What the escrow vault holds on-chain: every lamport, its float included once reconciled (docs/money.md). */
    public static final String VAULT = "vault";
    /** Fees the house earned. */
    public static final String HOUSE_FEES = "house:fees";
    /**
     * Lamports that reached the vault and that no player can claim through the API (the operator's
     * float, a transfer with a wrong memo, a late or second deposit): booked by the reconciliation.
     */
    public static final String VAULT_UNATTRIBUTED = "vault:unattributed";
    /** Network fees paid for payout transfers (by the fee payer, or by the vault when it pays its own). */
    public static final String CHAIN_FEES = "chain:fees";
    /** The payouts' fee payer account (outside the escrow; its funding is not booked, like the vault's float). */
    public static final String FEE_PAYER = "feepayer";

    /** The same rule as the database's CHECK on ledger_postings.account. */
    private static final Pattern NAME = Pattern.compile("[a-z]+(:[A-Za-z0-9]+)*");

    private LedgerAccounts() {
    }

    /** What a player deposited and is not yet staked or refunded. */
    public static String deposits(String wallet) {
        return "player:" + wallet + ":deposits";
    }

    /** What the vault owes a player (payouts and refunds decided, not yet sent). */
    public static String payouts(String wallet) {
        return "player:" + wallet + ":payouts";
    }

    /** The stakes of a game. */
    public static String pot(long gameId) {
        return "game:" + gameId + ":pot";
    }

    static boolean isValid(String account) {
        return account != null && account.length() <= 100 && NAME.matcher(account).matches();
    }
}
