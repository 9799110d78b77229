package com.solduel.game.verify;

import static com.solduel.game.verify.Exports.editActions;
import static com.solduel.game.verify.Exports.withCode;
import static com.solduel.game.verify.Exports.withResult;
import static com.solduel.game.verify.Exports.withSeeds;
import static com.solduel.game.verify.Exports.withSequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.Action;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.GameTypes;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.SimulatedGames;
import com.solduel.game.rules.duel.DuelState;
import com.solduel.game.rules.duel.DuelTuning;
import com.solduel.game.rules.duel.Fighter;
import com.solduel.game.rules.rps.RpsRules;
import com.solduel.game.rules.rps.RpsState;
import com.solduel.game.verify.Mismatch.Kind;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of whole games over random seeds and random legal play (including timeouts):
 * determinism, termination, bounds, and that the verifier accepts every honest export and
 * rejects every tampered one.
 */
class GameProperties {

    static final int TRIES = 250;

    final Verifier verifier = new Verifier();

    @Property(tries = TRIES)
    void theSameSeedsAndChoicesAlwaysGiveTheSameGame(@ForAll("setups") GameSetup setup, @ForAll long choices,
                                                     @ForAll @DoubleRange(max = 0.5) double timeoutRate) {
        Match<?> first = SimulatedGames.play(setup, new Random(choices), timeoutRate);
        Match<?> second = SimulatedGames.play(setup, new Random(choices), timeoutRate);
        Match<?> replayed = Match.replay(setup, first.log());

        assertThat(second.log()).isEqualTo(first.log());
        assertThat(second.state()).isEqualTo(first.state());
        assertThat(replayed.state()).isEqualTo(first.state());
        assertThat(replayed.outcome()).isEqualTo(first.outcome());
    }

    @Property(tries = TRIES)
    void everyGameEndsWithinItsCapAndKeepsItsNumbersInRange(@ForAll("setups") GameSetup setup,
                                                           @ForAll long choices,
                                                           @ForAll @DoubleRange(max = 0.5) double timeoutRate) {
        int cap = setup.type() == GameType.DUEL
                ? DuelTuning.STANDARD.turnCap()
                : setup.options().bestOf() * RpsRules.TIE_CAP;

        Match<?> end = SimulatedGames.play(setup, new Random(choices), timeoutRate, match -> {
            assertThat(match.turnsPlayed()).isLessThanOrEqualTo(cap);
            if (match.state() instanceof DuelState duel) {
                DuelTuning t = DuelTuning.STANDARD;
                for (Fighter f : List.of(duel.fighters().p1(), duel.fighters().p2())) {
                    assertThat(f.hp()).isBetween(0, t.maxHp());
                    assertThat(f.energy()).isBetween(0, t.maxEnergy());
                    assertThat(f.healsLeft()).isBetween(0, t.heals());
                    assertThat(f.healCooldown()).isBetween(0, t.healCooldown());
                }
            }
            if (match.state() instanceof RpsState rps) {
                assertThat(rps.roundsWon().p1() + rps.roundsWon().p2()).isLessThan(rps.bestOf() + 1);
                assertThat(rps.tiesInRound()).isBetween(0, RpsRules.TIE_CAP);
            }
        });

        assertThat(end.isFinished()).isTrue();
        assertThat(end.outcome()).isPresent();
    }

