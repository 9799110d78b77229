package com.solduel.auth;

import com.solduel.player.WalletAddress;
import java.time.Instant;
import java.util.Set;

/** Who a verified access token speaks for: the wallet (the token's subject), its groups and when it expires. */
public record AuthenticatedPlayer(WalletAddress wallet, Set<String> groups, Instant expiresAt) {

    public AuthenticatedPlayer {
        groups = Set.copyOf(groups);
    }

    public boolean isAdmin() {
        return groups.contains(PlayerTokens.ADMIN);
    }
}
