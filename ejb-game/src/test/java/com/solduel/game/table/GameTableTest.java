package com.solduel.game.table;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one writer of a game, driven without a server: commands in, stored rows and events out. */
class GameTableTest {

    private static final long TURN = 20_000;
    private static final long GRACE = 30_000;
    private static final TableSettings SETTINGS = new TableSettings(TURN, GRACE, 2_000, 2);
    private static final long T0 = 1_000_000;

    private final InMemoryStore store = new InMemoryStore();

    static GameSetup rps(int bestOf) {
        return new GameSetup(7, GameType.RPS, GameOptions.bestOf(bestOf), new ServerSeed("11".repeat(32)),
                new PerSeat<>(new ClientSeed("alice-seed"), new ClientSeed("bob-seed")));
    }

    private GameTable newTable(int bestOf) {
        return newTable(bestOf, SETTINGS);
    }

    private GameTable newTable(int bestOf, TableSettings settings) {
        return GameTable.started(GameLog.start(rps(bestOf), new PerSeat<>("alice", "bob")), store, settings, T0);
    }

    /** Turns longer than the grace, so a test of absence sees no missed turn. */
    private static final TableSettings SLOW_TURNS = new TableSettings(10 * GRACE, GRACE, 2_000, 2);

    @Test
    void aGamePlayedToTheEndTellsEveryStepUnderIncreasingVersions() {
        GameTable table = newTable(1);
        assertThat(table.connect(Seat.P1, T0)).isEmpty();
        assertThat(table.connect(Seat.P2, T0 + 100)).containsExactly(new TurnStarted(7, 1, T0 + 100 + TURN));

        GameTable.Submitted first = table.submit(Seat.P1, 1, 1, "rock", T0 + 200);
        assertThat(first.ack()).isEqualTo(new ActionAccepted(7, 1, 1, "ROCK", false));
        assertThat(first.events()).containsExactly(new PlayerActed(2, 7, Seat.P1, 1, false));

        GameTable.Submitted second = table.submit(Seat.P2, 1, 1, "SCISSORS", T0 + 300);
        assertThat(second.events()).as("the deciding move's frames go out before the result is recorded").hasSize(2);
        TurnPlayed turn = (TurnPlayed) second.events().get(1);
        assertThat(turn.version()).isEqualTo(4);
        assertThat(turn.moves()).isEqualTo(new PerSeat<>("ROCK", "SCISSORS"));
        assertThat(turn.nextTurn()).as("the last turn names no next turn").isEmpty();
        assertThat(store.results).isZero();
        assertThat(table.isOver()).isFalse();
        assertThat(table.snapshot(Seat.P1).status()).isEqualTo(StateSnapshot.Status.FINISHED);
        assertThat(table.resultDue()).isTrue();
        assertThat(table.nextWakeup()).as("the submitter records the result; the clock only if it did not")
                .isEqualTo(T0 + 300 + 2_000);
        assertThatThrownBy(() -> table.submit(Seat.P2, 2, 2, "ROCK", T0 + 310))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("game-over"));

