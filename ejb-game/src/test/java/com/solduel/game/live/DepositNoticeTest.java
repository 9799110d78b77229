package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.DepositCounted;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.table.GameCancelled;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepositNoticeTest {

    private static final PerSeat<DepositRequired> REQUIRED = new PerSeat<>(
            new DepositRequired(7, "VAULT", 50_000_000, "solduel:deposit:game=7:wallet=W1", 1_000L, true, false),
            new DepositRequired(7, "VAULT", 50_000_000, "solduel:deposit:game=7:wallet=W2", 1_000L, false, true));

    @Test
    void aCreditHeardOnAnotherNodeTellsEachSeatWhereItsOwnAndItsOpponentsDepositStand() {
        DepositNotice notice = DepositNotice.read(DepositNotice.credited("node-a", 7, REQUIRED,
                new DepositNotice.Credit(Seat.P1, "W1", 50_000_100, "AWAITING_DEPOSITS")).text());

        assertThat(notice.from()).isEqualTo("node-a");
        assertThat(notice.messageFor(Optional.of(Seat.P1))).contains(
                new DepositCounted(7, Seat.P1, "W1", 50_000_100, true, false, "AWAITING_DEPOSITS"));
        assertThat(notice.messageFor(Optional.of(Seat.P2))).contains(
                new DepositCounted(7, Seat.P1, "W1", 50_000_100, false, true, "AWAITING_DEPOSITS"));
        assertThat(notice.messageFor(Optional.empty())).as("a spectator hears nothing of deposits").isEmpty();
        assertThat(notice.ends()).isFalse();
    }

    @Test
    void openedDepositsGiveEachSeatItsOwnInstructions() {
        DepositNotice notice = DepositNotice.read(DepositNotice.opened("node-a", 7, REQUIRED).text());

        assertThat(notice.messageFor(Optional.of(Seat.P1))).contains(REQUIRED.p1());
        assertThat(notice.messageFor(Optional.of(Seat.P2))).contains(REQUIRED.p2());
    }

    @Test
    void aCancellationReachesEveryFollowerAndEndsTheGameForThem() {
        GameCancelled cancelled = new GameCancelled(7, GameCancelled.DEPOSIT_DEADLINE_MISSED,
                List.of(new GameCancelled.Refund(Seat.P2, "W2", 50_000_000)));
        DepositNotice notice = DepositNotice.read(DepositNotice.cancelled("node-b", cancelled).text());

        assertThat(notice.messageFor(Optional.of(Seat.P1))).contains(cancelled);
        assertThat(notice.messageFor(Optional.empty())).contains(cancelled);
        assertThat(notice.ends()).isTrue();
    }
}
