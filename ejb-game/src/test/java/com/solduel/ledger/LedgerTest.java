package com.solduel.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks made before a transfer reaches the database (which checks again at commit). */
class LedgerTest {

    @Test
    void postingsThatSumToZeroPass() {
        assertThatCode(() -> Ledger.requireBalanced(List.of(new Posting(LedgerAccounts.VAULT, 5),
                new Posting(LedgerAccounts.deposits("W1"), -3), new Posting(LedgerAccounts.pot(7), -2)))).doesNotThrowAnyException();
    }

    @Test
    void anUnbalancedOrOneSidedTransferIsRefused() {
        assertThatThrownBy(() -> Ledger.requireBalanced(List.of(new Posting(LedgerAccounts.VAULT, 5),
                new Posting(LedgerAccounts.HOUSE_FEES, -4)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ledger.requireBalanced(List.of(new Posting(LedgerAccounts.VAULT, 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ledger.requireBalanced(List.of(new Posting(LedgerAccounts.VAULT, Long.MAX_VALUE),
                new Posting(LedgerAccounts.HOUSE_FEES, Long.MAX_VALUE), new Posting(LedgerAccounts.CHAIN_FEES, 2))))
                .as("an overflowing sum").isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aPostingMovesSomethingToANamedAccount() {
        assertThatThrownBy(() -> new Posting(LedgerAccounts.VAULT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting("Vault; DROP", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
