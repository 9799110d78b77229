package com.solduel.game.rules.duel;

/**
 * Every number of the DUEL rules in one place. Changing any of them changes replays, so it
 * requires a new {@link DuelRules#version()}.
 *
 * @param maxHp               starting and maximum hit points
 * @param turnCap             the game ends after this many turns
 * @param startEnergy         energy before turn 1
 * @param maxEnergy           energy never exceeds this
 * @param blockEnergy         energy regained by blocking, the only way to regain it
 * @param attackMin           lowest ATTACK damage
 * @param attackMax           highest ATTACK damage
 * @param heavyCost           energy HEAVY_ATTACK costs
 * @param heavyHitPercent     chance in percent that HEAVY_ATTACK lands
 * @param heavyMin            lowest HEAVY_ATTACK damage
 * @param heavyMax            highest HEAVY_ATTACK damage
 * @param heavyBlockedPercent share of HEAVY_ATTACK damage that gets through a block
 * @param counterMin          lowest damage a block deals back to an ATTACK it parries
 * @param counterMax          highest counter damage
 * @param healMin             lowest HEAL amount
 * @param healMax             highest HEAL amount
 * @param heals               HEAL charges per game
 * @param healCooldown        turns after a HEAL before the next one is allowed
 */
public record DuelTuning(int maxHp, int turnCap, int startEnergy, int maxEnergy, int blockEnergy,
                         int attackMin, int attackMax, int heavyCost, int heavyHitPercent,
                         int heavyMin, int heavyMax, int heavyBlockedPercent, int counterMin, int counterMax,
                         int healMin, int healMax, int heals, int healCooldown) {

    /**
     * The numbers of DUEL version 1. Chosen by simulation so that every "always the same action"
     * strategy wins between about 30% and 50% against a random opponent ({@code StrategyBalanceTest}).
     */
    public static final DuelTuning STANDARD = new DuelTuning(
            100, 20,
            1, 3, 1,
            12, 18,
            2, 60, 22, 30, 25,
            1, 3,
            12, 16, 2, 1);
}
