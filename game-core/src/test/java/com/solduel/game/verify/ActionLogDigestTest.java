package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.SimulatedGames;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionLogDigestTest {

    static final String COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
    static final List<LoggedAction> LOG = List.of(
            new LoggedAction(1, Seat.P1, 1, "ROCK", false), new LoggedAction(2, Seat.P2, 1, "ROCK", false),
            new LoggedAction(3, Seat.P2, 2, "SCISSORS", false), new LoggedAction(4, Seat.P1, 2, "ROCK", false),
            new LoggedAction(5, Seat.P1, 3, "PAPER", false), new LoggedAction(6, Seat.P2, 3, "PAPER", true),
            new LoggedAction(7, Seat.P1, 4, "PAPER", false), new LoggedAction(8, Seat.P2, 4, "ROCK", false));

    @Test
    void matchesTheDocumentedExampleComputedByAnIndependentImplementation() {
        assertThat(digest(LOG, COMMITMENT))
                .isEqualTo("0fbea991f9e11966c901fe0522dd5d9a33ac1cc8cd891efc9d4ff8f5df9c9bd7");
    }

    @Test
    void everyPartOfAnEntryCounts() {
        String honest = digest(LOG, COMMITMENT);

        assertThat(digest(LOG.subList(0, 7), COMMITMENT)).isNotEqualTo(honest);
        assertThat(digest(List.of(LOG.get(1), LOG.get(0)), COMMITMENT))
                .isNotEqualTo(digest(LOG.subList(0, 2), COMMITMENT));
        assertThat(digest(List.of(new LoggedAction(1, Seat.P1, 1, "ROCK", true)), COMMITMENT))
                .isNotEqualTo(digest(LOG.subList(0, 1), COMMITMENT));
    }

    @Test
    void theCommitmentIsHashedCaseInsensitively() {
        assertThat(digest(LOG, COMMITMENT.toUpperCase())).isEqualTo(digest(LOG, COMMITMENT));
    }

    @Test
    void aChainKeptAlongAGameGivesTheDigestOfEachStateAndStartsAgainForAnotherLog() {
        var chain = new ActionLogDigest.Chain();
        Match<?> match = Match.start(SimulatedGames.setup(GameType.DUEL, 1, 11));
        assertThat(chain.of(match)).isEqualTo(ActionLogDigest.of(match));
        for (int i = 0; !match.isFinished() && i < 200; i++) {
            match = match.submit(Seat.P1, match.turn(), "ATTACK");
            assertThat(chain.of(match)).as("mid-turn, after move %d", i).isEqualTo(ActionLogDigest.of(match));
            match = match.submit(Seat.P2, match.turn(), i % 2 == 0 ? "BLOCK" : "ATTACK");
            match = match.resolveTurn().match();
            assertThat(chain.of(match)).as("after turn %d", i + 1).isEqualTo(ActionLogDigest.of(match));
        }
        assertThat(match.isFinished()).isTrue();
        Match<?> other = Match.start(SimulatedGames.setup(GameType.RPS, 3, 12)).submit(Seat.P1, 1, "ROCK");
        assertThat(chain.of(other)).as("a log that is not this one grown").isEqualTo(ActionLogDigest.of(other));
    }

    private static String digest(List<LoggedAction> log, String commitment) {
        return ActionLogDigest.of(42, GameType.RPS, 1, GameOptions.bestOf(3), commitment,
                new PerSeat<>("alice", "bob"), log);
    }
}