    @Property(tries = TRIES)
    void theExportOfEveryGameIsVerified(@ForAll("setups") GameSetup setup, @ForAll long choices,
                                        @ForAll @DoubleRange(max = 0.5) double timeoutRate) throws Exception {
        GameExport export = GameExport.of(SimulatedGames.play(setup, new Random(choices), timeoutRate));

        GameExport readBack = GameExportJson.read(GameExportJson.write(export));
        VerificationReport report = verifier.verify(readBack);

        assertThat(readBack).isEqualTo(export);
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.replayed()).isEqualTo(export.result());
    }

    @Property(tries = TRIES)
    void aDifferentRevealedSeedFailsTheCommitment(@ForAll("exports") GameExport export,
                                                  @ForAll("serverSeeds") String otherSeed) {
        Assume.that(!otherSeed.equals(export.serverSeed()));
        GameExport tampered = withSeeds(export, otherSeed, export.serverSeedSha256());

        assertThat(verifier.verify(tampered).has(Kind.COMMITMENT_MISMATCH)).isTrue();
    }

    @Property(tries = TRIES)
    void aSeedAndCommitmentBothReplacedStillFailTheDigest(@ForAll("exports") GameExport export,
                                                          @ForAll("serverSeeds") String otherSeed) {
        Assume.that(!otherSeed.equals(export.serverSeed()));
        GameExport tampered = withSeeds(export, otherSeed, new ServerSeed(otherSeed).sha256Hex());

        assertThat(verifier.verify(tampered).ok()).isFalse();
    }

    @Property(tries = TRIES)
    void changingAnyOneActionFailsVerification(@ForAll("exports") GameExport export,
                                               @ForAll @IntRange(min = 0, max = 10_000) int where,
                                               @ForAll @IntRange(min = 1, max = 3) int shift) {
        List<Action> actions = GameTypes.rulesFor(export.gameType()).actions();
        int index = where % export.actions().size();
        GameExport tampered = editActions(export, log -> {
            LoggedAction entry = log.get(index);
            int current = actions.stream().map(Action::code).toList().indexOf(entry.action());
            int other = (current + 1 + (shift - 1) % (actions.size() - 1)) % actions.size();
            log.set(index, withCode(entry, actions.get(other).code()));
            return log;
        });

        assertThat(tampered.actions()).isNotEqualTo(export.actions());
        assertThat(verifier.verify(tampered).ok()).isFalse();
    }

    @Property(tries = TRIES)
    void swappingTwoNeighbouringActionsFailsVerification(@ForAll("exports") GameExport export,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int where,
                                                         @ForAll boolean renumber) {
        int index = where % (export.actions().size() - 1);
        GameExport tampered = editActions(export, log -> {
            LoggedAction first = log.get(index);
            LoggedAction second = log.get(index + 1);
            log.set(index, renumber ? withSequence(second, first.sequence()) : second);
            log.set(index + 1, renumber ? withSequence(first, second.sequence()) : first);
            return log;
        });

        assertThat(verifier.verify(tampered).ok()).isFalse();
    }

    @Property(tries = TRIES)
    void changingTheClaimedResultFailsVerification(@ForAll("exports") GameExport export,
                                                   @ForAll @IntRange(min = 0, max = 3) int what) {
        ClaimedResult claim = export.result();
        Outcome outcome = claim.outcome();
        ClaimedResult forged = switch (what) {
            case 0 -> new ClaimedResult(outcome.isDraw() ? Outcome.win(Seat.P1, outcome.reason())
                    : Outcome.win(outcome.winner().other(), outcome.reason()), claim.turnsPlayed(), claim.score());
            case 1 -> new ClaimedResult(outcome.isDraw() ? Outcome.win(Seat.P2, "KNOCKOUT")
                    : Outcome.draw(outcome.reason()), claim.turnsPlayed(), claim.score());
            case 2 -> new ClaimedResult(outcome, claim.turnsPlayed(), claim.score().with(Seat.P2, claim.score().p2() + 1));
            default -> new ClaimedResult(outcome, claim.turnsPlayed() - 1, claim.score());
        };

        VerificationReport report = verifier.verify(withResult(export, forged));

        assertThat(report.has(Kind.RESULT_MISMATCH)).isTrue();
        assertThat(report.has(Kind.LOG_DIGEST_MISMATCH)).isFalse();
    }

    @Provide
    Arbitrary<GameExport> exports() {
        return Combinators.combine(setups(), Arbitraries.longs(), Arbitraries.doubles().between(0, 0.5))
                .as((setup, choices, timeoutRate) ->
                        GameExport.of(SimulatedGames.play(setup, new Random(choices), timeoutRate)));
    }

    @Provide
    Arbitrary<GameSetup> setups() {
        Arbitrary<String> clientSeeds = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1)
                .ofMaxLength(ClientSeed.MAX_LENGTH);
        return Combinators.combine(Arbitraries.of(GameType.class), Arbitraries.of(1, 3, 5), serverSeeds(),
                        clientSeeds, clientSeeds, Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as((type, bestOf, serverSeed, p1, p2, gameId) -> new GameSetup(gameId, type,
                        GameOptions.bestOf(type == GameType.RPS ? bestOf : 1), new ServerSeed(serverSeed),
                        new PerSeat<>(new ClientSeed(p1), new ClientSeed(p2))));
    }

    @Provide
    Arbitrary<String> serverSeeds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(ServerSeed.BYTES).map(HexFormat.of()::formatHex);
    }
}
