package com.solduel.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
    @ConfigProperty(name = "solduel.jwt.private-key-location")
    Optional<String> privateKeyLocation;

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
            String location = privateKeyLocation.orElseThrow(() -> new IllegalStateException(
                    "solduel.jwt.private-key-location is not set: point it (or SOLDUEL_JWT_PRIVATE_KEY_LOCATION) "
                            + "at a PKCS#8 PEM RSA key; scripts/setup.sh creates one in .local/jwt/"));
            try {
                current = new JwtIssuer(JwtIssuer.readPrivateKey(Files.readString(Path.of(location))), issuer, audience);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JWT signing key at " + location + ": " + e.getMessage(), e);
            }
            signer = current;
        }
        return current;
    }

    /** A signed JWT with its expiry and groups. */
    public record SignedToken(String token, Instant expiresAt, Set<String> groups) {
    }
}
