package com.solduel.wager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.money.Lamports;
import org.junit.jupiter.api.Test;

class WagerLimitsTest {

    private final WagerLimits limits = new WagerLimits(Lamports.of(1_000), Lamports.of(5_000), 250);

    @Test
    void zeroIsFreePlayAndTheBoundsAreIncluded() {
        assertThat(limits.check(Lamports.ZERO)).isEqualTo(Lamports.ZERO);
        assertThat(limits.check(Lamports.of(1_000))).isEqualTo(Lamports.of(1_000));
        assertThat(limits.check(Lamports.of(5_000))).isEqualTo(Lamports.of(5_000));
    }

    @Test
    void aWagerOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> limits.check(Lamports.of(999))).hasFieldOrPropertyWithValue("code", "invalid-wager");
        assertThatThrownBy(() -> limits.check(Lamports.of(5_001))).hasFieldOrPropertyWithValue("code", "invalid-wager");
    }

    @Test
    void theFeeIsRoundedDownAndNeverOverflowsSilently() {
        assertThat(WagerLimits.fee(100_000_000, 250)).isEqualTo(2_500_000);
        assertThat(WagerLimits.fee(39, 250)).isZero();
        assertThatThrownBy(() -> WagerLimits.fee(Long.MAX_VALUE, 250)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void limitsThatMakeNoSenseAreRefusedAtStart() {
        assertThatThrownBy(() -> new WagerLimits(Lamports.of(10), Lamports.of(9), 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WagerLimits(Lamports.ZERO, Lamports.of(9), 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WagerLimits(Lamports.of(1), Lamports.of(9), 10_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
