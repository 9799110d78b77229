package com.solduel.game.table;

/**
 * The answer to the submitting player: its action for {@code turn} is locked in.
 * {@code duplicate} when this frame recorded nothing new because the same choice was already
 * locked in for this turn (a resend, with the same or a new clientSeq).
 */
public record ActionAccepted(long gameId, int clientSeq, int turn, String action, boolean duplicate)
        implements GameMessage {
}
