package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.FairRng;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.MovesRevealed;
import com.solduel.game.rules.GameEnded;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;
import com.solduel.game.rules.TurnResolved;
import com.solduel.game.rules.duel.Countered;
import com.solduel.game.rules.duel.DuelState;
import com.solduel.game.rules.duel.DuelTuning;
import com.solduel.game.rules.duel.Fighter;
import com.solduel.game.rules.duel.Healed;
import com.solduel.game.rules.duel.Missed;
import com.solduel.game.rules.duel.Struck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/games.md must stay true of the code. The DUEL numbers below are
 * literals computed from the page alone by docs/verify_duel_example.py, not read from the code:
 * a changed tuning value, a reordered draw or a different resolution order fails here even when
 * every other test, written against the code's own constants, stays green.
 */
class DocumentedExampleTest {

    static final Path GAMES_DOC = Path.of("..", "docs", "games.md");

    static final String SERVER_SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final GameSetup DUEL_EXAMPLE = new GameSetup(43, GameType.DUEL, GameOptions.bestOf(1),
            new ServerSeed(SERVER_SEED), new PerSeat<>(new ClientSeed("carol"), new ClientSeed("dave-212")));

    @Test
    void theRpsExampleExportInTheDocsIsVerified() throws Exception {
        VerificationReport report = new Verifier().verify(GameExportJson.read(exampleJson("<!-- example-export -->")));

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.replayed()).isEqualTo(new ClaimedResult(Outcome.win(Seat.P1, "ROUNDS_WON"), 4,
                new PerSeat<>(2, 0)));
    }

    @Test
    void theDuelExampleExportInTheDocsIsVerified() throws Exception {
        GameExport export = GameExportJson.read(exampleJson("<!-- example-export-duel -->"));

        VerificationReport report = new Verifier().verify(export);

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.replayed()).isEqualTo(new ClaimedResult(Outcome.win(Seat.P1, "KNOCKOUT"), 10,
                new PerSeat<>(44, 0)));
        assertThat(export.actionLogSha256())
                .isEqualTo("2a02f8f249a1aaed025928b094a172490b2db8f13959114cd416afb515843383");
        assertThat(export.serverSeedSha256())
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    }

    @Test
    void duelPlaysWithTheDocumentedNumbers() {
        DuelTuning t = DuelTuning.STANDARD;

        assertThat(t.maxHp()).as("starting and maximum HP").isEqualTo(100);
        assertThat(t.turnCap()).as("turn cap").isEqualTo(20);
        assertThat(t.startEnergy()).as("energy before turn 1").isEqualTo(1);
        assertThat(t.maxEnergy()).as("maximum energy").isEqualTo(3);
        assertThat(t.blockEnergy()).as("energy a block regains").isEqualTo(1);
        assertThat(List.of(t.attackMin(), t.attackMax())).as("ATTACK damage").containsExactly(12, 18);
        assertThat(t.heavyCost()).as("HEAVY_ATTACK energy cost").isEqualTo(2);
        assertThat(t.heavyHitPercent()).as("HEAVY_ATTACK hit chance: 40% miss").isEqualTo(60);
        assertThat(List.of(t.heavyMin(), t.heavyMax())).as("HEAVY_ATTACK damage").containsExactly(22, 30);
        assertThat(t.heavyBlockedPercent()).as("share of a heavy attack through a block").isEqualTo(25);
        assertThat(List.of(t.counterMin(), t.counterMax())).as("counter damage").containsExactly(1, 3);
        assertThat(List.of(t.healMin(), t.healMax())).as("HEAL amount").containsExactly(12, 16);
        assertThat(t.heals()).as("heals per game").isEqualTo(2);
        assertThat(t.healCooldown()).as("turns without HEAL after a HEAL").isEqualTo(1);
    }

    @Test
    void theDuelExampleDrawsAreTheDocumentedOnes() {
        FairRng rng = DUEL_EXAMPLE.rng();
        // {turn, index, n, value}: every draw the example's turns use, as the docs' table lists them.
        int[][] draws = {
            {1, 3, 3, 1},
            {2, 1, 100, 34}, {2, 2, 9, 2},
            {3, 0, 7, 4}, {3, 9, 100, 62},
            {4, 3, 3, 1},
            {5, 3, 3, 2},
            {6, 1, 100, 56}, {6, 2, 9, 5}, {6, 8, 7, 2},
            {7, 4, 5, 3}, {7, 8, 7, 3},
            {8, 0, 7, 2}, {8, 8, 7, 5},
            {9, 0, 7, 3}, {9, 8, 7, 0},
            {10, 0, 7, 3}, {10, 8, 7, 0},
        };

        for (int[] d : draws) {
            assertThat(rng.draw(d[0], d[1], d[2])).as("draw(turn %d, index %d, n %d)", d[0], d[1], d[2])
                    .isEqualTo(d[3]);
        }
    }

    @Test
    void theDuelExamplePlaysTurnByTurnAsTheDocsSay() {
        List<ExpectedTurn> turns = List.of(
                turn(moves("P1 BLOCK", "P2 ATTACK"),
                        events(new Struck(Seat.P2, "ATTACK", 0, true), new Countered(Seat.P1, 2)),
                        new Fighter(100, 2, 2, 0), new Fighter(98, 1, 2, 0)),
                turn(moves("P1 HEAVY_ATTACK", "P2 timed out"),
                        events(new Struck(Seat.P1, "HEAVY_ATTACK", 6, true)),
                        new Fighter(100, 0, 2, 0), new Fighter(92, 2, 2, 0)),
                turn(moves("P2 HEAVY_ATTACK", "P1 ATTACK"),
                        events(new Struck(Seat.P1, "ATTACK", 16, false), new Missed(Seat.P2)),
                        new Fighter(100, 0, 2, 0), new Fighter(76, 0, 2, 0)),
                turn(moves("P1 BLOCK", "P2 ATTACK"),
                        events(new Struck(Seat.P2, "ATTACK", 0, true), new Countered(Seat.P1, 2)),
                        new Fighter(100, 1, 2, 0), new Fighter(74, 0, 2, 0)),
                turn(moves("P1 BLOCK", "P2 ATTACK"),
                        events(new Struck(Seat.P2, "ATTACK", 0, true), new Countered(Seat.P1, 3)),
                        new Fighter(100, 2, 2, 0), new Fighter(71, 0, 2, 0)),
                turn(moves("P1 HEAVY_ATTACK", "P2 ATTACK"),
                        events(new Struck(Seat.P1, "HEAVY_ATTACK", 27, false), new Struck(Seat.P2, "ATTACK", 14, false)),
                        new Fighter(86, 0, 2, 0), new Fighter(44, 0, 2, 0)),
                turn(moves("P2 ATTACK", "P1 HEAL"),
                        events(new Healed(Seat.P1, 14), new Struck(Seat.P2, "ATTACK", 15, false)),
                        new Fighter(85, 0, 1, 1), new Fighter(44, 0, 2, 0)),
                turn(moves("P1 ATTACK", "P2 ATTACK"),
                        events(new Struck(Seat.P1, "ATTACK", 14, false), new Struck(Seat.P2, "ATTACK", 17, false)),
                        new Fighter(68, 0, 1, 0), new Fighter(30, 0, 2, 0)),
                turn(moves("P2 ATTACK", "P1 ATTACK"),
                        events(new Struck(Seat.P1, "ATTACK", 15, false), new Struck(Seat.P2, "ATTACK", 12, false)),
                        new Fighter(56, 0, 1, 0), new Fighter(15, 0, 2, 0)),
                turn(moves("P1 ATTACK", "P2 ATTACK"),
                        events(new Struck(Seat.P1, "ATTACK", 15, false), new Struck(Seat.P2, "ATTACK", 12, false)),
                        new Fighter(44, 0, 1, 0), new Fighter(0, 0, 2, 0)));

        Match<?> match = Match.start(DUEL_EXAMPLE);
        for (int i = 0; i < turns.size(); i++) {
            ExpectedTurn expected = turns.get(i);
            for (String move : expected.moves()) {
                Seat seat = Seat.valueOf(move.substring(0, 2));
                String action = move.substring(3);
                match = action.equals("timed out") ? match.submitDefault(seat) : match.submit(seat, i + 1, action);
            }
            TurnResolved<?> resolved = match.resolveTurn();
            match = resolved.match();

            assertThat(ruleEvents(resolved)).as("events of turn %d", i + 1).isEqualTo(expected.events());
            assertThat(((DuelState) match.state()).fighters()).as("fighters after turn %d", i + 1)
                    .isEqualTo(new PerSeat<>(expected.p1(), expected.p2()));
        }

        assertThat(match.outcome()).contains(Outcome.win(Seat.P1, "KNOCKOUT"));
        assertThat(match.log().get(3)).as("the timed-out move is logged as BLOCK")
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("BLOCK"))
                .satisfies(entry -> assertThat(entry.timedOut()).isTrue());
        assertThat(ActionLogDigest.of(match))
                .isEqualTo("2a02f8f249a1aaed025928b094a172490b2db8f13959114cd416afb515843383");
    }

    record ExpectedTurn(List<String> moves, List<TurnEvent> events, Fighter p1, Fighter p2) {
    }

    private static ExpectedTurn turn(List<String> moves, List<TurnEvent> events, Fighter p1, Fighter p2) {
        return new ExpectedTurn(moves, events, p1, p2);
    }

    /** Each seat's move in arrival order: "P1 ATTACK", or "P2 timed out" for the timer's default. */
    private static List<String> moves(String... moves) {
        return List.of(moves);
    }

    private static List<TurnEvent> events(TurnEvent... events) {
        return List.of(events);
    }

    /** The rules' own events of a turn, without the reveal and the end that every game type has. */
    private static List<TurnEvent> ruleEvents(TurnResolved<?> resolved) {
        return resolved.events().stream()
                .filter(e -> !(e instanceof MovesRevealed) && !(e instanceof GameEnded))
                .toList();
    }

    private static String exampleJson(String marker) throws IOException {
        assertThat(GAMES_DOC).as("docs/games.md, read from the game-core module directory").exists();
        String doc = Files.readString(GAMES_DOC);
        int at = doc.indexOf(marker);
        assertThat(at).as("the %s marker in docs/games.md", marker).isNotNegative();
        int start = doc.indexOf("```json", at) + "```json".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
