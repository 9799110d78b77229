package com.solduel.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the players' access tokens outside JAX-RS (the WebSocket handshake), with the very
 * settings MicroProfile JWT uses for REST ({@code mp.jwt.verify.*} and the key of
 * {@link TokenKey}), so both accept exactly the same tokens.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    TokenKey tokenKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew")
    int clockSkewSeconds;

    private volatile JwtVerifier verifier;

    /** The player {@code token} speaks for; {@link AccessTokenRefusedException} when it is missing, forged or expired. */
    public AuthenticatedPlayer verify(String token) {
        return verifier().verify(token);
    }

    private JwtVerifier verifier() {
        JwtVerifier current = verifier;
        if (current == null) {
            current = new JwtVerifier(tokenKey.key(), issuer, Set.copyOf(audiences), Duration.ofSeconds(clockSkewSeconds),
                    Clock.systemUTC());
            verifier = current;
        }
        return current;
    }
}
