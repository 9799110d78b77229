package com.solduel.game.rules.duel;

import com.solduel.game.rules.Action;

/** What a fighter can do in one turn; the numbers live in {@link DuelTuning}. */
public enum DuelAction implements Action {
    /** Reliable moderate damage; fully parried by a block, which counters. */
    ATTACK,
    /** Big damage that can miss and costs energy; a block lets a quarter of it through. */
    HEAVY_ATTACK,
    /** Parries an attack (and counters), stops three quarters of a heavy attack, and regains energy. */
    BLOCK,
    /** Restores hit points; limited charges and a cooldown. */
    HEAL;

    @Override
    public String code() {
        return name();
    }
}