        List<GameEvent> settled = table.tick(T0 + 301);
        assertThat(settled).singleElement().isInstanceOf(GameOver.class);
        GameOver over = (GameOver) settled.get(0);
        assertThat(over.version()).isEqualTo(5);
        assertThat(over.outcome()).isEqualTo(Outcome.win(Seat.P1, over.outcome().reason()));
        assertThat(over.winner()).contains("alice");
        assertThat(over.settlement()).isPresent();
        assertThat(store.rows).hasSize(2);
        assertThat(store.results).isEqualTo(1);
        assertThat(table.isOver()).isTrue();
        assertThat(table.nextWakeup()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> table.submit(Seat.P2, 2, 2, "ROCK", T0 + 400))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("game-over"));
    }

    @Test
    void aResendIsAnsweredAgainAndEveryOtherReuseOfAClientSeqIsRefused() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        table.submit(Seat.P1, 5, 1, "ROCK", T0 + 1);

        GameTable.Submitted again = table.submit(Seat.P1, 5, 1, "rock", T0 + 2);
        assertThat(again.ack().duplicate()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThatThrownBy(() -> table.submit(Seat.P1, 5, 1, "PAPER", T0 + 3))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("already-chosen"));
        assertThatThrownBy(() -> table.submit(Seat.P1, 4, 1, "ROCK", T0 + 3))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("stale-sequence"));
        assertThatThrownBy(() -> table.submit(Seat.P1, 6, 1, "PAPER", T0 + 3))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("already-chosen"));
        GameTable.Submitted sameChoiceNewSeq = table.submit(Seat.P1, 6, 1, "ROCK", T0 + 4);
        assertThat(sameChoiceNewSeq.ack()).isEqualTo(new ActionAccepted(7, 6, 1, "ROCK", true));
        assertThatThrownBy(() -> table.submit(Seat.P1, 7, 2, "ROCK", T0 + 3))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("wrong-turn"));
        assertThatThrownBy(() -> table.submit(Seat.P2, 1, 1, "LIZARD", T0 + 3))
                .isInstanceOfSatisfying(GameRefusedException.class, e -> assertThat(e.code()).isEqualTo("unknown-action"));
        assertThat(store.rows).as("only the first ROCK was recorded").hasSize(1);
    }

    @Test
    void turnOnesClockWaitsForBothPlayersAtMostTheJoinGrace() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        assertThat(table.snapshot(Seat.P1).turnDeadline()).isEmpty();
        assertThat(table.nextWakeup()).isEqualTo(T0 + GRACE);
        assertThat(table.tick(T0 + GRACE - 1)).isEmpty();
        assertThat(table.connect(Seat.P2, T0 + 5_000)).containsExactly(new TurnStarted(7, 1, T0 + 5_000 + TURN));
        assertThat(table.snapshot(null).turnDeadline()).contains(T0 + 5_000 + TURN);
    }

    @Test
    void aPlayerWhoNeverCameForfeitsWhenTheJoinGraceEnds() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        List<GameEvent> events = table.tick(T0 + GRACE);
        GameOver over = (GameOver) events.get(events.size() - 1);
        assertThat(over.outcome()).isEqualTo(Outcome.win(Seat.P1, Outcome.FORFEIT));
        assertThat(over.forfeits()).containsExactly(new LogRow.Forfeit(1, Seat.P2, ForfeitCause.ABSENT));
        assertThat(store.rows).containsExactly(new LogRow.Forfeit(1, Seat.P2, ForfeitCause.ABSENT));
    }

    @Test
    void aPlayerWhoNeverCameNeverBeatsOneWhoPlayedAndDropped() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1_000);
        assertThat(table.disconnect(Seat.P1, T0 + 2_000))
                .containsExactly(new PlayerLeft(7, Seat.P1, GRACE / 1000, T0 + 2_000 + GRACE));
        List<GameEvent> events = table.tick(T0 + GRACE);
        GameOver over = (GameOver) events.get(events.size() - 1);
        assertThat(over.outcome()).isEqualTo(Outcome.draw(Outcome.ABANDONED));
        assertThat(over.forfeits()).extracting(LogRow.Forfeit::seat).containsExactlyInAnyOrder(Seat.P1, Seat.P2);
        assertThat(over.settlement()).as("nobody is rated for an abandoned game").isEmpty();
    }

    @Test
    void aPlayerAwayLongerThanTheGraceForfeitsWhileTheOtherWaits() {
        GameTable table = newTable(3, SLOW_TURNS);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.disconnect(Seat.P2, T0 + 1_000);
        assertThat(table.tick(T0 + GRACE)).isEmpty();
        List<GameEvent> events = table.tick(T0 + 1_000 + GRACE);
        GameOver over = (GameOver) events.get(events.size() - 1);
        assertThat(over.outcome()).isEqualTo(Outcome.win(Seat.P1, Outcome.FORFEIT));
        assertThat(over.forfeits()).containsExactly(new LogRow.Forfeit(1, Seat.P2, ForfeitCause.ABSENT));
    }

    @Test
    void aReturnWithinTheGraceKeepsTheGameGoing() {
        GameTable table = newTable(3, SLOW_TURNS);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.disconnect(Seat.P2, T0 + 1_000);
        assertThat(table.connect(Seat.P2, T0 + 2_000)).containsExactly(new PlayerReturned(7, Seat.P2));
        assertThat(table.tick(T0 + 1_000 + GRACE)).isEmpty();
        assertThat(table.isOver()).isFalse();
    }

    @Test
    void aSecondConnectionOfAPlayerIsNeitherALeaveNorAReturn() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        assertThat(table.connect(Seat.P2, T0 + 10)).isEmpty();
        assertThat(table.disconnect(Seat.P2, T0 + 20)).isEmpty();
        assertThat(table.isConnected(Seat.P2)).isTrue();
    }

    @Test
    void aMissedTurnPlaysTheDefaultAndTwoInARowForfeit() {
        GameTable table = newTable(5);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1);
        List<GameEvent> first = table.tick(T0 + TURN);
        assertThat(first).filteredOn(PlayerActed.class::isInstance)
                .containsExactly(new PlayerActed(3, 7, Seat.P2, 1, true));
        TurnPlayed played = turnPlayed(first);
        assertThat(played.timedOut()).containsExactly(Seat.P2);
        long turn2Deadline = T0 + 2 * TURN;
        assertThat(first.get(first.size() - 1)).isEqualTo(new TurnStarted(7, played.nextTurn().orElseThrow(), turn2Deadline));

        int turn2 = played.nextTurn().orElseThrow();
        table.submit(Seat.P1, 2, turn2, "PAPER", turn2Deadline - 5);
        List<GameEvent> second = table.tick(turn2Deadline);
        GameOver over = (GameOver) second.get(second.size() - 1);
        assertThat(over.outcome()).isEqualTo(Outcome.win(Seat.P1, Outcome.FORFEIT));
        assertThat(over.forfeits()).containsExactly(new LogRow.Forfeit(4, Seat.P2, ForfeitCause.MISSED_TURNS));
    }

    @Test
    void aGameDecidedByTheClocksDefaultMoveRecordsItsResultAtTheNextTick() {
        GameTable table = newTable(1);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1);
        List<GameEvent> timedOut = table.tick(T0 + TURN);
        assertThat(turnPlayed(timedOut).timedOut()).containsExactly(Seat.P2);
        assertThat(timedOut).noneMatch(GameOver.class::isInstance);
        assertThat(table.nextWakeup()).as("no submitter to record it: due at once").isEqualTo(Long.MIN_VALUE);

        List<GameEvent> settled = table.tick(T0 + TURN);
        assertThat(settled).singleElement().isInstanceOf(GameOver.class);
        assertThat(table.isOver()).isTrue();
        assertThat(table.resultDue()).isFalse();
    }

    @Test
    void whenOnlyP1IsLateP2KeepsItsNextTurn() {
        GameTable table = newTable(5);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.submit(Seat.P2, 1, 1, "ROCK", T0 + 1);
        List<GameEvent> first = table.tick(T0 + TURN);
        TurnPlayed played = turnPlayed(first);
        assertThat(played.timedOut()).containsExactly(Seat.P1);
        // P1's default completed the turn; P2 was not late and plays its next turn itself.
        assertThat(first).filteredOn(PlayerActed.class::isInstance).extracting(e -> ((PlayerActed) e).seat())
                .containsExactly(Seat.P1);
        int turn2 = played.nextTurn().orElseThrow();
        assertThat(table.submit(Seat.P2, 2, turn2, "PAPER", T0 + TURN + 5).ack().duplicate()).isFalse();
    }

    /** The turn a tick resolved (it must have resolved one). */
    private static TurnPlayed turnPlayed(List<GameEvent> events) {
        return (TurnPlayed) events.stream().filter(TurnPlayed.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void bothPlayersOutOfTurnsAtOnceAbandonTheGame() {
        GameTable table = newTable(5);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.tick(T0 + TURN);
        List<GameEvent> events = table.tick(T0 + 2 * TURN);
        GameOver over = (GameOver) events.get(events.size() - 1);
        assertThat(over.outcome().reason()).isEqualTo(Outcome.ABANDONED);
        assertThat(over.forfeits()).extracting(LogRow.Forfeit::cause).containsOnly(ForfeitCause.MISSED_TURNS);
    }

    @Test
    void aGameRebuiltFromItsRowsHasTheSameEventsUnderTheSameVersions() {
        GameTable table = newTable(3);
        List<GameEvent> told = new ArrayList<>(table.eventsAfter(0));
        told.addAll(table.connect(Seat.P1, T0));
        told.addAll(table.connect(Seat.P2, T0));
        String[][] moves = {{"ROCK", "PAPER"}, {"SCISSORS", "PAPER"}, {"ROCK", "ROCK"}, {"PAPER", "ROCK"}};
        int seq = 1;
        for (String[] turn : moves) {
            int number = table.snapshot(null).turn();
            told.addAll(table.submit(Seat.P1, seq, number, turn[0], T0 + seq).events());
            told.addAll(table.submit(Seat.P2, seq, number, turn[1], T0 + seq).events());
            seq++;
        }
        told.addAll(table.tick(T0 + seq));
        assertThat(table.isOver()).isTrue();
        GameOver over = table.log().gameOver().orElseThrow();

        GameLog rebuilt = GameLog.rebuild(rps(3), new PerSeat<>("alice", "bob"), store.rows, Optional.of(over.settlement()));
        List<GameEvent> versioned = told.stream().filter(VersionedEvent.class::isInstance).toList();
        assertThat(rebuilt.eventsAfter(0)).containsExactlyElementsOf(versioned.stream().map(VersionedEvent.class::cast).toList());
        assertThat(versioned).extracting(e -> ((VersionedEvent) e).version())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, versioned.size()).boxed().toList());
    }

    @Test
    void aTurnWhoseSecondChoiceWasStoredBeforeACrashIsAnnouncedByTheRebuiltGame() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1);
        long heard = table.log().version();
        // The second choice reaches the store, and the node dies before anyone hears of it.
        store.rows.add(new LogRow.Move(new com.solduel.game.rules.LoggedAction(2, Seat.P2, 1, "SCISSORS", false), 1));

        GameTable resumed = GameTable.resumed(GameLog.rebuild(rps(3), new PerSeat<>("alice", "bob"), store.rows,
                Optional.empty()), store, SETTINGS, T0 + 60_000);
        List<VersionedEvent> missed = resumed.eventsAfter(heard);
        assertThat(missed).hasSize(2);
        assertThat(missed.get(0)).isEqualTo(new PlayerActed(heard + 1, 7, Seat.P2, 1, false));
        assertThat(((TurnPlayed) missed.get(1)).moves()).isEqualTo(new PerSeat<>("ROCK", "SCISSORS"));
        assertThat(resumed.snapshot(Seat.P2).lastClientSeq()).contains(1);
        assertThat(resumed.snapshot(Seat.P2).turnDeadline()).as("a full turn plus the grace after a takeover")
                .contains(T0 + 60_000 + TURN + GRACE);
    }

    @Test
    void aFailedWriteChangesNothingAndRetiresTheCopy() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        store.nextAppendFailure = new IllegalStateException("connection reset");
        assertThatThrownBy(() -> table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1)).hasMessageContaining("connection reset");
        assertThat(table.log().rows()).isEmpty();
        assertThat(table.isDefunct()).isTrue();
        assertThatThrownBy(() -> table.tick(T0 + 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLostLeaseStopsTheCopyFromWriting() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        store.leaseLost = true;
        assertThatThrownBy(() -> table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1)).isInstanceOf(LeaseLostException.class);
        assertThat(table.isDefunct()).isTrue();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void aResultThatCouldNotBeRecordedIsRetriedAndNoMoreActionsAreAccepted() {
        GameTable table = newTable(1);
        table.connect(Seat.P1, T0);
        table.connect(Seat.P2, T0);
        table.submit(Seat.P1, 1, 1, "ROCK", T0 + 1);
        store.nextResultFailure = new IllegalStateException("database down");
        GameTable.Submitted last = table.submit(Seat.P2, 1, 1, "SCISSORS", T0 + 2);
        assertThat(last.ack().duplicate()).isFalse();
        assertThat(last.events()).noneMatch(GameOver.class::isInstance);
        assertThat(table.tick(T0 + 2)).isEmpty();
        assertThat(table.resultFailure()).isPresent();
        assertThat(table.nextWakeup()).isEqualTo(T0 + 2 + 2_000);
        assertThatThrownBy(() -> table.submit(Seat.P2, 2, 2, "ROCK", T0 + 3)).isInstanceOf(GameRefusedException.class);

        List<GameEvent> retried = table.tick(T0 + 2_002);
        assertThat(retried).singleElement().isInstanceOf(GameOver.class);
        assertThat(table.resultFailure()).isEmpty();
        assertThat(store.results).isEqualTo(1);
    }

    @Test
    void spectatorsNeverSeeAPendingChoice() {
        GameTable table = newTable(3);
        table.connect(Seat.P1, T0);
        table.submit(Seat.P1, 1, 1, "PAPER", T0 + 1);
        assertThat(table.snapshot(null).view().yourChoice()).isNull();
        assertThat(table.snapshot(Seat.P2).view().yourChoice()).isNull();
        assertThat(table.snapshot(Seat.P1).view().yourChoice()).isEqualTo("PAPER");
        assertThat(table.snapshot(null).view().hasChosen().p1()).isTrue();
        assertThat(table.snapshot(null).clientSeeds()).as("both seeds are public once fixed")
                .isEqualTo(new PerSeat<>("alice-seed", "bob-seed"));
    }
}
