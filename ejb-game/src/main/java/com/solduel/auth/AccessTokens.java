package com.solduel.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the players' access tokens outside JAX-RS (the WebSocket handshake), with the very
 * settings MicroProfile JWT uses for REST ({@code mp.jwt.verify.*}), so both accept exactly the
 * same tokens.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKeyPem;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

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
            current = new JwtVerifier(publicKey(), issuer, Set.copyOf(audiences), Duration.ofSeconds(clockSkewSeconds),
                    Clock.systemUTC());
            verifier = current;
        }
        return current;
    }

    private PublicKey publicKey() {
        String where = publicKeyPem.isPresent() ? "mp.jwt.verify.publickey" : publicKeyLocation.orElseThrow(() ->
                new IllegalStateException("neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location is set: "
                        + "point MP_JWT_VERIFY_PUBLICKEY_LOCATION at the PEM public key (scripts/setup.sh writes it)"));
        try {
            return JwtVerifier.readPublicKey(publicKeyPem.isPresent() ? publicKeyPem.get() : read(where));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the JWT public key from " + where + ": " + e.getMessage(), e);
        }
    }

    /** A {@code file:} URL, a plain path, or a resource on the class path, as MicroProfile JWT accepts. */
    static String read(String location) throws IOException {
        if (location.startsWith("file:")) {
            return Files.readString(Path.of(URI.create(location)));
        }
        Path path = Path.of(location);
        if (Files.exists(path)) {
            return Files.readString(path);
        }
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new IOException("no file or class-path resource " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
