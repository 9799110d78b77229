package com.solduel.game.rules.rps;

import static com.solduel.game.rules.rps.RpsMove.PAPER;
import static com.solduel.game.rules.rps.RpsMove.ROCK;
import static com.solduel.game.rules.rps.RpsMove.SCISSORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.fair.FairRng;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.IllegalActionException;
import com.solduel.game.rules.InvalidGameOptionsException;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.SimulatedGames;
import com.solduel.game.rules.TurnResult;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpsRulesTest {

    final RpsRules rules = new RpsRules();

    @Test
    void eachThrowBeatsExactlyOneOther() {
        assertThat(ROCK.beats(SCISSORS)).isTrue();
        assertThat(PAPER.beats(ROCK)).isTrue();
        assertThat(SCISSORS.beats(PAPER)).isTrue();
        assertThat(ROCK.beats(PAPER)).isFalse();
        assertThat(ROCK.beats(ROCK)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void isPlayedBestOfOneThreeOrFive(int bestOf) {
        RpsState state = rules.initialState(setup(bestOf));

        assertThat(state.turn()).isEqualTo(1);
        assertThat(state.round()).isEqualTo(1);
        assertThat(state.roundsToWin()).isEqualTo(bestOf / 2 + 1);
        assertThat(state.roundsWon()).isEqualTo(PerSeat.both(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 7})
    void otherBestOfValuesAreRefused(int bestOf) {
        assertThatThrownBy(() -> rules.initialState(setup(bestOf)))
                .isInstanceOf(InvalidGameOptionsException.class)
                .hasMessageContaining("best of 1, 3 or 5");
    }

    @Test
    void theWinningThrowTakesTheRoundAndBestOfOneEndsTheGame() {
        GameSetup setup = setup(1);

        TurnResult<RpsState> result = turn(rules.initialState(setup), PAPER, ROCK, setup.rng());

        assertThat(result.events()).containsExactly(new RoundWon(1, Seat.P1, new PerSeat<>(1, 0)));
        assertThat(rules.outcome(result.state())).contains(Outcome.win(Seat.P1, RpsRules.ROUNDS_WON));
        assertThat(rules.legalActions(result.state(), Seat.P2)).isEmpty();
    }

    @Test
    void bestOfThreeNeedsTwoRoundWins() {
        GameSetup setup = setup(3);
        FairRng rng = setup.rng();
        RpsState state = rules.initialState(setup);

        state = turn(state, ROCK, PAPER, rng).state();
        assertThat(state.round()).isEqualTo(2);
        assertThat(rules.isFinished(state)).isFalse();
        state = turn(state, SCISSORS, PAPER, rng).state();
        assertThat(rules.isFinished(state)).isFalse();
        state = turn(state, SCISSORS, PAPER, rng).state();

        assertThat(rules.outcome(state)).contains(Outcome.win(Seat.P1, RpsRules.ROUNDS_WON));
        assertThat(rules.score(state)).isEqualTo(new PerSeat<>(2, 1));
        assertThat(state.turn()).isEqualTo(4);
    }

    @Test
    void aTieReplaysTheSameRound() {
        GameSetup setup = setup(1);

        TurnResult<RpsState> result = turn(rules.initialState(setup), ROCK, ROCK, setup.rng());

        assertThat(result.events()).containsExactly(new RoundTied(1, 1));
        assertThat(result.state().round()).isEqualTo(1);
        assertThat(result.state().turn()).isEqualTo(2);
        assertThat(result.state().tiesInRound()).isEqualTo(1);
        assertThat(rules.isFinished(result.state())).isFalse();
    }

    @Test
    void aDecidedRoundResetsTheTieCount() {
        GameSetup setup = setup(3);
        FairRng rng = setup.rng();
        RpsState state = turn(rules.initialState(setup), ROCK, ROCK, rng).state();

        state = turn(state, ROCK, SCISSORS, rng).state();

        assertThat(state.tiesInRound()).isZero();
        assertThat(state.round()).isEqualTo(2);
    }

    @Test
    void tenTiesInARowEndTheGameAsADraw() {
        GameSetup setup = setup(5);
        FairRng rng = setup.rng();
        RpsState state = turn(rules.initialState(setup), PAPER, ROCK, rng).state();

        for (int tie = 1; tie < RpsRules.TIE_CAP; tie++) {
            state = turn(state, SCISSORS, SCISSORS, rng).state();
            assertThat(rules.isFinished(state)).isFalse();
        }
        TurnResult<RpsState> last = turn(state, ROCK, ROCK, rng);

        assertThat(last.events()).containsExactly(new RoundTied(2, RpsRules.TIE_CAP));
        assertThat(rules.outcome(last.state())).contains(Outcome.draw(RpsRules.TIE_CAP_REACHED));
    }

    @Test
    void aMissedTurnThrowsWhatTheFairRngDrawsForThatSeat() {
        GameSetup setup = setup(3);
        FairRng rng = setup.rng();
        RpsState state = rules.initialState(setup);

        for (Seat seat : Seat.values()) {
            assertThat(rules.defaultAction(state, seat, rng))
                    .isEqualTo(RpsMove.values()[rng.draw(1, seat.ordinal(), 3)]);
        }
    }

    @Test
    void defaultThrowsVaryAcrossTurnsAndGames() {
        Set<RpsMove> seen = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            GameSetup setup = SimulatedGames.setup(GameType.RPS, 1, seed);
            seen.add((RpsMove) rules.defaultAction(rules.initialState(setup), Seat.P1, setup.rng()));
        }
        assertThat(seen).containsExactlyInAnyOrder(RpsMove.values());
    }

    @Test
    void unknownCodesAreRefusedWithAMachineReadableReason() {
        assertThat(rules.parseAction(" rock ")).isEqualTo(ROCK);
        assertThatThrownBy(() -> rules.parseAction("LIZARD"))
                .isInstanceOfSatisfying(IllegalActionException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_ACTION"));
        assertThatThrownBy(() -> rules.parseAction(null)).isInstanceOf(IllegalActionException.class);
    }

    @Test
    void noTurnIsPlayedAfterTheEnd() {
        GameSetup setup = setup(1);
        RpsState over = turn(rules.initialState(setup), PAPER, ROCK, setup.rng()).state();

        assertThatThrownBy(() -> turn(over, ROCK, ROCK, setup.rng()))
                .isInstanceOfSatisfying(IllegalActionException.class,
                        e -> assertThat(e.reason()).isEqualTo(IllegalActionException.Reason.GAME_FINISHED));
    }

    @Test
    void aTurnNeedsBothThrows() {
        GameSetup setup = setup(1);

        assertThatThrownBy(() -> rules.applyTurn(rules.initialState(setup), Map.of(Seat.P1, ROCK), setup.rng()))
                .isInstanceOf(IllegalActionException.class)
                .hasMessageContaining("P2 has no action");
    }

    @Test
    void playersAndSpectatorsSeeTheSameBoardWithTheLastThrows() {
        GameSetup setup = setup(3);
        RpsState state = turn(rules.initialState(setup), PAPER, SCISSORS, setup.rng()).state();

        RpsBoard board = (RpsBoard) rules.spectatorView(state);

        assertThat(rules.viewFor(state, Seat.P1)).isEqualTo(board);
        assertThat(board).isEqualTo(new RpsBoard(3, 2, 0, RpsRules.TIE_CAP, new PerSeat<>(0, 1),
                new PerSeat<>("PAPER", "SCISSORS")));
    }

    private TurnResult<RpsState> turn(RpsState state, RpsMove p1, RpsMove p2, FairRng rng) {
        return rules.applyTurn(state, Map.of(Seat.P1, p1, Seat.P2, p2), rng);
    }

    private static GameSetup setup(int bestOf) {
        return SimulatedGames.setup(GameType.RPS, bestOf, 7);
    }
}
