package com.solduel.game.live;

import com.solduel.game.table.DepositRequired;

/**
 * What the hall asks of the money side (com.solduel.wager implements it) when a seated player
 * follows a game that awaits deposits: that player's deposit instructions. An interface here keeps
 * the game package free of the wager package, which depends on it.
 */
public interface DepositDesk {

    /** The instructions for {@code wallet}, a seated player of {@code gameId}. */
    DepositRequired depositRequired(long gameId, String wallet);
}
