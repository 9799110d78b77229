package com.solduel.leaderboard;

import com.solduel.shared.SolDuelException;

/** {@code around} named a wallet with no rated game of the type: it is not on that leaderboard. */
public class NotRankedException extends SolDuelException {

    public NotRankedException(String wallet, String gameType) {
        super(wallet + " has no rated " + gameType + " game, so it is not on the " + gameType + " leaderboard");
    }

    @Override
    public String code() {
        return "not-ranked";
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
