package com.solduel.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the JWTs players present to REST and the WebSocket handshake. */
@ApplicationScoped
public class PlayerTokens {

    /** Every signed-in wallet is in this group. */
    public static final String PLAYER = "player";
    /** Wallets listed in {@code solduel.auth.admin-wallets} are also in this one. */
    public static final String ADMIN = "admin";

    @Inject
    TokenKey tokenKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "solduel.jwt.lifetime")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "solduel.auth.admin-wallets")
    Optional<List<String>> adminWallets;

    private volatile JwtIssuer signer;

    /** A token for {@code wallet}, valid for the configured lifetime from {@code now}. */
    public SignedToken issue(String wallet, Instant now) {
        Set<String> groups = new TreeSet<>();
        groups.add(PLAYER);
        if (isAdminWallet(wallet)) {
            groups.add(ADMIN);
        }
        Instant expiresAt = now.plus(lifetime);
        return new SignedToken(signer().issue(wallet, groups, now, expiresAt), expiresAt, groups);
    }

    /**
     * Whether {@code wallet} is an admin by the configuration now: an admin token stays valid for its
     * lifetime, so admin operations also ask this, and a wallet removed from the list loses them at once.
     */
    public boolean isAdminWallet(String wallet) {
        return adminWallets.orElse(List.of()).contains(wallet);
    }

    private JwtIssuer signer() {
        JwtIssuer current = signer;
        if (current == null) {
            current = new JwtIssuer(tokenKey.key(), issuer, audience);
            signer = current;
        }
        return current;
    }

    /** A signed JWT with its expiry and groups. */
    public record SignedToken(String token, Instant expiresAt, Set<String> groups) {
    }
}
