package com.solduel.game.rules.duel;

import com.solduel.game.fair.FairRng;
import com.solduel.game.rules.Action;
import com.solduel.game.rules.BoardView;
import com.solduel.game.rules.GameRules;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.InvalidGameOptionsException;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnActions;
import com.solduel.game.rules.TurnEvent;
import com.solduel.game.rules.TurnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DUEL: two fighters choose an action each turn, both resolve at once. Heals land first, then
 * both sides' blows together, then energy is spent and regained. A fighter at 0 HP loses; both at 0 in the
 * same turn is a draw; after the turn cap the higher HP wins and equal HP is a draw.
 *
 * <p>The triangle that keeps any single action from dominating: BLOCK parries ATTACK and
 * counters it, HEAVY_ATTACK breaks through BLOCK for a quarter of its damage, ATTACK is the reliable damage
 * that HEAVY_ATTACK (which can miss and costs energy) cannot match turn after turn, and HEAL
 * buys time but is limited.
 */
public final class DuelRules implements GameRules<DuelState> {

    /** Outcome reason: one fighter reached 0 HP. */
    public static final String KNOCKOUT = "KNOCKOUT";

    /** Outcome reason: both fighters reached 0 HP in the same turn (a draw). */
    public static final String DOUBLE_KNOCKOUT = "DOUBLE_KNOCKOUT";

    /** Outcome reason: the turn cap was reached; higher HP wins, equal HP draws. */
    public static final String TURN_CAP = "TURN_CAP";

    /**
     * The fair-RNG draws of one seat in a turn. Draw index = seat ordinal × {@link #SLOTS_PER_SEAT}
     * + slot ordinal, fixed whether or not the draw is used. Never reorder: replays depend on it.
     */
    enum Roll { ATTACK_DAMAGE, HEAVY_HIT, HEAVY_DAMAGE, COUNTER_DAMAGE, HEAL_AMOUNT }

    /** Draw indices reserved per seat. */
    static final int SLOTS_PER_SEAT = 8;

    private static final List<Action> ACTIONS = List.of(DuelAction.values());

    private final DuelTuning tuning;

    /** The standard rules. */
    public DuelRules() {
        this(DuelTuning.STANDARD);
    }

    /** Rules with other numbers, for balance experiments; only {@link DuelTuning#STANDARD} is version 1. */
    public DuelRules(DuelTuning tuning) {
        this.tuning = tuning;
    }

    /** The numbers these rules play with. */
    public DuelTuning tuning() {
        return tuning;
    }

