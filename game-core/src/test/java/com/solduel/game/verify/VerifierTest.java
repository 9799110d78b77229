package com.solduel.game.verify;

import static com.solduel.game.verify.Exports.editActions;
import static com.solduel.game.verify.Exports.redigested;
import static com.solduel.game.verify.Exports.withCode;
import static com.solduel.game.verify.Exports.withResult;
import static com.solduel.game.verify.Exports.withSeeds;
import static com.solduel.game.verify.Exports.withSequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.SimulatedGames;
import com.solduel.game.verify.Mismatch.Kind;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifierTest {

    final Verifier verifier = new Verifier();

    /** RPS best of 3: P1 wins 2-1 in four turns, one tie. */
    final GameSetup rpsSetup = SimulatedGames.setup(GameType.RPS, 3, 99);
    final Match<?> rpsGame = play(Match.start(rpsSetup),
            "ROCK", "ROCK", "PAPER", "ROCK", "ROCK", "PAPER", "SCISSORS", "PAPER");
    final GameExport rps = GameExport.of(rpsGame);

    @Test
    void anHonestExportIsVerified() {
        VerificationReport report = verifier.verify(rps);

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.replayed()).isEqualTo(new ClaimedResult(Outcome.win(Seat.P1, "ROUNDS_WON"), 4,
                new PerSeat<>(2, 1)));
    }

    @Test
    void aSimulatedDuelWithTimeoutsIsVerified() {
        GameExport duel = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.DUEL, 1, 4),
                new Random(4), 0.2));

        assertThat(verifier.verify(duel).mismatches()).isEmpty();
    }

    @Test
    void aRevealedSeedThatIsNotTheCommittedOneIsCaught() {
        GameExport swapped = withSeeds(rps, ServerSeed.generate().hex(), rps.serverSeedSha256());

        assertThat(verifier.verify(swapped).has(Kind.COMMITMENT_MISMATCH)).isTrue();
    }

    @Test
    void aMalformedSeedIsReportedNotThrown() {
        VerificationReport report = verifier.verify(withSeeds(rps, "not-hex", rps.serverSeedSha256()));

        assertThat(report.has(Kind.INVALID_SEED)).isTrue();
        assertThat(report.replayed()).isNull();
    }

    @Test
    void anActionTheRulesDidNotAllowIsReportedWithItsSequenceNumber() {
        GameExport duel = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.DUEL, 1, 8),
                new Random(8), 0));
        // Nobody has the energy for a heavy attack in turn 1.
        GameExport cheated = redigested(editActions(duel, log -> {
            log.set(0, withCode(log.get(0), "HEAVY_ATTACK"));
            return log;
        }));

        VerificationReport report = verifier.verify(cheated);

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Kind.ILLEGAL_ACTION);
            assertThat(m.sequence()).isEqualTo(1);
            assertThat(m.message()).contains("ACTION_NOT_ALLOWED");
        });
    }

    @Test
    void anUnknownActionIsIllegal() {
        GameExport cheated = editActions(rps, log -> {
            log.set(2, withCode(log.get(2), "DYNAMITE"));
            return log;
        });

        assertThat(verifier.verify(cheated).mismatches())
                .anySatisfy(m -> assertThat(m).isEqualTo(new Mismatch(Kind.ILLEGAL_ACTION, 3,
                        "UNKNOWN_ACTION: 'DYNAMITE' is not a RPS action")));
    }

    @Test
    void aSkippedSequenceNumberIsAGap() {
        GameExport gap = editActions(rps, log -> {
            for (int i = 4; i < log.size(); i++) {
                log.set(i, withSequence(log.get(i), log.get(i).sequence() + 1));
            }
            return log;
        });

        VerificationReport report = verifier.verify(gap);

        assertThat(report.mismatches()).filteredOn(m -> m.kind() == Kind.SEQUENCE_GAP)
                .singleElement().satisfies(m -> assertThat(m.sequence()).isEqualTo(6));
    }

    @Test
    void swappedActionsAreOutOfOrder() {
        GameExport swapped = editActions(rps, log -> {
            LoggedAction second = log.get(1);
            log.set(1, log.get(2));
            log.set(2, second);
            return log;
        });

        assertThat(verifier.verify(swapped).has(Kind.SEQUENCE_ORDER)).isTrue();
    }

    @Test
    void aTimeoutThatIsNotTheRulesDefaultIsCaught() {
        GameExport duel = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.DUEL, 1, 9),
                new Random(9), 0));
        GameExport fake = redigested(editActions(duel, log -> {
            LoggedAction first = log.get(0);
            log.set(0, new LoggedAction(1, first.seat(), 1, "ATTACK", true));
            return log;
        }));

        assertThat(verifier.verify(fake).mismatches()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(Kind.DEFAULT_ACTION_MISMATCH));
    }

    @Test
    void actionsAfterTheEndAreCaught() {
        GameExport extra = redigested(editActions(rps, log -> {
            log.add(new LoggedAction(log.size() + 1, Seat.P1, 5, "ROCK", false));
            return log;
        }));

        assertThat(verifier.verify(extra).has(Kind.ACTION_AFTER_END)).isTrue();
    }

    @Test
    void aLogThatStopsBeforeTheDecisionIsCaught() {
        GameExport cut = redigested(editActions(rps, log -> log.subList(0, 6)));

        assertThat(verifier.verify(cut).mismatches()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(Kind.GAME_NOT_FINISHED));
    }

    @Test
    void aWrongWinnerScoreOrTurnCountIsAResultMismatch() {
        ClaimedResult honest = rps.result();

        assertThat(verifier.verify(withResult(rps, new ClaimedResult(Outcome.win(Seat.P2, "ROUNDS_WON"),
                4, honest.score()))).has(Kind.RESULT_MISMATCH)).isTrue();
        assertThat(verifier.verify(withResult(rps, new ClaimedResult(Outcome.draw("TIE_CAP"),
                4, honest.score()))).has(Kind.RESULT_MISMATCH)).isTrue();
        assertThat(verifier.verify(withResult(rps, new ClaimedResult(honest.outcome(), 4,
                new PerSeat<>(2, 0)))).has(Kind.RESULT_MISMATCH)).isTrue();
        assertThat(verifier.verify(withResult(rps, new ClaimedResult(honest.outcome(), 5,
                honest.score()))).has(Kind.RESULT_MISMATCH)).isTrue();
    }

    @Test
    void aChangedClientSeedBreaksTheDigest() {
        GameExport e = rps;
        GameExport changed = new GameExport(e.gameId(), e.gameType(), e.rulesVersion(), e.options(),
                e.serverSeed(), e.serverSeedSha256(), new PerSeat<>("someone-else", e.clientSeeds().p2()),
                e.actions(), e.actionLogSha256(), e.result());

        assertThat(verifier.verify(changed).has(Kind.LOG_DIGEST_MISMATCH)).isTrue();
    }

    @Test
    void anHonestForfeitVerifiesWithANoteOnWhatCannotBeProven() {
        Match<?> forfeited = play(Match.start(rpsSetup), "ROCK", "PAPER").submit(Seat.P1, 2, "ROCK")
                .forfeit(Seat.P2);

        VerificationReport report = verifier.verify(GameExport.of(forfeited));

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.notes()).singleElement().asString().contains("P2 forfeited");
    }

    @Test
    void aForfeitForMissedTurnsMustShowInTheLog() {
        // Turn 1: P2's clock ran out (a timed-out default); turn 2: P1 chose, P2 did not again.
        Match<?> missed = Match.start(rpsSetup).submit(Seat.P1, 1, "ROCK").submitDefault(Seat.P2);
        missed = missed.resolveTurn().match();
        missed = missed.submit(Seat.P1, missed.turn(), "PAPER");
        Match<?> ended = missed.forfeit(Seat.P2);
        GameExport honest = GameExport.of(ended, java.util.List.of(
                new com.solduel.game.rules.Forfeited(Seat.P2, com.solduel.game.rules.ForfeitCause.MISSED_TURNS)));

        assertThat(verifier.verify(honest).mismatches()).isEmpty();
        GameExport blamesTheWrongSeat = withResult(honest, new ClaimedResult(Outcome.win(Seat.P2, Outcome.FORFEIT),
                honest.result().turnsPlayed(), honest.result().score(), java.util.List.of(
                        new com.solduel.game.rules.Forfeited(Seat.P1, com.solduel.game.rules.ForfeitCause.MISSED_TURNS))));
        assertThat(verifier.verify(blamesTheWrongSeat).has(Kind.FORFEIT_MISMATCH)).as("P1 chose in every turn").isTrue();
        GameExport listsNobody = withResult(honest, new ClaimedResult(honest.result().outcome(),
                honest.result().turnsPlayed(), honest.result().score(), java.util.List.of(
                        new com.solduel.game.rules.Forfeited(Seat.P1, com.solduel.game.rules.ForfeitCause.ABSENT))));
        assertThat(verifier.verify(listsNobody).has(Kind.FORFEIT_MISMATCH)).as("the loser is P2, not P1").isTrue();
    }

    @Test
    void anAbandonedGameNeedsBothForfeitsAndNoWinner() {
        Match<?> abandoned = play(Match.start(rpsSetup), "ROCK", "PAPER").abandon();
        var both = java.util.List.of(
                new com.solduel.game.rules.Forfeited(Seat.P1, com.solduel.game.rules.ForfeitCause.ABSENT),
                new com.solduel.game.rules.Forfeited(Seat.P2, com.solduel.game.rules.ForfeitCause.ABSENT));
        GameExport honest = GameExport.of(abandoned, both);

        VerificationReport report = verifier.verify(honest);
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.replayed().outcome()).isEqualTo(Outcome.draw(Outcome.ABANDONED));
        assertThat(report.notes()).hasSize(2);
        GameExport oneOnly = withResult(honest, new ClaimedResult(honest.result().outcome(), honest.result().turnsPlayed(),
                honest.result().score(), both.subList(0, 1)));
        assertThat(verifier.verify(oneOnly).has(Kind.FORFEIT_MISMATCH)).isTrue();
        GameExport withAWinner = withResult(honest, new ClaimedResult(Outcome.win(Seat.P1, Outcome.ABANDONED),
                honest.result().turnsPlayed(), honest.result().score(), both));
        assertThat(verifier.verify(withAWinner).has(Kind.RESULT_MISMATCH)).isTrue();
    }

    @Test
    void aForfeitClaimedAfterTheRulesDecidedIsAMismatch() {
        GameExport lateForfeit = withResult(rps, new ClaimedResult(Outcome.win(Seat.P2, Outcome.FORFEIT), 4,
                rps.result().score()));

        assertThat(verifier.verify(lateForfeit).has(Kind.RESULT_MISMATCH)).isTrue();
    }

    @Test
    void anExportFromUnknownRulesIsNotReplayed() {
        GameExport future = new GameExport(rps.gameId(), rps.gameType(), 2, rps.options(), rps.serverSeed(),
                rps.serverSeedSha256(), rps.clientSeeds(), rps.actions(), rps.actionLogSha256(), rps.result());

        VerificationReport report = verifier.verify(future);

        assertThat(report.has(Kind.UNSUPPORTED_RULES)).isTrue();
        assertThat(report.replayed()).isNull();
    }

    @Test
    void anUnfinishedGameCannotBeExported() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GameExport.of(Match.start(rpsSetup)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Plays the codes in pairs: P1's then P2's choice for each turn. */
    static Match<?> play(Match<?> match, String... codes) {
        for (int i = 0; i < codes.length; i += 2) {
            match = match.submit(Seat.P1, match.turn(), codes[i]).submit(Seat.P2, match.turn(), codes[i + 1]);
            match = match.resolveTurn().match();
        }
        return match;
    }
}
