package com.solduel.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VaultTransactionClassTest {

    private static final String WALLET = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    private static final String SIGNATURE = "5h6xBEauJ3PK6SWCZ1PGjBvj8vDdWG3KpwATGy1ARAXFSDwt8GFXM7W5Ncn16wmqokgpiKRLuS83KUxyZyv2sUYv";

    @Test
    void aTransactionTheBooksDoNotKnowIsClassifiedByWhatItDidToTheVault() {
        assertThat(VaultTransactionClass.ofUnknown(0, null)).isEqualTo(VaultTransactionClass.NO_CHANGE);
        assertThat(VaultTransactionClass.ofUnknown(-20_005_000, "solduel:deposit:game=7:wallet=" + WALLET))
                .as("a loss is never a deposit, whatever its memo").isEqualTo(VaultTransactionClass.UNEXPLAINED_OUTFLOW);
        assertThat(VaultTransactionClass.ofUnknown(10_000_000_000L, null)).as("the float").isEqualTo(VaultTransactionClass.UNATTRIBUTED);
        assertThat(VaultTransactionClass.ofUnknown(5, "thanks!")).isEqualTo(VaultTransactionClass.UNATTRIBUTED);
        assertThat(VaultTransactionClass.ofUnknown(50_000_000, "[58] solduel:deposit:game=7:wallet=" + WALLET))
                .as("may still be credited: its game decides").isEqualTo(VaultTransactionClass.AWAITING_CREDIT);
    }

    @Test
    void memosNameTheirGameOrTheOutflowTheyReturn() {
        assertThat(VaultTransactionClass.depositGame("solduel:deposit:game=42:wallet=" + WALLET)).contains(42L);
        assertThat(VaultTransactionClass.depositGame("solduel:deposit:game=42:wallet=0OIl")).isEmpty();
        assertThat(VaultTransactionClass.depositGame(null)).isEmpty();
        assertThat(VaultTransactionClass.returnOf("solduel:return:" + SIGNATURE)).contains(SIGNATURE);
        assertThat(VaultTransactionClass.returnOf("solduel:return:short")).isEmpty();
        assertThat(VaultTransactionClass.returnOf(null)).isEmpty();
    }

    @Test
    void driftIsWhatTheBooksAndTheTransfersInFlightDoNotExplain() {
        Drift landedNotMarked = new Drift(100, 9_900_000_000L, 10_000_000_000L, -100_000_000L);
        assertThat(landedNotMarked.drift()).isZero();
        assertThat(landedNotMarked.ok()).isTrue();
        assertThat(landedNotMarked.explained()).isEqualTo(9_900_000_000L);
        Drift taken = new Drift(100, 9_979_995_000L, 10_000_000_000L, 0);
        assertThat(taken.drift()).isEqualTo(-20_005_000L);
        assertThat(taken.ok()).isFalse();
        assertThatThrownBy(() -> new Drift(1, Long.MIN_VALUE, Long.MAX_VALUE, 0).drift()).isInstanceOf(ArithmeticException.class);
    }
}