    @Override
    public GameType type() {
        return GameType.DUEL;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public DuelState initialState(GameSetup setup) {
        if (setup.options().bestOf() != 1) {
            throw new InvalidGameOptionsException("DUEL is a single game; best of " + setup.options().bestOf()
                    + " is not offered");
        }
        return new DuelState(1, PerSeat.both(Fighter.fresh(tuning)), null, null);
    }

    @Override
    public List<Action> actions() {
        return ACTIONS;
    }

    @Override
    public List<Action> legalActions(DuelState state, Seat seat) {
        if (isFinished(state)) {
            return List.of();
        }
        Fighter fighter = state.fighters().get(seat);
        List<Action> legal = new ArrayList<>(ACTIONS.size());
        legal.add(DuelAction.ATTACK);
        if (fighter.energy() >= tuning.heavyCost()) {
            legal.add(DuelAction.HEAVY_ATTACK);
        }
        legal.add(DuelAction.BLOCK);
        if (fighter.healsLeft() > 0 && fighter.healCooldown() == 0) {
            legal.add(DuelAction.HEAL);
        }
        return List.copyOf(legal);
    }

    /** BLOCK: always legal, costs nothing and protects the absent player most. */
    @Override
    public Action defaultAction(DuelState state, Seat seat, FairRng rng) {
        return DuelAction.BLOCK;
    }

    @Override
    public TurnResult<DuelState> applyTurn(DuelState state, Map<Seat, Action> actions, FairRng rng) {
        PerSeat<DuelAction> chosen = TurnActions.requireLegal(this, state, actions).map(DuelAction.class::cast);
        int turn = state.turn();
        List<TurnEvent> events = new ArrayList<>();

        // Heals land before blows, so a heal can save a fighter from a knockout this turn.
        PerSeat<Integer> healed = PerSeat.of(seat -> {
            Fighter fighter = state.fighters().get(seat);
            if (chosen.get(seat) != DuelAction.HEAL) {
                return fighter.hp();
            }
            int amount = Math.min(tuning.maxHp() - fighter.hp(),
                    roll(rng, turn, seat, Roll.HEAL_AMOUNT, tuning.healMin(), tuning.healMax()));
            events.add(new Healed(seat, amount));
            return fighter.hp() + amount;
        });

        int[] damageTaken = new int[Seat.values().length];
        for (Seat attacker : Seat.values()) {
            Seat target = attacker.other();
            boolean targetBlocks = chosen.get(target) == DuelAction.BLOCK;
            switch (chosen.get(attacker)) {
                case ATTACK -> {
                    if (targetBlocks) {
                        int counter = roll(rng, turn, target, Roll.COUNTER_DAMAGE,
                                tuning.counterMin(), tuning.counterMax());
                        damageTaken[attacker.ordinal()] += counter;
                        events.add(new Struck(attacker, DuelAction.ATTACK.code(), 0, true));
                        events.add(new Countered(target, counter));
                    } else {
                        int damage = roll(rng, turn, attacker, Roll.ATTACK_DAMAGE,
                                tuning.attackMin(), tuning.attackMax());
                        damageTaken[target.ordinal()] += damage;
                        events.add(new Struck(attacker, DuelAction.ATTACK.code(), damage, false));
                    }
                }
                case HEAVY_ATTACK -> {
                    boolean hits = rng.draw(turn, index(attacker, Roll.HEAVY_HIT), 100) < tuning.heavyHitPercent();
                    if (hits) {
                        int damage = roll(rng, turn, attacker, Roll.HEAVY_DAMAGE, tuning.heavyMin(), tuning.heavyMax());
                        if (targetBlocks) {
                            damage = damage * tuning.heavyBlockedPercent() / 100;
                        }
                        damageTaken[target.ordinal()] += damage;
                        events.add(new Struck(attacker, DuelAction.HEAVY_ATTACK.code(), damage, targetBlocks));
                    } else {
                        events.add(new Missed(attacker));
                    }
                }
                case BLOCK, HEAL -> {
                    // no blow of their own; BLOCK's effect is applied from the attacker's side
                }
            }
        }

        PerSeat<Fighter> after = PerSeat.of(seat -> next(state.fighters().get(seat), chosen.get(seat),
                Math.max(0, healed.get(seat) - damageTaken[seat.ordinal()])));
        Outcome outcome = decide(after, turn);
        return new TurnResult<>(new DuelState(turn + 1, after, chosen.map(DuelAction::code), outcome), events);
    }

    private Fighter next(Fighter before, DuelAction action, int hp) {
        int energy = before.energy() - (action == DuelAction.HEAVY_ATTACK ? tuning.heavyCost() : 0)
                + (action == DuelAction.BLOCK ? tuning.blockEnergy() : 0);
        boolean heals = action == DuelAction.HEAL;
        return new Fighter(hp, Math.min(tuning.maxEnergy(), energy),
                before.healsLeft() - (heals ? 1 : 0),
                heals ? tuning.healCooldown() : Math.max(0, before.healCooldown() - 1));
    }

    private Outcome decide(PerSeat<Fighter> fighters, int turn) {
        boolean p1Alive = fighters.p1().alive();
        boolean p2Alive = fighters.p2().alive();
        if (!p1Alive && !p2Alive) {
            return Outcome.draw(DOUBLE_KNOCKOUT);
        }
        if (!p1Alive || !p2Alive) {
            return Outcome.win(p1Alive ? Seat.P1 : Seat.P2, KNOCKOUT);
        }
        if (turn >= tuning.turnCap()) {
            int p1 = fighters.p1().hp();
            int p2 = fighters.p2().hp();
            return p1 == p2 ? Outcome.draw(TURN_CAP) : Outcome.win(p1 > p2 ? Seat.P1 : Seat.P2, TURN_CAP);
        }
        return null;
    }

    private static int roll(FairRng rng, int turn, Seat seat, Roll roll, int min, int max) {
        return rng.between(turn, index(seat, roll), min, max);
    }

    /** The fair-RNG draw index of {@code roll} for {@code seat}. */
    static int index(Seat seat, Roll roll) {
        return seat.ordinal() * SLOTS_PER_SEAT + roll.ordinal();
    }

    @Override
    public Optional<Outcome> outcome(DuelState state) {
        return Optional.ofNullable(state.outcome());
    }

    @Override
    public PerSeat<Integer> score(DuelState state) {
        return state.fighters().map(Fighter::hp);
    }

    @Override
    public BoardView viewFor(DuelState state, Seat seat) {
        return spectatorView(state);
    }

    @Override
    public BoardView spectatorView(DuelState state) {
        return new DuelBoard(tuning.turnCap(), tuning.maxHp(), tuning.maxEnergy(), tuning.heavyCost(),
                state.fighters(), state.lastActions());
    }
}
