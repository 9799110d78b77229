package com.solduel.game.table;

import com.solduel.game.rules.Seat;

/**
 * A deposit of a wagered game that awaits deposits was credited: told to every seated player
 * following the game, on every node. {@code depositorSeat}/{@code wallet} say whose deposit it was
 * and {@code lamports} how much it credited; {@code deposited}/{@code opponentDeposited} are as
 * seen by the player told; {@code gameStatus} is IN_PROGRESS when it was the second deposit (then
 * {@code game_started} follows). Never part of the game's log.
 */
public record DepositCounted(long gameId, Seat depositorSeat, String wallet, long lamports, boolean deposited,
                             boolean opponentDeposited, String gameStatus) implements GameMessage {
}
