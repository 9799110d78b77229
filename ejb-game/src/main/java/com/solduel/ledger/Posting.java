package com.solduel.ledger;

/**
 * One line of a transfer: {@code amount} lamports added to {@code account}'s balance. Positive is
 * lamports held (the vault), negative lamports owed to someone (a player, a pot, the house).
 */
public record Posting(String account, long amount) {

    public Posting {
        if (amount == 0) {
            throw new IllegalArgumentException("a posting moves a non-zero amount");
        }
        if (!LedgerAccounts.isValid(account)) {
            throw new IllegalArgumentException("not a ledger account name: " + account);
        }
    }
}
