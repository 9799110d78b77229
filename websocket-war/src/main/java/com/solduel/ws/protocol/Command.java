package com.solduel.ws.protocol;

import java.util.Optional;
import java.util.OptionalLong;

/** A frame a client sent, parsed and checked for shape; what it means for a game is the game hall's call. */
public sealed interface Command {

    /** Sit down at (or come back to) a game you play: the hall answers with a {@code state} frame and the events after {@code sinceVersion} when given. */
    record JoinGame(long gameId, OptionalLong sinceVersion) implements Command {
    }

    /** Follow a game as a spectator, without hidden information. */
    record WatchGame(long gameId, OptionalLong sinceVersion) implements Command {
    }

    /** Your action for a turn; {@code clientSeq} makes a resubmission idempotent. */
    record SubmitAction(long gameId, int clientSeq, int turn, String action) implements Command {
    }

    /**
     * Wait for an opponent in the bucket (game type, wager in lamports, rated or not); answered by
     * {@code queue_status}, later {@code match_found}.
     */
    record QueueJoin(String gameType, com.solduel.money.Lamports wager, boolean rated, Optional<String> clientSeed)
            implements Command {
    }

    /** Stop waiting; answered by {@code queue_left}. */
    record QueueLeave() implements Command {
    }

    /** Keep-alive and round-trip probe; answered by {@code pong} with the same nonce. */
    record Ping(Optional<String> nonce) implements Command {
    }
}
