package com.solduel.game.rules.duel;

import static com.solduel.game.rules.duel.DuelAction.ATTACK;
import static com.solduel.game.rules.duel.DuelAction.BLOCK;
import static com.solduel.game.rules.duel.DuelAction.HEAL;
import static com.solduel.game.rules.duel.DuelAction.HEAVY_ATTACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.fair.FairRng;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.IllegalActionException;
import com.solduel.game.rules.InvalidGameOptionsException;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.SimulatedGames;
import com.solduel.game.rules.TurnResult;
import com.solduel.game.rules.duel.DuelRules.Roll;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DuelRulesTest {

    static final DuelTuning T = DuelTuning.STANDARD;

    final DuelRules rules = new DuelRules();
    final GameSetup setup = SimulatedGames.setup(GameType.DUEL, 1, 11);
    final FairRng rng = setup.rng();

    @Test
    void fightersStartWithFullHealthOneEnergyAndTwoHeals() {
        DuelState state = rules.initialState(setup);

        assertThat(state.fighters()).isEqualTo(PerSeat.both(new Fighter(100, 1, 2, 0)));
        assertThat(rules.legalActions(state, Seat.P1)).containsExactly(ATTACK, BLOCK, HEAL);
        assertThat(rules.score(state)).isEqualTo(PerSeat.both(100));
    }

    @Test
    void aDuelIsASingleGame() {
        GameSetup bestOfThree = new GameSetup(1, GameType.DUEL, GameOptions.bestOf(3), setup.serverSeed(),
                setup.clientSeeds());

        assertThatThrownBy(() -> rules.initialState(bestOfThree)).isInstanceOf(InvalidGameOptionsException.class);
    }

    @Test
    void attacksTradeTheirRolledDamage() {
        TurnResult<DuelState> result = turn(rules.initialState(setup), ATTACK, ATTACK);

        int byP1 = roll(1, Seat.P1, Roll.ATTACK_DAMAGE, T.attackMin(), T.attackMax());
        int byP2 = roll(1, Seat.P2, Roll.ATTACK_DAMAGE, T.attackMin(), T.attackMax());
        assertThat(hp(result)).isEqualTo(new PerSeat<>(100 - byP2, 100 - byP1));
        assertThat(result.events()).containsExactly(
                new Struck(Seat.P1, "ATTACK", byP1, false), new Struck(Seat.P2, "ATTACK", byP2, false));
        assertThat(byP1).isBetween(12, 18);
    }

    @Test
    void aBlockParriesAnAttackCountersAndRegainsEnergy() {
        TurnResult<DuelState> result = turn(rules.initialState(setup), ATTACK, BLOCK);

        int counter = roll(1, Seat.P2, Roll.COUNTER_DAMAGE, T.counterMin(), T.counterMax());
        assertThat(hp(result)).isEqualTo(new PerSeat<>(100 - counter, 100));
        assertThat(result.events()).containsExactly(new Struck(Seat.P1, "ATTACK", 0, true),
                new Countered(Seat.P2, counter));
        assertThat(result.state().fighters().p2().energy()).isEqualTo(2);
        assertThat(result.state().fighters().p1().energy()).isEqualTo(1);
    }

    @Test
    void energyNeverExceedsTheMaximum() {
        DuelState full = withFighters(1, new Fighter(100, 3, 2, 0), new Fighter(100, 3, 2, 0));

        assertThat(turn(full, BLOCK, BLOCK).state().fighters()).isEqualTo(PerSeat.both(new Fighter(100, 3, 2, 0)));
    }

    @Test
    void aHeavyAttackNeedsTwoEnergy() {
        DuelState state = rules.initialState(setup);

        assertThat(rules.legalActions(state, Seat.P1)).doesNotContain(HEAVY_ATTACK);
        assertThatThrownBy(() -> turn(state, HEAVY_ATTACK, BLOCK))
                .isInstanceOfSatisfying(IllegalActionException.class,
                        e -> assertThat(e.reason()).isEqualTo(IllegalActionException.Reason.ACTION_NOT_ALLOWED));
    }

    @Test
    void aLandedHeavyAttackDealsItsRollAndSpendsTheEnergy() {
        int turn = findTurn(t -> heavyHits(t, Seat.P1));
        DuelState state = withFighters(turn, new Fighter(100, 2, 2, 0), new Fighter(100, 1, 2, 0));

        TurnResult<DuelState> result = turn(state, HEAVY_ATTACK, HEAL);

        int damage = roll(turn, Seat.P1, Roll.HEAVY_DAMAGE, T.heavyMin(), T.heavyMax());
        assertThat(damage).isBetween(22, 30);
        assertThat(result.state().fighters().p2().hp()).isEqualTo(100 - damage);
        assertThat(result.state().fighters().p1().energy()).isZero();
        assertThat(result.events()).contains(new Struck(Seat.P1, "HEAVY_ATTACK", damage, false));
    }

    @Test
    void aHeavyAttackCanMissAndStillCostsEnergy() {
        int turn = findTurn(t -> !heavyHits(t, Seat.P1));
        DuelState state = withFighters(turn, new Fighter(100, 3, 2, 0), new Fighter(100, 1, 2, 0));

        TurnResult<DuelState> result = turn(state, HEAVY_ATTACK, BLOCK);

        assertThat(result.events()).containsExactly(new Missed(Seat.P1));
        assertThat(result.state().fighters().p2().hp()).isEqualTo(100);
        assertThat(result.state().fighters().p1().energy()).isEqualTo(1);
    }

    @Test
    void aBlockOnlyStopsThreeQuartersOfAHeavyAttack() {
        int turn = findTurn(t -> heavyHits(t, Seat.P2));
        DuelState state = withFighters(turn, new Fighter(100, 1, 2, 0), new Fighter(100, 2, 2, 0));

        TurnResult<DuelState> result = turn(state, BLOCK, HEAVY_ATTACK);

        int through = roll(turn, Seat.P2, Roll.HEAVY_DAMAGE, T.heavyMin(), T.heavyMax()) * 25 / 100;
        assertThat(result.state().fighters().p1().hp()).isEqualTo(100 - through);
        assertThat(result.events()).containsExactly(new Struck(Seat.P2, "HEAVY_ATTACK", through, true));
    }

    @Test
    void healRestoresHitPointsUsesAChargeAndCoolsDownForATurn() {
        DuelState state = withFighters(1, new Fighter(50, 1, 2, 0), new Fighter(100, 1, 2, 0));

        DuelState after = turn(state, HEAL, BLOCK).state();

        int healed = roll(1, Seat.P1, Roll.HEAL_AMOUNT, T.healMin(), T.healMax());
        assertThat(healed).isBetween(12, 16);
        assertThat(after.fighters().p1()).isEqualTo(new Fighter(50 + healed, 1, 1, 1));
        assertThat(rules.legalActions(after, Seat.P1)).doesNotContain(HEAL);

        DuelState later = turn(after, BLOCK, BLOCK).state();
        assertThat(rules.legalActions(later, Seat.P1)).contains(HEAL);
    }

    @Test
    void noHealWithoutCharges() {
        DuelState state = withFighters(1, new Fighter(50, 1, 0, 0), new Fighter(100, 1, 2, 0));

        assertThat(rules.legalActions(state, Seat.P1)).containsExactly(ATTACK, BLOCK);
    }

    @Test
    void healingLandsBeforeBlowsAndStopsAtMaxHp() {
        DuelState state = withFighters(1, new Fighter(95, 1, 2, 0), new Fighter(100, 1, 2, 0));

        TurnResult<DuelState> result = turn(state, HEAL, ATTACK);

        int blow = roll(1, Seat.P2, Roll.ATTACK_DAMAGE, T.attackMin(), T.attackMax());
        assertThat(result.state().fighters().p1().hp()).isEqualTo(100 - blow);
        assertThat(result.events()).startsWith(new Healed(Seat.P1, 5));
    }

    @Test
    void aFighterAtZeroLosesByKnockoutAndHpNeverGoesNegative() {
        DuelState state = withFighters(3, new Fighter(100, 1, 2, 0), new Fighter(5, 1, 2, 0));

        DuelState after = turn(state, ATTACK, ATTACK).state();

        assertThat(after.fighters().p2().hp()).isZero();
        assertThat(rules.outcome(after)).contains(Outcome.win(Seat.P1, DuelRules.KNOCKOUT));
        assertThat(rules.legalActions(after, Seat.P1)).isEmpty();
    }

    @Test
    void bothFallingInTheSameTurnIsADraw() {
        DuelState state = withFighters(3, new Fighter(5, 1, 2, 0), new Fighter(5, 1, 2, 0));

        assertThat(rules.outcome(turn(state, ATTACK, ATTACK).state()))
                .contains(Outcome.draw(DuelRules.DOUBLE_KNOCKOUT));
    }

    @Test
    void afterTheTurnCapTheHigherHpWins() {
        DuelState state = withFighters(T.turnCap(), new Fighter(60, 1, 2, 0), new Fighter(50, 1, 2, 0));

        DuelState after = turn(state, BLOCK, BLOCK).state();

        assertThat(rules.outcome(after)).contains(Outcome.win(Seat.P1, DuelRules.TURN_CAP));
        assertThat(after.turn()).isEqualTo(T.turnCap() + 1);
    }

    @Test
    void afterTheTurnCapEqualHpIsADraw() {
        DuelState state = withFighters(T.turnCap(), new Fighter(40, 1, 2, 0), new Fighter(40, 1, 2, 0));

        assertThat(rules.outcome(turn(state, BLOCK, BLOCK).state())).contains(Outcome.draw(DuelRules.TURN_CAP));
    }

    @Test
    void aKnockoutInTheLastTurnIsAKnockoutNotATurnCapResult() {
        DuelState state = withFighters(T.turnCap(), new Fighter(100, 1, 2, 0), new Fighter(5, 1, 2, 0));

        assertThat(rules.outcome(turn(state, ATTACK, ATTACK).state()))
                .contains(Outcome.win(Seat.P1, DuelRules.KNOCKOUT));
    }

    @Test
    void healIsAllowedAtFullHpAndRestoresNothing() {
        DuelState state = rules.initialState(setup);

        TurnResult<DuelState> result = turn(state, HEAL, BLOCK);

        assertThat(rules.legalActions(state, Seat.P1)).contains(HEAL);
        assertThat(result.events()).containsExactly(new Healed(Seat.P1, 0));
        assertThat(result.state().fighters().p1()).isEqualTo(new Fighter(100, 1, 1, 1));
    }

    @Test
    void theGameGoesOnBeforeTheCap() {
        DuelState state = withFighters(T.turnCap() - 1, new Fighter(60, 1, 2, 0), new Fighter(50, 1, 2, 0));

        assertThat(rules.isFinished(turn(state, BLOCK, BLOCK).state())).isFalse();
    }

    @Test
    void aMissedTurnBlocks() {
        assertThat(rules.defaultAction(rules.initialState(setup), Seat.P2, rng)).isEqualTo(BLOCK);
    }

    @Test
    void everyoneSeesTheSameOpenBoard() {
        DuelState state = turn(rules.initialState(setup), ATTACK, BLOCK).state();

        DuelBoard board = (DuelBoard) rules.spectatorView(state);

        assertThat(rules.viewFor(state, Seat.P1)).isEqualTo(board);
        assertThat(rules.viewFor(state, Seat.P2)).isEqualTo(board);
        assertThat(board.fighters()).isEqualTo(state.fighters());
        assertThat(board.lastActions()).isEqualTo(new PerSeat<>("ATTACK", "BLOCK"));
    }

    @Test
    void drawIndicesOfTheTwoSeatsNeverOverlap() {
        assertThat(DuelRules.index(Seat.P1, Roll.HEAL_AMOUNT)).isEqualTo(4);
        assertThat(DuelRules.index(Seat.P2, Roll.ATTACK_DAMAGE)).isEqualTo(8);
        assertThat(Roll.values().length).isLessThanOrEqualTo(DuelRules.SLOTS_PER_SEAT);
    }

    private TurnResult<DuelState> turn(DuelState state, DuelAction p1, DuelAction p2) {
        return rules.applyTurn(state, Map.of(Seat.P1, p1, Seat.P2, p2), rng);
    }

    private static DuelState withFighters(int turn, Fighter p1, Fighter p2) {
        return new DuelState(turn, new PerSeat<>(p1, p2), null, null);
    }

    private int roll(int turn, Seat seat, Roll roll, int min, int max) {
        return rng.between(turn, DuelRules.index(seat, roll), min, max);
    }

    private boolean heavyHits(int turn, Seat seat) {
        return rng.draw(turn, DuelRules.index(seat, Roll.HEAVY_HIT), 100) < T.heavyHitPercent();
    }

    private static int findTurn(Predicate<Integer> wanted) {
        for (int turn = 1; turn < T.turnCap(); turn++) {
            if (wanted.test(turn)) {
                return turn;
            }
        }
        throw new AssertionError("no turn of this seed has the wanted roll; pick another seed");
    }

    private static PerSeat<Integer> hp(TurnResult<DuelState> result) {
        return result.state().fighters().map(Fighter::hp);
    }
}
