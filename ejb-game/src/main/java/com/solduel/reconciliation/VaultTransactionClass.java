package com.solduel.reconciliation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transaction that touched the vault is, for the ledger ({@code vault_transactions.class}).
 * Plain rules, no I/O: {@link #ofUnknown} classifies a transaction that is neither a credited deposit
 * nor a payout attempt from the vault's balance change and its memo.
 */
public enum VaultTransactionClass {
    /** A credited deposit: the ledger books it (DEPOSIT). */
    DEPOSIT,
    /** A payout's transfer (or its failed attempt): the ledger books it once the payouts job marks it. */
    PAYOUT_ATTEMPT,
    /** A deposit for a game that still awaits deposits: it may yet be credited, so it is in flight. */
    AWAITING_CREDIT,
    /** An inflow no deposit explains, booked once to {@code vault:unattributed}. */
    UNATTRIBUTED,
    /** Lamports left the vault outside the payouts job: never booked, so it shows as drift. */
    UNEXPLAINED_OUTFLOW,
    /** An unexplained outflow whose lamports came back with the memo {@code solduel:return:<its signature>}, or that return. */
    RETURNED,
    /** The vault's balance did not move (e.g. a failed transfer someone else paid the fee of). */
    NO_CHANGE;

    private static final Pattern DEPOSIT_MEMO = Pattern.compile("solduel:deposit:game=([0-9]{1,18}):wallet=[1-9A-HJ-NP-Za-km-z]{32,44}");
    private static final Pattern RETURN_MEMO = Pattern.compile("solduel:return:([1-9A-HJ-NP-Za-km-z]{64,88})");

    /**
     * A transaction the books do not know yet: no balance change is NO_CHANGE, a loss is
     * UNEXPLAINED_OUTFLOW, a gain with a deposit memo may still be credited (AWAITING_CREDIT, decided
     * by the game's state), any other gain is UNATTRIBUTED (a return is recognised by the caller, who
     * knows the open outflows).
     */
    public static VaultTransactionClass ofUnknown(long vaultDelta, String memo) {
        if (vaultDelta == 0) {
            return NO_CHANGE;
        }
        if (vaultDelta < 0) {
            return UNEXPLAINED_OUTFLOW;
        }
        return depositGame(memo).isPresent() ? AWAITING_CREDIT : UNATTRIBUTED;
    }

    /** The game a deposit memo names (the RPC's memo field may prefix it, e.g. {@code [58] solduel:deposit:...}). */
    public static Optional<Long> depositGame(String memo) {
        if (memo == null) {
            return Optional.empty();
        }
        Matcher m = DEPOSIT_MEMO.matcher(memo);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The outflow a memo {@code solduel:return:<signature>} says it gives back. */
    public static Optional<String> returnOf(String memo) {
        if (memo == null) {
            return Optional.empty();
        }
        Matcher m = RETURN_MEMO.matcher(memo);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
