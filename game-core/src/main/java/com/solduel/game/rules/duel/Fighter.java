package com.solduel.game.rules.duel;

/**
 * One fighter between turns.
 *
 * @param hp           hit points, 0 to max
 * @param energy       spent by HEAVY_ATTACK
 * @param healsLeft    HEAL charges left
 * @param healCooldown turns until HEAL is allowed again (0: allowed)
 */
public record Fighter(int hp, int energy, int healsLeft, int healCooldown) {

    /** A fresh fighter. */
    public static Fighter fresh(DuelTuning tuning) {
        return new Fighter(tuning.maxHp(), tuning.startEnergy(), tuning.heals(), 0);
    }

    /** Whether this fighter is still standing. */
    public boolean alive() {
        return hp > 0;
    }
}
