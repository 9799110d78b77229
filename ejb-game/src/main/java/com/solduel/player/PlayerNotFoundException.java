package com.solduel.player;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/** No player has signed in with this wallet. */
@ApplicationException
public class PlayerNotFoundException extends SolDuelException {

    public PlayerNotFoundException(WalletAddress wallet) {
        super("no player with wallet " + wallet.value());
    }

    @Override
    public String code() {
        return "player-not-found";
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
