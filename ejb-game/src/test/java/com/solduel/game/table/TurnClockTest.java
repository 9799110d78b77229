package com.solduel.game.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The turn clock on its own: when turn 1 starts, when a turn runs out, what a takeover gives. */
class TurnClockTest {

    @Test
    void turnOneStartsWhenBothAreHereOrWhenTheJoinGraceEnds() {
        TurnClock clock = TurnClock.awaitingPlayers(20_000, 30_000);
        assertThat(clock.isRunning()).isFalse();
        assertThat(clock.nextWakeup()).isEqualTo(30_000);
        assertThat(clock.shouldStart(10_000, false)).isFalse();
        assertThat(clock.shouldStart(10_000, true)).isTrue();
        assertThat(clock.shouldStart(30_000, false)).isTrue();
        assertThat(clock.start(10_000)).isEqualTo(30_000);
        assertThat(clock.shouldStart(11_000, true)).as("started once").isFalse();
    }

    @Test
    void aRunningTurnRunsOutAtItsDeadline() {
        TurnClock clock = TurnClock.awaitingPlayers(20_000, 30_000);
        clock.start(1_000);
        assertThat(clock.hasRunOut(20_999)).isFalse();
        assertThat(clock.hasRunOut(21_000)).isTrue();
        assertThat(clock.nextWakeup()).isEqualTo(21_000);
        clock.stop();
        assertThat(clock.isRunning()).isFalse();
        assertThat(clock.nextWakeup()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aTakenOverGameGivesTheRunningTurnAFullTurnPlusTheGrace() {
        TurnClock clock = TurnClock.resumed(20_000, 100_000, 30_000);
        assertThat(clock.isRunning()).isTrue();
        assertThat(clock.deadline()).isEqualTo(150_000);
        assertThat(clock.shouldStart(100_000, true)).isFalse();
    }
}
