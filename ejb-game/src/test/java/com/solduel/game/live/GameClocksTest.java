package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GameClocksTest {

    private static final long NOW = 1_764_600_000_000L;

    @Test
    void aDecidedGameWhoseResultIsPendingWakesAtOnce() {
        // GameTable.nextWakeup() answers Long.MIN_VALUE for "record the result now" (a game taken
        // over after its previous owner decided it but could not record it).
        assertThat(GameClocks.delayUntil(Long.MIN_VALUE, NOW)).isZero();
    }

    @Test
    void aPastDeadlineIsDueAndAFutureOneWaitsItsTime() {
        assertThat(GameClocks.delayUntil(NOW - 5, NOW)).isZero();
        assertThat(GameClocks.delayUntil(NOW, NOW)).isZero();
        assertThat(GameClocks.delayUntil(NOW + 20_000, NOW)).isEqualTo(20_000);
    }
}
