package com.solduel.ws;

import com.solduel.auth.AccessTokenRefusedException;
import com.solduel.auth.AccessTokens;
import com.solduel.auth.AuthenticatedPlayer;
import com.solduel.player.PlayerBannedException;
import com.solduel.player.PlayerBans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one gate every game socket passes: who may open one. The filter that refuses the upgrade
 * and the configurator that hands the player to the endpoint both ask here, so a new rule (a
 * banned wallet, a revoked token) is added once.
 */
@ApplicationScoped
public class HandshakeAuthentication {

    /** The query parameter browsers use, since they cannot set headers on a WebSocket. */
    public static final String TOKEN_PARAMETER = "token";
    private static final String BEARER = "bearer ";

    @Inject
    AccessTokens tokens;

    @Inject
    PlayerBans bans;

    /**
     * The player a handshake speaks for: the {@code Authorization: Bearer} token if there is one,
     * else the {@code token} query parameter. Throws {@link AccessTokenRefusedException} otherwise,
     * also for an {@code Authorization} header of another scheme (Basic, ...): the game socket
     * takes Bearer tokens only. Throws {@link PlayerBannedException} for a banned player's valid
     * token (read from PostgreSQL, so a ban holds from its commit on, on every node).
     */
    public AuthenticatedPlayer authenticate(Optional<String> authorization, Optional<String> tokenParameter) {
        if (authorization.isPresent() && !authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AccessTokenRefusedException(AccessTokenRefusedException.Reason.MALFORMED,
                    "the Authorization header is not a Bearer token; the game socket takes Bearer tokens only");
        }
        Optional<String> bearer = authorization.map(value -> value.substring(BEARER.length()).trim());
        AuthenticatedPlayer player = tokens.verify(bearer.or(() -> tokenParameter).orElse(null));
        bans.refuseIfBanned(player.wallet());
        return player;
    }
}
