package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GameStatusTest {

    @Test
    void aPaidGameWaitsForDepositsAFreeOneStartsAtOnce() {
        assertThat(GameStatus.CREATED.moveTo(GameStatus.AWAITING_DEPOSITS).moveTo(GameStatus.IN_PROGRESS)
                .moveTo(GameStatus.COMPLETED)).isEqualTo(GameStatus.COMPLETED);
        assertThat(GameStatus.CREATED.moveTo(GameStatus.IN_PROGRESS)).isEqualTo(GameStatus.IN_PROGRESS);
    }

    @Test
    void finishedGamesNeverChangeAgain() {
        for (GameStatus end : new GameStatus[] {GameStatus.COMPLETED, GameStatus.CANCELLED, GameStatus.ABORTED}) {
            assertThat(end.isFinal()).isTrue();
            assertThatThrownBy(() -> end.moveTo(GameStatus.IN_PROGRESS)).hasMessageContaining("cannot go from " + end);
        }
        assertThatThrownBy(() -> GameStatus.IN_PROGRESS.moveTo(GameStatus.CANCELLED))
                .as("a started game is aborted (with refunds), not cancelled").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdminAbortsAGameAwaitingDepositsOrInProgressButNotOneWaitingForItsSecondPlayer() {
        assertThat(GameStatus.AWAITING_DEPOSITS.moveTo(GameStatus.ABORTED)).isEqualTo(GameStatus.ABORTED);
        assertThat(GameStatus.IN_PROGRESS.moveTo(GameStatus.ABORTED)).isEqualTo(GameStatus.ABORTED);
        assertThatThrownBy(() -> GameStatus.CREATED.moveTo(GameStatus.ABORTED)).isInstanceOf(IllegalStateException.class);
    }
}
