package com.solduel.game.table;

/**
 * A seated player of a wagered game that awaits deposits is told what to send: {@code lamports}
 * to {@code vault} with {@code memo} by {@code deadlineMillis} (epoch ms), and where both deposits
 * stand. Sent to that player only (it names their wallet); never part of the game's log.
 */
public record DepositRequired(long gameId, String vault, long lamports, String memo, long deadlineMillis,
                              boolean deposited, boolean opponentDeposited) implements GameMessage {
}
