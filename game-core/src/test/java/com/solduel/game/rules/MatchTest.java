package com.solduel.game.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.rules.IllegalActionException.Reason;
import com.solduel.game.rules.rps.RoundWon;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MatchTest {

    final GameSetup rps = SimulatedGames.setup(GameType.RPS, 3, 5);
    final GameSetup duel = SimulatedGames.setup(GameType.DUEL, 1, 5);

    @Test
    void aTurnResolvesOnceBothSeatsChoseAndRevealsBothMoves() {
        Match<?> match = Match.start(rps).submit(Seat.P2, 1, "ROCK");
        assertThat(match.turnReady()).isFalse();

        match = match.submit(Seat.P1, 1, "paper");
        TurnResolved<?> resolved = match.resolveTurn();

        assertThat(resolved.events()).containsExactly(new MovesRevealed(1, new PerSeat<>("PAPER", "ROCK")),
                new RoundWon(1, Seat.P1, new PerSeat<>(1, 0)));
        assertThat(resolved.match().turn()).isEqualTo(2);
        assertThat(resolved.match().hasChosen(Seat.P1)).isFalse();
        assertThat(resolved.match().log()).containsExactly(
                new LoggedAction(1, Seat.P2, 1, "ROCK", false),
                new LoggedAction(2, Seat.P1, 1, "PAPER", false));
    }

    @Test
    void theOpponentAndSpectatorsOnlyLearnThatAChoiceWasMade() {
        Match<?> before = Match.start(rps);
        Match<?> match = before.submit(Seat.P1, 1, "SCISSORS");

        GameView mine = match.viewFor(Seat.P1);
        GameView theirs = match.viewFor(Seat.P2);
        GameView spectator = match.spectatorView();

        assertThat(mine.yourChoice()).isEqualTo("SCISSORS");
        assertThat(theirs.yourChoice()).isNull();
        assertThat(theirs.hasChosen()).isEqualTo(new PerSeat<>(true, false));
        assertThat(spectator.yourChoice()).isNull();
        assertThat(spectator.viewer()).isNull();
        assertThat(spectator.legalActions()).isEmpty();
        // Apart from "P1 has chosen", nothing the others see differs from before P1 chose.
        assertThat(theirs).usingRecursiveComparison().ignoringFields("hasChosen").isEqualTo(before.viewFor(Seat.P2));
        assertThat(spectator).usingRecursiveComparison().ignoringFields("hasChosen").isEqualTo(before.spectatorView());
    }

    @Test
    void resubmittingTheSameChoiceChangesNothing() {
        Match<?> match = Match.start(rps).submit(Seat.P1, 1, "ROCK");

        assertThat(match.submit(Seat.P1, 1, "ROCK")).isSameAs(match);
        assertThat(match.log()).hasSize(1);
    }

    @Test
    void aChoiceIsFinal() {
        Match<?> match = Match.start(rps).submit(Seat.P1, 1, "ROCK");

        assertRefused(() -> match.submit(Seat.P1, 1, "PAPER"), Reason.ALREADY_CHOSEN);
    }

    @Test
    void lateEarlyUnknownAndDisallowedActionsAreRefused() {
        Match<?> match = Match.start(duel);

        assertRefused(() -> match.submit(Seat.P1, 2, "ATTACK"), Reason.WRONG_TURN);
        assertRefused(() -> match.submit(Seat.P1, 1, "FIREBALL"), Reason.UNKNOWN_ACTION);
        assertRefused(() -> match.submit(Seat.P1, 1, "HEAVY_ATTACK"), Reason.ACTION_NOT_ALLOWED);
        assertThat(match.log()).isEmpty();
    }

    @Test
    void nothingIsAcceptedAfterTheEnd() {
        Match<?> over = Match.start(SimulatedGames.setup(GameType.RPS, 1, 5))
                .submit(Seat.P1, 1, "ROCK").submit(Seat.P2, 1, "SCISSORS").resolveTurn().match();

        assertThat(over.isFinished()).isTrue();
        assertRefused(() -> over.submit(Seat.P1, 2, "ROCK"), Reason.GAME_FINISHED);
        assertRefused(() -> over.submitDefault(Seat.P1), Reason.GAME_FINISHED);
        assertThat(over.legalActions(Seat.P1)).isEmpty();
    }

    @Test
    void aTimedOutSeatGetsTheRulesDefaultLoggedAsTimedOut() {
        Match<?> match = Match.start(duel).submit(Seat.P1, 1, "ATTACK").submitDefault(Seat.P2);

        assertThat(match.log().get(1)).isEqualTo(new LoggedAction(2, Seat.P2, 1, "BLOCK", true));
        assertThat(match.turnReady()).isTrue();
    }

    @Test
    void theTimerDoesNotOverrideAChoiceMadeInTime() {
        Match<?> match = Match.start(duel).submit(Seat.P1, 1, "ATTACK");

        assertThat(match.submitDefault(Seat.P1)).isSameAs(match);
    }

    @Test
    void resolvingTooEarlyIsAProgrammingError() {
        assertThatThrownBy(() -> Match.start(duel).resolveTurn()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFinalTurnAnnouncesTheEnd() {
        TurnResolved<?> last = Match.start(SimulatedGames.setup(GameType.RPS, 1, 5))
                .submit(Seat.P1, 1, "ROCK").submit(Seat.P2, 1, "SCISSORS").resolveTurn();

        assertThat(last.events()).last().isEqualTo(new GameEnded(Outcome.win(Seat.P1, "ROUNDS_WON")));
    }

    @Test
    void aForfeitHandsTheGameToTheOpponent() {
        Match<?> match = Match.start(duel).submit(Seat.P1, 1, "ATTACK").forfeit(Seat.P2);

        assertThat(match.outcome()).contains(Outcome.win(Seat.P1, Outcome.FORFEIT));
        assertThat(match.viewFor(Seat.P2).finished()).isTrue();
        assertThatThrownBy(() -> match.forfeit(Seat.P1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replayingTheLogRebuildsTheSameGame() {
        Match<?> played = SimulatedGames.play(duel, new Random(3), 0.1);

        Match<?> replayed = Match.replay(duel, played.log());

        assertThat(replayed.state()).isEqualTo(played.state());
        assertThat(replayed.outcome()).isEqualTo(played.outcome());
    }

    @Test
    void replayRefusesALogTheRulesDoNotAllow() {
        List<LoggedAction> log = List.of(new LoggedAction(1, Seat.P1, 1, "ATTACK", false),
                new LoggedAction(2, Seat.P1, 1, "BLOCK", false));

        assertThatThrownBy(() -> Match.replay(duel, log))
                .isInstanceOfSatisfying(LogReplayException.class, e -> {
                    assertThat(e.problem()).isEqualTo(LogReplayException.Problem.DUPLICATE_SEAT);
                    assertThat(e.entry().sequence()).isEqualTo(2);
                });
    }

    @Test
    void rulesOfAnotherTypeCannotPlayAGame() {
        assertThatThrownBy(() -> Match.start(GameTypes.rulesFor(GameType.DUEL), rps))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IllegalActionException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
