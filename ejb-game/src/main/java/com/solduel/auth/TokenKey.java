package com.solduel.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the players' tokens (HS256): the text of the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, read once at start. Liberty's MicroProfile JWT checks REST
 * requests with the very same variable ({@code <mpJwt sharedKey="${env.SOLDUEL_JWT_SECRET}">} in
 * server.xml), so it is read from the environment and from nowhere else: the two cannot disagree.
 * A node without a usable key refuses to start, so it never serves a request that such a key would
 * have to check.
 *
 * <p>Every node both issues and checks tokens, so every node holds the key either way; an HMAC
 * costs microseconds where an RSA-2048 signature cost ~0.85 ms of CPU per sign-in (docs/benchmarks.md).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenKey {

    public static final String ENVIRONMENT_VARIABLE = "SOLDUEL_JWT_SECRET";
    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2); the set-up makes 43 characters of base64url. */
    static final int MIN_BYTES = 32;

    private volatile SecretKey key;

    @PostConstruct
    void read() {
        key = of(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** The key tokens are signed and checked with. */
    public SecretKey key() {
        return key;
    }

    /**
     * The HS256 key of {@code text} (its UTF-8 bytes, as Liberty takes {@code sharedKey}), or an
     * {@link IllegalStateException} saying what to set.
     */
    public static SecretKey of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not set: it is the players' token key (at least "
                    + MIN_BYTES + " random bytes of text; scripts/setup.sh writes one to .local/server.env, "
                    + "the Kubernetes operator takes it from the app Secret)");
        }
        if (text.startsWith("{")) {
            // Liberty decodes a password-typed attribute that starts with {xor} or {aes}, so it would check
            // with a different key than the one tokens are signed with.
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must not start with '{' (Liberty would read it as "
                    + "an encoded password); use plain random text such as base64url");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES || !text.strip().equals(text)) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must be at least " + MIN_BYTES
                    + " bytes without surrounding spaces (it has " + bytes.length + "): make it with "
                    + "`head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='`");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
