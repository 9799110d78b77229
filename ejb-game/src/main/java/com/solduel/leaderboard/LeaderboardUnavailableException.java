package com.solduel.leaderboard;

import com.solduel.shared.SolDuelException;

/** A rebuild asked for while Redis cannot be written. */
public class LeaderboardUnavailableException extends SolDuelException {

    public LeaderboardUnavailableException(Throwable cause) {
        super("Redis cannot be written, so the leaderboards cannot be rebuilt now; they are answered from PostgreSQL "
                + "meanwhile: retry once Redis is back", cause);
    }

    @Override
    public String code() {
        return "redis-unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
