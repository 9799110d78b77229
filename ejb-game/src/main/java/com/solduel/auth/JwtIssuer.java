package com.solduel.auth;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Signs the server's JWTs (HS256, compact JWS). MicroProfile JWT only verifies tokens, so the
 * few lines that sign them live here, with the JDK's HMAC; the key ({@link TokenKey}) comes from
 * the environment the set-up (or a Kubernetes Secret) provides, never from the repository.
 */
public final class JwtIssuer {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey key;
    private final String issuer;
    private final String audience;

    public JwtIssuer(SecretKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A token for {@code subject} (the wallet) in {@code groups}, valid from {@code now} until {@code expiresAt}. */
    public String issue(String subject, Set<String> groups, Instant now, Instant expiresAt) {
        String header = JSON.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build().toString();
        JsonArrayBuilder groupArray = JSON.createArrayBuilder();
        groups.stream().sorted().forEach(groupArray::add);
        String payload = JSON.createObjectBuilder()
                .add("iss", issuer)
                // An array, not a lone string: Liberty's mpJwt reads "aud" as a list, and a string made it
                // throw and catch a ClassCastException on every request that carries a token.
                .add("aud", JSON.createArrayBuilder().add(audience))
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + B64URL.encodeToString(hs256(key, signingInput));
    }

    /** The HS256 signature of a token's {@code header.payload} (issuing and {@link JwtVerifier} alike). */
    static byte[] hs256(SecretKey key, String signingInput) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HS256 is unavailable with this key: check " + TokenKey.ENVIRONMENT_VARIABLE, e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
